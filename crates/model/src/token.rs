//! Bearer tokens for participants and convenor sessions, and the hashes stored in their place.
//!
//! A token is 32 random bytes (256 bits) written as 64 lowercase hex digits. Because tokens are
//! random rather than chosen by people, a plain SHA-256 is enough to store them: a leaked table of
//! hashes gives no way back to a usable token.

use std::fmt;

use sha2::{Digest, Sha256};

/// Number of random bytes in a token.
pub const TOKEN_BYTES: usize = 32;

/// Why a presented token was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("token is not 64 hexadecimal digits")]
pub struct TokenError;

/// A bearer token; its `Debug` output never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    bytes: [u8; TOKEN_BYTES],
    text: String,
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

impl Token {
    /// Makes a token from bytes the caller drew from a secure random source.
    pub fn from_bytes(bytes: [u8; TOKEN_BYTES]) -> Token {
        Token {
            text: to_hex(&bytes),
            bytes,
        }
    }

    /// Reads a token presented by a client (64 hex digits, either case).
    pub fn parse(raw: &str) -> Result<Token, TokenError> {
        let raw = raw.trim();
        if raw.len() != TOKEN_BYTES * 2 {
            return Err(TokenError);
        }
        let mut bytes = [0u8; TOKEN_BYTES];
        for (byte, pair) in bytes.iter_mut().zip(raw.as_bytes().chunks_exact(2)) {
            let text = std::str::from_utf8(pair).map_err(|_| TokenError)?;
            *byte = u8::from_str_radix(text, 16).map_err(|_| TokenError)?;
        }
        Ok(Token::from_bytes(bytes))
    }

    /// Returns the token as sent to the client.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Returns the SHA-256 hash stored in place of the token.
    pub fn hash(&self) -> TokenHash {
        TokenHash(Sha256::digest(self.bytes).into())
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(..)")
    }
}

/// The SHA-256 hash of a token, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    /// Returns the hash bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Returns the hash as 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_through_text_and_hash_stably() {
        let token = Token::from_bytes([0xab; TOKEN_BYTES]);
        assert_eq!(token.as_str(), "ab".repeat(32));
        let parsed = Token::parse(&token.as_str().to_uppercase()).unwrap();
        assert_eq!(parsed, token);
        assert_eq!(parsed.hash(), token.hash());
        assert_ne!(Token::from_bytes([0; TOKEN_BYTES]).hash(), token.hash());
        assert_eq!(format!("{token:?}"), "Token(..)");
    }

    #[test]
    fn the_hash_is_sha256_of_the_bytes() {
        // SHA-256 of 32 zero bytes.
        assert_eq!(
            Token::from_bytes([0; TOKEN_BYTES]).hash().to_hex(),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
        );
    }

    #[test]
    fn malformed_tokens_are_refused() {
        assert_eq!(Token::parse(""), Err(TokenError));
        assert_eq!(Token::parse(&"g".repeat(64)), Err(TokenError));
        assert_eq!(Token::parse(&"a".repeat(63)), Err(TokenError));
        assert_eq!(Token::parse(&"é".repeat(32)), Err(TokenError));
    }
}
