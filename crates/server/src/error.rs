//! The one error type of the HTTP API and its table of stable codes and statuses.
//!
//! Every failure a handler can return is an [`ApiError`]. Each variant maps to an
//! [`ErrorCode`], and [`ErrorCode::describe`] is the single table that gives every code its
//! HTTP status and its snake_case name. The body is always
//! `{"error": {"code": "...", "message": "..."}}`, sometimes with extra fields that say more
//! (the existing statement of a duplicate). Internal failures log their whole cause chain with
//! the request id and show the client only a generic message carrying that id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::request_id;

/// A stable, machine-readable error code; the strings never change once published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorCode {
    /// The body is not syntactically valid JSON.
    MalformedJson,
    /// The body is JSON but has the wrong shape: a missing field, a wrong type, an unknown value.
    InvalidBody,
    /// The body was not sent as `application/json`.
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// A value has the right type but breaks a rule (an empty title, a statement too long).
    ValidationFailed,
    /// A path segment does not parse (a non-numeric id).
    InvalidPath,
    /// A query parameter does not parse.
    InvalidQuery,
    /// The request needs a convenor session or a participant token and has none that is valid.
    Unauthenticated,
    /// The email and password do not match a convenor account.
    InvalidCredentials,
    /// The caller is known but may not do this.
    Forbidden,
    /// No route matches the path.
    RouteNotFound,
    /// The route exists but not for this method.
    MethodNotAllowed,
    /// The dialogue does not exist.
    DialogueNotFound,
    /// The statement does not exist in this dialogue.
    StatementNotFound,
    /// The partnership does not exist.
    PartnershipNotFound,
    /// Another record named in the request does not exist.
    NotFound,
    /// The constituency is not one of the dialogue's.
    ConstituencyNotFound,
    /// No analysis has been computed for the dialogue yet.
    AnalysisNotReady,
    /// The dialogue is closed to votes and statements.
    DialogueClosed,
    /// The dialogue's opening time has not come: no participants, votes or statements yet.
    DialogueNotOpen,
    /// The statement cannot be voted on: rejected, or still waiting for moderation.
    StatementNotVotable,
    /// The dialogue does not accept statements from participants.
    StatementsDisabled,
    /// The same statement already exists in the dialogue.
    DuplicateStatement,
    /// The participant has written as many statements as one participant may.
    StatementLimitReached,
    /// An idempotency key was sent again with a different vote.
    IdempotencyKeyReused,
    /// The partner is archived: it keeps its history but cannot change or be represented.
    PartnerArchived,
    /// The invitation was already accepted; each one can be used once.
    InvitationUsed,
    /// The invitation was revoked by a convenor.
    InvitationRevoked,
    /// The invitation expired before it was accepted.
    InvitationExpired,
    /// The priority list is closed to participants, options and comparisons.
    PriorityListClosed,
    /// The priority list does not accept options from participants.
    OptionsDisabled,
    /// The same option already exists in the priority list.
    DuplicateOption,
    /// The option cannot be compared: rejected, or still waiting for moderation.
    OptionNotComparable,
    /// The participant already compared these two options.
    PairAlreadyCompared,
    /// The request conflicts with the current state in another way.
    Conflict,
    /// The participant acted faster than the rate limit allows; retry after `Retry-After`.
    RateLimited,
    /// The server is shutting down or overloaded; the request may be retried.
    Unavailable,
    /// Something failed inside the server; the log holds the cause under the request id.
    Internal,
}

