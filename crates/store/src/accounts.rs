//! Convenor accounts (the people who sign in: convenors, partner representatives or both) and
//! their sessions.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{ConvenorId, Email, PasswordHash, Token};

use crate::store::StoreResult;

/// An account of someone who signs in (a convenor, a partner's representative, or both),
/// without its password hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convenor {
    /// Its id.
    pub id: ConvenorId,
    /// Its email address, unique ignoring case.
    pub email: Email,
    /// Whether the convenor administers the whole installation.
    pub is_admin: bool,
    /// Whether the account may create partnerships: true for convenors, false for accounts
    /// made by accepting an invitation to represent a partner.
    pub may_convene: bool,
    /// When the account was created.
    pub created_at: i64,
}

/// What is needed to create a convenor account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewConvenor {
    /// The email address; must not be in use.
    pub email: Email,
    /// The argon2id hash of the chosen password (see `model::password`).
    pub password_hash: PasswordHash,
    /// Whether the convenor administers the whole installation.
    pub is_admin: bool,
    /// Whether the account may create partnerships.
    pub may_convene: bool,
    /// When the account is created.
    pub created_at: i64,
}

/// A convenor with the password hash needed to check a sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvenorCredentials {
    /// The account.
    pub convenor: Convenor,
    /// Its password hash.
    pub password_hash: PasswordHash,
}

/// A signed-in convenor's session; the store keeps only the hash of its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// Whose session it is.
    pub convenor: ConvenorId,
    /// When it started.
    pub created_at: i64,
    /// When it stops being valid.
    pub expires_at: i64,
}

/// Convenor accounts and their sessions.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Creates a convenor account; refuses an email already in use (ignoring case) with
    /// [`crate::StoreError::Duplicate`].
    async fn create_convenor(&self, new: NewConvenor) -> StoreResult<Convenor>;

    /// Returns a convenor account.
    async fn get_convenor(&self, id: ConvenorId) -> StoreResult<Convenor>;

    /// Finds the account with this email (ignoring case), with its password hash.
    async fn find_convenor_by_email(
        &self,
        email: &Email,
    ) -> StoreResult<Option<ConvenorCredentials>>;

    /// Lists every convenor account.
    async fn list_convenors(&self) -> StoreResult<Vec<Convenor>>;

    /// Replaces a convenor's password hash.
    async fn set_convenor_password(&self, id: ConvenorId, hash: &PasswordHash) -> StoreResult<()>;

    /// Grants or withdraws a convenor's administrator rights.
    async fn set_convenor_admin(&self, id: ConvenorId, is_admin: bool) -> StoreResult<()>;

    /// Starts a session for a convenor and returns its token.
    async fn create_session(
        &self,
        convenor: ConvenorId,
        created_at: i64,
        expires_at: i64,
    ) -> StoreResult<Token>;

    /// Finds the session with this token, if it exists and has not expired at `now`.
    async fn find_session(&self, token: &Token, now: i64) -> StoreResult<Option<Session>>;

    /// Ends the session with this token; returns whether there was one.
    async fn delete_session(&self, token: &Token) -> StoreResult<bool>;

    /// Ends every session of a convenor (after a password change, say); returns how many.
    async fn delete_convenor_sessions(&self, convenor: ConvenorId) -> StoreResult<u64>;

    /// Removes sessions that expired at or before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64>;
}
