//! The one error type of the storage layer: domain refusals the server turns into 4xx answers,
//! and internal failures whose driver text stays in the source chain for logs.

use model::{PartnerId, PriorityOptionId, StatementId};

/// The kind of record an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    /// A partnership.
    Partnership,
    /// A partner organisation.
    Partner,
    /// A convenor account.
    Convenor,
    /// A convenor session.
    Session,
    /// A dialogue.
    Dialogue,
    /// A constituency of a dialogue.
    Constituency,
    /// A statement.
    Statement,
    /// A participant.
    Participant,
    /// An invitation, to represent a partner or to convene a partnership.
    Invitation,
    /// A partner's representative.
    Representative,
    /// A shared objective of a partnership.
    Objective,
    /// An action under an objective.
    Action,
    /// A priority list.
    PriorityList,
    /// An option of a priority list.
    PriorityOption,
    /// A wave of a trust survey.
    TrustWave,
    /// A system map.
    SystemMap,
    /// A factor of a system map.
    MapFactor,
    /// A link of a system map.
    MapLink,
    /// A participant's flag on a statement.
    Flag,
    /// A round of a dialogue.
    Round,
}

impl Entity {
    /// Returns the entity's name as the product writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Partnership => "partnership",
            Entity::Partner => "partner",
            Entity::Convenor => "convenor",
            Entity::Session => "session",
            Entity::Dialogue => "dialogue",
            Entity::Constituency => "constituency",
            Entity::Statement => "statement",
            Entity::Participant => "participant",
            Entity::Invitation => "invitation",
            Entity::Representative => "representative",
            Entity::Objective => "objective",
            Entity::Action => "action",
            Entity::PriorityList => "priority list",
            Entity::PriorityOption => "option",
            Entity::TrustWave => "trust survey wave",
            Entity::SystemMap => "system map",
            Entity::MapFactor => "factor",
            Entity::MapLink => "link",
            Entity::Flag => "flag",
            Entity::Round => "round",
        }
    }
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The underlying cause of an internal or availability failure, kept for logs.
pub type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a storage operation did not happen.
///
/// `Display` never includes driver or database text; `Internal` and `Unavailable` keep it as
/// their `source()` for logging.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist (or was erased).
    #[error("{0} not found")]
    NotFound(Entity),
    /// A record with the same unique value already exists, e.g. a convenor with that email.
    #[error("a {entity} with this {field} already exists")]
    Duplicate {
        /// The kind of record.
        entity: Entity,
        /// The value that must be unique, e.g. `email`.
        field: &'static str,
    },
    /// A submitted statement says the same as one already in the dialogue, once normalised.
    #[error("the dialogue already has this statement")]
    DuplicateStatement {
        /// The statement already in the dialogue.
        existing: StatementId,
    },
    /// An idempotency key was sent again with a different vote.
    #[error("idempotency key was already used for a different vote")]
    IdempotencyKeyReused,
    /// The dialogue is closed: no votes, statements or new participants.
    #[error("the dialogue is closed")]
    DialogueClosed,
    /// The dialogue's opening time has not come: no votes, statements or new participants yet.
    #[error("the dialogue is not open yet")]
    DialogueNotOpen {
        /// When it opens, in milliseconds since the Unix epoch.
        opens_at: i64,
    },
    /// The dialogue does not accept statements from participants.
    #[error("the dialogue does not accept statements from participants")]
    ParticipantStatementsDisabled,
    /// The statement was rejected by a moderator and cannot be voted on.
    #[error("the statement was rejected by moderation")]
    StatementRejected,
    /// The statement awaits moderation under pre-moderation and cannot be voted on yet.
    #[error("the statement is awaiting moderation")]
    StatementPending,
    /// The statement was written in another language than its dialogue's, which holds such
    /// statements until they are translated, and has no translation yet.
    #[error("the statement is waiting for a translation into the dialogue's language")]
    StatementAwaitingTranslation,
    /// The statement belongs to another dialogue than the participant's.
    #[error("the statement belongs to another dialogue")]
    StatementNotInDialogue,
    /// A participant, constituency or statement named in a request belongs to another dialogue.
    #[error("the {0} belongs to another dialogue")]
    NotInDialogue(Entity),
    /// A participant, constituency or option named in a request belongs to another priority
    /// list.
    #[error("the {0} belongs to another priority list")]
    NotInList(Entity),
    /// A record named in a request (a dialogue linked to a priority list) belongs to another
    /// partnership.
    #[error("the {0} belongs to another partnership")]
    NotInPartnership(Entity),
    /// The priority list is closed: no participants, options or comparisons.
    #[error("the priority list is closed")]
    PriorityListClosed,
    /// The priority list does not accept options from participants.
    #[error("the priority list does not accept options from participants")]
    ParticipantOptionsDisabled,
    /// A submitted option says the same as one already in the list, once normalised.
    #[error("the priority list already has this option")]
    DuplicateOption {
        /// The option already in the list.
        existing: PriorityOptionId,
    },
    /// The option was rejected by a moderator and cannot be compared.
    #[error("the option was rejected by moderation")]
    OptionRejected,
    /// The option awaits moderation under pre-moderation and cannot be compared yet.
    #[error("the option is awaiting moderation")]
    OptionPending,
    /// The participant already compared these two options (either way round).
    #[error("this participant already compared these two options")]
    PairAlreadyCompared,
    /// The partner is archived: it keeps its history but can no longer change or be represented.
    #[error("the partner is archived")]
    PartnerArchived,
    /// The invitation was already accepted; each invitation can be used once.
    #[error("the invitation has already been used")]
    InvitationUsed,
    /// The invitation was revoked by a convenor.
    #[error("the invitation was revoked")]
    InvitationRevoked,
    /// The invitation expired before it was accepted.
    #[error("the invitation has expired")]
    InvitationExpired,
    /// A stance was given on a version of an objective that is no longer the current one.
    #[error("version {current} is now the current version of the objective")]
    StaleVersion {
        /// The current version.
        current: u32,
    },
    /// The objective is decided or withdrawn (or, for a stance, not with the partners).
    #[error("the objective is not open to this change in its present phase")]
    ObjectiveClosed,
    /// A stance, version, decision rule or partner changed between the check of the decision
    /// rule and the adoption.
    #[error(
        "a stance, the objective's version, the decision rule or the partners changed while it \
         was being adopted; look at the objective again"
    )]
    DecisionBasisChanged,
    /// Actions can be added only under an adopted objective.
    #[error("actions can be added only under an adopted objective")]
    ObjectiveNotAdopted,
    /// The trust survey wave is closed, by a convenor or by its closing time: no answers and no
    /// changes.
    #[error("the trust survey wave is closed")]
    TrustWaveClosed,
    /// A submitted trust response gives no level for some current partners of the partnership.
    #[error("a submitted response needs a level for every other partner; missing: {missing:?}")]
    TrustResponseIncomplete {
        /// The partners without a level, in id order.
        missing: Vec<PartnerId>,
    },
    /// The system map is closed: no proposals, judgments, pins or changes.
    #[error("the system map is closed")]
    MapClosed,
    /// A factor or link named in a request belongs to another system map.
    #[error("the {0} belongs to another system map")]
    NotInMap(Entity),
    /// Input that the types could not rule out is inconsistent, e.g. an import whose votes
    /// name an unknown statement.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// The database could not be reached, or no connection became free in time.
    #[error("storage is unavailable")]
    Unavailable(#[source] Source),
    /// Anything else that went wrong below the store.
    #[error("internal storage error")]
    Internal(#[source] Source),
}

impl StoreError {
    /// Wraps a failure whose details must not reach clients.
    pub fn internal(source: impl Into<Source>) -> StoreError {
        StoreError::Internal(source.into())
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StoreError::Unavailable(Box::new(error))
            }
            other => StoreError::Internal(Box::new(other)),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Internal(Box::new(error))
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[test]
    fn internal_errors_hide_driver_text_but_keep_it_as_source() {
        let error = StoreError::from(sqlx::Error::Protocol("secret detail".into()));
        assert_eq!(error.to_string(), "internal storage error");
        let source = error.source().expect("source kept").to_string();
        assert!(source.contains("secret detail"), "{source}");
    }

    #[test]
    fn refusals_read_as_sentences() {
        assert_eq!(
            StoreError::NotFound(Entity::Dialogue).to_string(),
            "dialogue not found"
        );
        assert_eq!(
            StoreError::Duplicate {
                entity: Entity::Convenor,
                field: "email"
            }
            .to_string(),
            "a convenor with this email already exists"
        );
        assert_eq!(
            StoreError::from(sqlx::Error::PoolTimedOut).to_string(),
            "storage is unavailable"
        );
    }
}