impl ErrorCode {
    /// Every code, in the order of the table.
    pub const ALL: [ErrorCode; 38] = [
        ErrorCode::MalformedJson,
        ErrorCode::InvalidBody,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::ValidationFailed,
        ErrorCode::InvalidPath,
        ErrorCode::InvalidQuery,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidCredentials,
        ErrorCode::Forbidden,
        ErrorCode::RouteNotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::DialogueNotFound,
        ErrorCode::StatementNotFound,
        ErrorCode::PartnershipNotFound,
        ErrorCode::NotFound,
        ErrorCode::ConstituencyNotFound,
        ErrorCode::AnalysisNotReady,
        ErrorCode::DialogueClosed,
        ErrorCode::DialogueNotOpen,
        ErrorCode::StatementNotVotable,
        ErrorCode::StatementsDisabled,
        ErrorCode::DuplicateStatement,
        ErrorCode::StatementLimitReached,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::PartnerArchived,
        ErrorCode::InvitationUsed,
        ErrorCode::InvitationRevoked,
        ErrorCode::InvitationExpired,
        ErrorCode::PriorityListClosed,
        ErrorCode::OptionsDisabled,
        ErrorCode::DuplicateOption,
        ErrorCode::OptionNotComparable,
        ErrorCode::PairAlreadyCompared,
        ErrorCode::Conflict,
        ErrorCode::RateLimited,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    /// Returns the HTTP status and the code's string: the one table of the API's errors.
    pub fn describe(self) -> (StatusCode, &'static str) {
        match self {
            ErrorCode::MalformedJson => (StatusCode::BAD_REQUEST, "malformed_json"),
            ErrorCode::InvalidBody => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"),
            ErrorCode::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ErrorCode::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ErrorCode::ValidationFailed => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            ErrorCode::InvalidPath => (StatusCode::BAD_REQUEST, "invalid_path"),
            ErrorCode::InvalidQuery => (StatusCode::BAD_REQUEST, "invalid_query"),
            ErrorCode::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            ErrorCode::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
            ErrorCode::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            ErrorCode::RouteNotFound => (StatusCode::NOT_FOUND, "route_not_found"),
            ErrorCode::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ErrorCode::DialogueNotFound => (StatusCode::NOT_FOUND, "dialogue_not_found"),
            ErrorCode::StatementNotFound => (StatusCode::NOT_FOUND, "statement_not_found"),
            ErrorCode::PartnershipNotFound => (StatusCode::NOT_FOUND, "partnership_not_found"),
            ErrorCode::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ErrorCode::ConstituencyNotFound => {
                (StatusCode::UNPROCESSABLE_ENTITY, "constituency_not_found")
            }
            ErrorCode::AnalysisNotReady => (StatusCode::NOT_FOUND, "analysis_not_ready"),
            ErrorCode::DialogueClosed => (StatusCode::CONFLICT, "dialogue_closed"),
            ErrorCode::DialogueNotOpen => (StatusCode::CONFLICT, "dialogue_not_open"),
            ErrorCode::StatementNotVotable => (StatusCode::CONFLICT, "statement_not_votable"),
            ErrorCode::StatementsDisabled => (StatusCode::FORBIDDEN, "statements_disabled"),
            ErrorCode::DuplicateStatement => (StatusCode::CONFLICT, "duplicate_statement"),
            ErrorCode::StatementLimitReached => (StatusCode::CONFLICT, "statement_limit_reached"),
            ErrorCode::IdempotencyKeyReused => (StatusCode::CONFLICT, "idempotency_key_reused"),
            ErrorCode::PartnerArchived => (StatusCode::CONFLICT, "partner_archived"),
            ErrorCode::InvitationUsed => (StatusCode::CONFLICT, "invitation_used"),
            ErrorCode::InvitationRevoked => (StatusCode::CONFLICT, "invitation_revoked"),
            ErrorCode::InvitationExpired => (StatusCode::CONFLICT, "invitation_expired"),
            ErrorCode::PriorityListClosed => (StatusCode::CONFLICT, "priority_list_closed"),
            ErrorCode::OptionsDisabled => (StatusCode::FORBIDDEN, "options_disabled"),
            ErrorCode::DuplicateOption => (StatusCode::CONFLICT, "duplicate_option"),
            ErrorCode::OptionNotComparable => (StatusCode::CONFLICT, "option_not_comparable"),
            ErrorCode::PairAlreadyCompared => (StatusCode::CONFLICT, "pair_already_compared"),
            ErrorCode::Conflict => (StatusCode::CONFLICT, "conflict"),
            ErrorCode::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            ErrorCode::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ErrorCode::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    /// Returns the HTTP status of the code.
    pub fn status(self) -> StatusCode {
        self.describe().0
    }

    /// Returns the code's stable string.
    pub fn as_str(self) -> &'static str {
        self.describe().1
    }
}

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A client's mistake with a code and a message that says what was wrong.
    #[error("{message}")]
    Client {
        /// Which mistake.
        code: ErrorCode,
        /// What was wrong, for a person to read.
        message: String,
    },
    /// A statement with the same text already exists; its id travels with the error.
    #[error("the dialogue already has this statement (statement {existing})")]
    DuplicateStatement {
        /// The statement that already says this.
        existing: i64,
    },
    /// The participant acted faster than the rate limit allows.
    #[error("too many requests; try again in {retry_after_secs} seconds")]
    RateLimited {
        /// Seconds until the next action is allowed (the `Retry-After` header).
        retry_after_secs: u64,
    },
    /// Storage could not be reached; the request may be retried. The cause is logged.
    #[error("the service is temporarily unavailable; try again shortly")]
    Unavailable(#[source] anyhow::Error),
    /// A failure inside the server; the cause is logged, never shown.
    #[error("internal server error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// Returns a client error with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError::Client {
            code,
            message: message.into(),
        }
    }

