//! Trust surveys: a partnership's waves, each partner's one response per wave (a draft until it
//! is submitted), and the response's answers about the other partners.
//!
//! A wave takes writes until a convenor closes it or its closing time passes, whichever comes
//! first; whether it is open is computed from both ([`TrustWave::is_open_at`]), never stored
//! when a time passes. A response is saved whole: the answers sent replace those stored. Once
//! submitted, it stays submitted, and each later save must still answer every other partner.
//! Times are milliseconds since the Unix epoch from the caller's clock.

use async_trait::async_trait;
use model::{
    ConvenorId, PartnerId, PartnershipId, RaterNaming, ResponseStatus, TrustAnswer, TrustWaveId,
    WaveTitle,
};

use crate::store::StoreResult;

/// A wave of a partnership's trust survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustWave {
    /// Its id.
    pub id: TrustWaveId,
    /// The partnership whose partners answer it.
    pub partnership: PartnershipId,
    /// Its title, e.g. "Spring 2026".
    pub title: WaveTitle,
    /// When a convenor opened it.
    pub opened_at: i64,
    /// When it stops taking answers.
    pub closes_at: i64,
    /// Whether a convenor closed it before its closing time.
    pub closed: bool,
    /// Whether its results may name the partner behind each answer.
    pub rater_naming: RaterNaming,
    /// The convenor who opened it, if known and not deleted.
    pub created_by: Option<ConvenorId>,
}

impl TrustWave {
    /// Returns whether the wave takes answers at `now`: not closed by a convenor, and before
    /// its closing time.
    pub fn is_open_at(&self, now: i64) -> bool {
        !self.closed && now < self.closes_at
    }
}

/// A wave to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTrustWave {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its title.
    pub title: WaveTitle,
    /// When it opens (now).
    pub opened_at: i64,
    /// When it closes; after `opened_at`.
    pub closes_at: i64,
    /// Whether its results may name raters.
    pub rater_naming: RaterNaming,
    /// The convenor opening it.
    pub created_by: Option<ConvenorId>,
}

/// What a convenor changes about a wave; `None` keeps the stored value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustWaveChanges {
    /// A new title.
    pub title: Option<WaveTitle>,
    /// A new closing time, in the future. A later time reopens a wave that closed by its time
    /// (not one a convenor closed).
    pub closes_at: Option<i64>,
    /// Whether to close the wave now; a closed wave cannot be reopened.
    pub close: bool,
    /// New rater naming.
    pub rater_naming: Option<RaterNaming>,
}

/// A partner's answer about one other partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustRating {
    /// The partner answered about.
    pub ratee: PartnerId,
    /// The answer.
    pub answer: TrustAnswer,
}

/// A partner's response to a wave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustResponse {
    /// The wave.
    pub wave: TrustWaveId,
    /// The partner that answers.
    pub rater: PartnerId,
    /// Draft or submitted.
    pub status: ResponseStatus,
    /// When it was first submitted.
    pub submitted_at: Option<i64>,
    /// When it was last saved.
    pub updated_at: i64,
    /// Its answers, by ratee id.
    pub ratings: Vec<TrustRating>,
}

/// A response to save: the answers replace those stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveTrustResponse {
    /// The wave.
    pub wave: TrustWaveId,
    /// The partner that answers.
    pub rater: PartnerId,
    /// The answers, each partner at most once.
    pub ratings: Vec<TrustRating>,
    /// Whether to submit it (a submitted response stays submitted whatever this says).
    pub submit: bool,
    /// The moment of the save.
    pub now: i64,
}

/// Trust survey waves and responses.
#[async_trait]
pub trait TrustStore: Send + Sync {
    /// Opens a wave. Refuses a closing time not after the opening time
    /// ([`crate::StoreError::Invalid`]).
    async fn open_trust_wave(&self, new: NewTrustWave) -> StoreResult<TrustWave>;

    /// Returns a wave.
    async fn get_trust_wave(&self, id: TrustWaveId) -> StoreResult<TrustWave>;

    /// Lists a partnership's waves in the order they were opened.
    async fn list_trust_waves(&self, partnership: PartnershipId) -> StoreResult<Vec<TrustWave>>;

    /// Changes a wave under its lock. A wave a convenor closed refuses every change except its
    /// rater naming ([`crate::StoreError::TrustWaveClosed`]); a closing time not after `now`
    /// is refused ([`crate::StoreError::Invalid`]).
    async fn change_trust_wave(
        &self,
        id: TrustWaveId,
        changes: TrustWaveChanges,
        now: i64,
    ) -> StoreResult<TrustWave>;

    /// Saves a partner's response under the wave's lock, creating it as a draft the first time.
    /// Refuses a wave that is closed at `now` ([`crate::StoreError::TrustWaveClosed`]), a rater
    /// or ratee of another partnership ([`crate::StoreError::NotInPartnership`]) or archived
    /// ([`crate::StoreError::PartnerArchived`]), a rater answering about itself or a ratee
    /// twice ([`crate::StoreError::Invalid`]), and a submission (or a save of a submitted
    /// response) that leaves a current partner without a level
    /// ([`crate::StoreError::TrustResponseIncomplete`]).
    async fn save_trust_response(&self, save: SaveTrustResponse) -> StoreResult<TrustResponse>;

    /// Returns a partner's response to a wave, if it has saved one.
    async fn find_trust_response(
        &self,
        wave: TrustWaveId,
        rater: PartnerId,
    ) -> StoreResult<Option<TrustResponse>>;

    /// Lists a wave's responses, drafts included, by rater id.
    async fn list_trust_responses(&self, wave: TrustWaveId) -> StoreResult<Vec<TrustResponse>>;
}
