//! Convenor passwords: checked on the way in, stored only as argon2id hashes.
//!
//! Hashes use argon2id (version 0x13) with 19 MiB of memory, 2 passes and 1 lane, the minimum
//! OWASP recommends for argon2id, and a 16-byte salt the caller draws from a secure random
//! source. Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$...`) that carry their own
//! parameters, so raising the parameters later still verifies old hashes.

use std::fmt;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Memory cost in KiB.
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Number of passes over memory.
pub const PASSES: u32 = 2;
/// Degree of parallelism.
pub const LANES: u32 = 1;
/// Number of salt bytes the caller supplies.
pub const SALT_BYTES: usize = 16;

/// Why a password or a hash was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than [`Password::MIN_CHARS`].
    #[error("password is shorter than {} characters", Password::MIN_CHARS)]
    TooShort,
    /// Longer than [`Password::MAX_CHARS`].
    #[error("password is longer than {} characters", Password::MAX_CHARS)]
    TooLong,
    /// The stored hash is not an argon2 PHC string.
    #[error("password hash is malformed")]
    MalformedHash,
    /// Hashing failed (it cannot with valid parameters and salt).
    #[error("password hashing failed")]
    Hashing,
}

/// A password as typed; its `Debug` output never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// The fewest characters a password may have.
    pub const MIN_CHARS: usize = 10;
    /// The most characters a password may have; bounds the hashing work a request can cause.
    pub const MAX_CHARS: usize = 1024;

    /// Checks the length of `raw`, which is kept exactly (passwords are not trimmed).
    pub fn parse(raw: &str) -> Result<Password, PasswordError> {
        let length = raw.chars().count();
        if length < Password::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if length > Password::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        Ok(Password(raw.to_owned()))
    }

    /// Returns the password.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(..)")
    }
}

/// An argon2 PHC hash string of a password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordHash(String);

fn hasher() -> Result<Argon2<'static>, PasswordError> {
    let params =
        Params::new(MEMORY_KIB, PASSES, LANES, None).map_err(|_| PasswordError::Hashing)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

impl PasswordHash {
    /// Hashes `password` with argon2id and the documented parameters, using `salt`, which must
    /// come from a secure random source and be fresh for every hash.
    pub fn create(
        password: &Password,
        salt: &[u8; SALT_BYTES],
    ) -> Result<PasswordHash, PasswordError> {
        let salt = SaltString::encode_b64(salt).map_err(|_| PasswordError::Hashing)?;
        let hash = hasher()?
            .hash_password(password.0.as_bytes(), &salt)
            .map_err(|_| PasswordError::Hashing)?;
        Ok(PasswordHash(hash.to_string()))
    }

    /// Accepts a stored PHC string after checking it parses as an argon2 hash.
    pub fn from_phc(phc: &str) -> Result<PasswordHash, PasswordError> {
        let parsed = argon2::PasswordHash::new(phc).map_err(|_| PasswordError::MalformedHash)?;
        if !parsed.algorithm.as_str().starts_with("argon2") {
            return Err(PasswordError::MalformedHash);
        }
        Ok(PasswordHash(phc.to_owned()))
    }

    /// Returns the PHC string, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns whether `password` is the one this hash was made from.
    pub fn verify(&self, password: &Password) -> bool {
        let Ok(parsed) = argon2::PasswordHash::new(&self.0) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.0.as_bytes(), &parsed)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let password = Password::parse("correct horse battery").unwrap();
        let hash = PasswordHash::create(&password, &[7; SALT_BYTES]).unwrap();
        assert!(hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(hash.verify(&password));
        assert!(!hash.verify(&Password::parse("correct horse battery!").unwrap()));
        let reparsed = PasswordHash::from_phc(hash.as_str()).unwrap();
        assert!(reparsed.verify(&password));
    }

    #[test]
    fn different_salts_give_different_hashes() {
        let password = Password::parse("correct horse battery").unwrap();
        let first = PasswordHash::create(&password, &[1; SALT_BYTES]).unwrap();
        let second = PasswordHash::create(&password, &[2; SALT_BYTES]).unwrap();
        assert_ne!(first, second);
    }

    #[test]
    fn passwords_are_bounded_and_never_printed() {
        assert_eq!(
            Password::parse("short").unwrap_err(),
            PasswordError::TooShort
        );
        assert_eq!(
            Password::parse(&"x".repeat(1025)).unwrap_err(),
            PasswordError::TooLong
        );
        let password = Password::parse("  spaces count too  ").unwrap();
        assert_eq!(password.expose(), "  spaces count too  ");
        assert_eq!(format!("{password:?}"), "Password(..)");
    }

    #[test]
    fn malformed_hashes_are_refused() {
        assert_eq!(
            PasswordHash::from_phc("plain text").unwrap_err(),
            PasswordError::MalformedHash
        );
    }
}