    /// Returns an internal error wrapping its cause for the log.
    pub fn internal(cause: impl Into<anyhow::Error>) -> ApiError {
        ApiError::Internal(cause.into())
    }

    /// Returns a `validation_failed` error.
    pub fn validation(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::ValidationFailed, message)
    }

    /// Returns the `unauthenticated` error.
    pub fn unauthenticated() -> ApiError {
        ApiError::new(
            ErrorCode::Unauthenticated,
            "this needs a valid session or participant token",
        )
    }

    /// Returns a `forbidden` error.
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Forbidden, message)
    }

    /// Returns the `dialogue_not_open` error for a dialogue that opens at `opens_at`.
    pub fn not_open(opens_at: i64) -> ApiError {
        ApiError::new(
            ErrorCode::DialogueNotOpen,
            format!(
                "the dialogue is not open yet: it opens on {} ({})",
                crate::time::long_date_time(opens_at),
                crate::time::rfc3339(opens_at)
            ),
        )
    }

    /// Returns the `dialogue_not_found` error.
    pub fn dialogue_not_found() -> ApiError {
        ApiError::new(ErrorCode::DialogueNotFound, "no such dialogue")
    }

    /// Returns the `statement_not_found` error.
    pub fn statement_not_found() -> ApiError {
        ApiError::new(
            ErrorCode::StatementNotFound,
            "no such statement in this dialogue",
        )
    }

    /// Returns the code of the error.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Client { code, .. } => *code,
            ApiError::DuplicateStatement { .. } => ErrorCode::DuplicateStatement,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::Unavailable(_) => ErrorCode::Unavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The code and message of an error, and for some codes a field that says more.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable snake_case code from the error table.
    pub code: String,
    /// A message for a person to read.
    pub message: String,
    /// For `duplicate_statement`: the statement that already says this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement_id: Option<i64>,
    /// For `internal`: the request id under which the server logged the cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = self.code();
        let mut detail = ErrorDetail {
            code: code.as_str().to_owned(),
            message: self.to_string(),
            statement_id: None,
            request_id: None,
        };
        match &self {
            ApiError::DuplicateStatement { existing } => detail.statement_id = Some(*existing),
            ApiError::Internal(cause) => {
                let request = request_id::current();
                tracing::error!(request_id = %request, error = format!("{cause:#}"), "request failed");
                detail.message = format!(
                    "internal server error; the log has details under request id {request}"
                );
                detail.request_id = Some(request);
            }
            ApiError::Unavailable(cause) => {
                let request = request_id::current();
                tracing::warn!(request_id = %request, error = format!("{cause:#}"), "storage unavailable");
                detail.request_id = Some(request);
            }
            ApiError::Client { .. } | ApiError::RateLimited { .. } => {}
        }
        let mut response = (code.status(), axum::Json(ErrorBody { error: detail })).into_response();
        if let ApiError::RateLimited { retry_after_secs } = self {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(retry_after_secs),
            );
        }
        response
    }
}

impl From<store::StoreError> for ApiError {
    fn from(error: store::StoreError) -> ApiError {
        use store::{Entity, StoreError};
        match error {
            StoreError::NotFound(Entity::Dialogue) => ApiError::dialogue_not_found(),
            StoreError::NotFound(Entity::Statement) | StoreError::StatementNotInDialogue => {
                ApiError::statement_not_found()
            }
            StoreError::NotFound(Entity::Partnership) => {
                ApiError::new(ErrorCode::PartnershipNotFound, "no such partnership")
            }
            StoreError::NotFound(Entity::Constituency)
            | StoreError::NotInDialogue(Entity::Constituency) => ApiError::new(
                ErrorCode::ConstituencyNotFound,
                "a constituency named is not one of this dialogue's",
            ),
            StoreError::NotFound(Entity::Participant | Entity::Session | Entity::Convenor) => {
                ApiError::unauthenticated()
            }
            StoreError::NotFound(entity) => {
                ApiError::new(ErrorCode::NotFound, format!("{entity} not found"))
            }
            StoreError::NotInDialogue(entity) => {
                ApiError::forbidden(format!("the {entity} belongs to another dialogue"))
            }
            StoreError::Duplicate { .. } => ApiError::new(ErrorCode::Conflict, error.to_string()),
            StoreError::DuplicateStatement { existing } => ApiError::DuplicateStatement {
                existing: existing.get(),
            },
            StoreError::IdempotencyKeyReused => {
                ApiError::new(ErrorCode::IdempotencyKeyReused, error.to_string())
            }
            StoreError::DialogueClosed => {
                ApiError::new(ErrorCode::DialogueClosed, error.to_string())
            }
            StoreError::DialogueNotOpen { opens_at } => ApiError::not_open(opens_at),
            StoreError::ParticipantStatementsDisabled => {
                ApiError::new(ErrorCode::StatementsDisabled, error.to_string())
            }
            StoreError::StatementRejected
            | StoreError::StatementPending
            | StoreError::StatementAwaitingTranslation => {
                ApiError::new(ErrorCode::StatementNotVotable, error.to_string())
            }
            StoreError::PartnerArchived => {
                ApiError::new(ErrorCode::PartnerArchived, error.to_string())
            }
            StoreError::InvitationUsed => {
                ApiError::new(ErrorCode::InvitationUsed, error.to_string())
            }
            StoreError::InvitationRevoked => {
                ApiError::new(ErrorCode::InvitationRevoked, error.to_string())
            }
            StoreError::InvitationExpired => {
                ApiError::new(ErrorCode::InvitationExpired, error.to_string())
            }
            StoreError::StaleVersion { .. }
            | StoreError::ObjectiveClosed
            | StoreError::DecisionBasisChanged
            | StoreError::ObjectiveNotAdopted => {
                ApiError::new(ErrorCode::Conflict, error.to_string())
            }
            StoreError::NotInList(Entity::Constituency) => ApiError::new(
                ErrorCode::ConstituencyNotFound,
                "a constituency named is not one of this priority list's",
            ),
            StoreError::NotInList(entity) => ApiError::new(
                ErrorCode::NotFound,
                format!("the {entity} is not one of this priority list's"),
            ),
            StoreError::NotInPartnership(_) => ApiError::validation(error.to_string()),
            StoreError::PriorityListClosed => {
                ApiError::new(ErrorCode::PriorityListClosed, error.to_string())
            }
            StoreError::ParticipantOptionsDisabled => {
                ApiError::new(ErrorCode::OptionsDisabled, error.to_string())
            }
            StoreError::DuplicateOption { existing } => ApiError::new(
                ErrorCode::DuplicateOption,
                format!("the priority list already has this option (option {existing})"),
            ),
            StoreError::OptionRejected | StoreError::OptionPending => {
                ApiError::new(ErrorCode::OptionNotComparable, error.to_string())
            }
            StoreError::PairAlreadyCompared => {
                ApiError::new(ErrorCode::PairAlreadyCompared, error.to_string())
            }
            StoreError::TrustWaveClosed => ApiError::new(ErrorCode::Conflict, error.to_string()),
            StoreError::MapClosed => ApiError::new(ErrorCode::Conflict, error.to_string()),
            StoreError::NotInMap(_) => ApiError::validation(error.to_string()),
            StoreError::TrustResponseIncomplete { missing } => {
                let ids: Vec<String> = missing.iter().map(ToString::to_string).collect();
                ApiError::validation(format!(
                    "a submitted response needs a level for every other partner; partners {} have none",
                    ids.join(", ")
                ))
            }
            StoreError::Invalid(message) => ApiError::validation(message),
            StoreError::Unavailable(_) => ApiError::Unavailable(anyhow::Error::new(error)),
            StoreError::Internal(_) => ApiError::Internal(anyhow::Error::new(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_code_is_unique_and_snake_case() {
        let names: BTreeSet<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        for name in names {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name} is not snake_case"
            );
        }
    }

    #[test]
    fn client_errors_are_4xx_and_only_internal_and_unavailable_are_5xx() {
        for code in ErrorCode::ALL {
            let is_server_side = matches!(code, ErrorCode::Internal | ErrorCode::Unavailable);
            assert_eq!(code.status().is_server_error(), is_server_side, "{code:?}");
            assert!(
                code.status().is_client_error() || is_server_side,
                "{code:?}"
            );
        }
    }
}
