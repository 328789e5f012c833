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
use fluent_bundle::FluentValue;
use serde::Serialize;
use utoipa::ToSchema;

use crate::request_id;
use crate::web::catalogue;
use crate::web::language::Language;

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
        /// What was wrong, for a person to read, in English as the API sends it.
        message: String,
        /// The same message's key and arguments in the catalogues, when it has them, so a
        /// page can say it in its reader's language.
        said: Option<Said>,
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
            said: None,
        }
    }

    /// Returns a client error whose message is the catalogues' `key` with these arguments:
    /// English in the API's body, the reader's language on a page.
    pub fn refused(code: ErrorCode, key: &'static str, args: &[(&'static str, Arg)]) -> ApiError {
        ApiError::said(code, Said::new(key, args))
    }

    /// Returns a client error whose message is `said`.
    pub fn said(code: ErrorCode, said: Said) -> ApiError {
        ApiError::Client {
            code,
            message: said.in_language(Language::English),
            said: Some(said),
        }
    }

    /// Returns the catalogues' message a client error carries, if it has one, to say it
    /// inside another (a field's name before it, say).
    pub fn words(&self) -> Option<&Said> {
        match self {
            ApiError::Client { said, .. } => said.as_ref(),
            _ => None,
        }
    }

    /// Returns a `validation_failed` error said through the catalogues.
    pub fn invalid(key: &'static str, args: &[(&'static str, Arg)]) -> ApiError {
        ApiError::refused(ErrorCode::ValidationFailed, key, args)
    }

    /// Returns the error's message in `language`: a message from the catalogues in that
    /// language (English where the catalogue lacks it), any other in the API's English.
    pub fn message_in(&self, language: Language) -> String {
        match self {
            ApiError::Client {
                said: Some(said), ..
            } => said.in_language(language),
            ApiError::DuplicateStatement { existing } => Said {
                key: "refused-duplicate-statement",
                args: vec![("statement", Arg::Text(existing.to_string()))],
            }
            .in_language(language),
            ApiError::RateLimited { retry_after_secs } => Said {
                key: "refused-rate-limited",
                args: vec![("seconds", Arg::from(*retry_after_secs))],
            }
            .in_language(language),
            other => other.to_string(),
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
        ApiError::refused(ErrorCode::Unauthenticated, "refused-unauthenticated", &[])
    }

    /// Returns a `forbidden` error.
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Forbidden, message)
    }

    /// Returns the `dialogue_not_open` error for a dialogue that opens at `opens_at`.
    pub fn not_open(opens_at: i64) -> ApiError {
        ApiError::refused(
            ErrorCode::DialogueNotOpen,
            "refused-not-open",
            &[
                ("opens", Arg::Moment(opens_at)),
                ("moment", crate::time::rfc3339(opens_at).into()),
            ],
        )
    }

    /// Returns the `dialogue_not_found` error.
    pub fn dialogue_not_found() -> ApiError {
        ApiError::refused(ErrorCode::DialogueNotFound, "refused-no-dialogue", &[])
    }

    /// Returns the `statement_not_found` error.
    pub fn statement_not_found() -> ApiError {
        ApiError::refused(ErrorCode::StatementNotFound, "refused-no-statement", &[])
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

/// A message of the catalogues that an error carries: its key and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Said {
    /// Returns the message `key` of the catalogues with these arguments.
    pub fn new(key: &'static str, args: &[(&'static str, Arg)]) -> Said {
        Said {
            key,
            args: args.to_vec(),
        }
    }

    /// Says what is wrong with a text the model refused, naming the text ("dialogue title");
    /// a text the catalogues cannot name is said as the model words it, in English.
    pub fn text(error: &model::TextError) -> Said {
        use model::TextError;
        let (key, field) = match error {
            TextError::Empty { field } => ("refused-text-empty", *field),
            TextError::TooLong { field, .. } => ("refused-text-too-long", *field),
            TextError::ControlCharacter { field } => ("refused-text-control", *field),
            TextError::DirectionControl { field, .. } => ("refused-text-direction", *field),
            TextError::Invisible { field } => ("refused-text-invisible", *field),
        };
        let Some(name) = text_field_key(field) else {
            return Said::new(
                "refused-as-written",
                &[("message", error.to_string().into())],
            );
        };
        let mut args = vec![("field", Arg::Said(name))];
        match error {
            TextError::TooLong { max, .. } => args.push(("max", Arg::from(*max))),
            TextError::DirectionControl { character, .. } => {
                args.push(("code", format!("U+{:04X}", u32::from(*character)).into()));
            }
            _ => {}
        }
        Said { key, args }
    }

    /// Returns the message in `language`, or in English where the catalogue lacks it.
    pub fn in_language(&self, language: Language) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, arg)| (*name, arg.value(language)))
            .collect();
        catalogue::text(language, self.key, &args)
    }

    /// Returns the message's key.
    pub fn key(&self) -> &'static str {
        self.key
    }
}

/// An argument of a refusal's message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Words said as they are: a name, a typed value, an id.
    Text(String),
    /// A count, for plural forms.
    Number(i64),
    /// A moment (milliseconds since the epoch), said in the reader's language's words.
    Moment(i64),
    /// Another message of the catalogues, by its key, said in the same language (a kind of
    /// record's name).
    Said(&'static str),
    /// Another message with its own arguments, said in the same language (what is wrong
    /// with a text, after the name of the field it was typed in).
    Nested(Box<Said>),
}

impl From<Said> for Arg {
    fn from(said: Said) -> Arg {
        Arg::Nested(Box::new(said))
    }
}

impl Arg {
    fn value(&self, language: Language) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
            Arg::Moment(epoch_ms) => FluentValue::from(catalogue::date_time(language, *epoch_ms)),
            Arg::Said(key) => FluentValue::from(catalogue::text(language, key, &[])),
            Arg::Nested(said) => FluentValue::from(said.in_language(language)),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(number: i64) -> Arg {
        Arg::Number(number)
    }
}

impl From<u32> for Arg {
    fn from(number: u32) -> Arg {
        Arg::Number(i64::from(number))
    }
}

impl From<u64> for Arg {
    fn from(number: u64) -> Arg {
        Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Arg {
        Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
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
        let refused = ApiError::refused;
        let entity_arg = |entity: Entity| Arg::Said(entity_key(entity));
        match error {
            StoreError::NotFound(Entity::Dialogue) => ApiError::dialogue_not_found(),
            StoreError::NotFound(Entity::Statement) | StoreError::StatementNotInDialogue => {
                ApiError::statement_not_found()
            }
            StoreError::NotFound(Entity::Partnership) => refused(
                ErrorCode::PartnershipNotFound,
                "refused-no-partnership",
                &[],
            ),
            StoreError::NotFound(Entity::Constituency)
            | StoreError::NotInDialogue(Entity::Constituency) => refused(
                ErrorCode::ConstituencyNotFound,
                "refused-constituency-not-in-dialogue",
                &[],
            ),
            StoreError::NotFound(Entity::Participant | Entity::Session | Entity::Convenor) => {
                ApiError::unauthenticated()
            }
            StoreError::NotFound(entity) => refused(
                ErrorCode::NotFound,
                "refused-not-found",
                &[("entity", entity_arg(entity))],
            ),
            StoreError::NotInDialogue(entity) => refused(
                ErrorCode::Forbidden,
                "refused-in-another-dialogue",
                &[("entity", entity_arg(entity))],
            ),
            StoreError::Duplicate { entity, field } => refused(
                ErrorCode::Conflict,
                "refused-duplicate",
                &[
                    ("entity", entity_arg(entity)),
                    (
                        "field",
                        field_key(field).map_or_else(|| Arg::from(field), Arg::Said),
                    ),
                ],
            ),
            StoreError::DuplicateStatement { existing } => ApiError::DuplicateStatement {
                existing: existing.get(),
            },
            StoreError::IdempotencyKeyReused => refused(
                ErrorCode::IdempotencyKeyReused,
                "refused-idempotency-key-reused",
                &[],
            ),
            StoreError::DialogueClosed => {
                refused(ErrorCode::DialogueClosed, "refused-dialogue-closed", &[])
            }
            StoreError::DialogueNotOpen { opens_at } => ApiError::not_open(opens_at),
            StoreError::ParticipantStatementsDisabled => refused(
                ErrorCode::StatementsDisabled,
                "refused-statements-disabled",
                &[],
            ),
            StoreError::StatementRejected => refused(
                ErrorCode::StatementNotVotable,
                "refused-statement-rejected",
                &[],
            ),
            StoreError::StatementPending => refused(
                ErrorCode::StatementNotVotable,
                "refused-statement-pending",
                &[],
            ),
            StoreError::StatementAwaitingTranslation => refused(
                ErrorCode::StatementNotVotable,
                "refused-statement-untranslated",
                &[],
            ),
            StoreError::PartnerArchived => {
                refused(ErrorCode::PartnerArchived, "refused-partner-archived", &[])
            }
            StoreError::InvitationUsed => {
                refused(ErrorCode::InvitationUsed, "refused-invitation-used", &[])
            }
            StoreError::InvitationRevoked => refused(
                ErrorCode::InvitationRevoked,
                "refused-invitation-revoked",
                &[],
            ),
            StoreError::InvitationExpired => refused(
                ErrorCode::InvitationExpired,
                "refused-invitation-expired",
                &[],
            ),
            StoreError::StaleVersion { current } => refused(
                ErrorCode::Conflict,
                "refused-stale-version",
                &[("version", Arg::Text(current.to_string()))],
            ),
            StoreError::ObjectiveClosed => {
                refused(ErrorCode::Conflict, "refused-objective-closed", &[])
            }
            StoreError::DecisionBasisChanged => {
                refused(ErrorCode::Conflict, "refused-decision-basis-changed", &[])
            }
            StoreError::ObjectiveNotAdopted => {
                refused(ErrorCode::Conflict, "refused-objective-not-adopted", &[])
            }
            StoreError::NotInList(Entity::Constituency) => refused(
                ErrorCode::ConstituencyNotFound,
                "refused-constituency-not-in-list",
                &[],
            ),
            StoreError::NotInList(entity) => refused(
                ErrorCode::NotFound,
                "refused-not-in-list",
                &[("entity", entity_arg(entity))],
            ),
            StoreError::NotInPartnership(entity) => refused(
                ErrorCode::ValidationFailed,
                "refused-in-another-partnership",
                &[("entity", entity_arg(entity))],
            ),
            StoreError::PriorityListClosed => {
                refused(ErrorCode::PriorityListClosed, "refused-list-closed", &[])
            }
            StoreError::ParticipantOptionsDisabled => {
                refused(ErrorCode::OptionsDisabled, "refused-options-disabled", &[])
            }
            StoreError::DuplicateOption { existing } => refused(
                ErrorCode::DuplicateOption,
                "refused-duplicate-option",
                &[("option", Arg::Text(existing.to_string()))],
            ),
            StoreError::OptionRejected => refused(
                ErrorCode::OptionNotComparable,
                "refused-option-rejected",
                &[],
            ),
            StoreError::OptionPending => refused(
                ErrorCode::OptionNotComparable,
                "refused-option-pending",
                &[],
            ),
            StoreError::PairAlreadyCompared => {
                refused(ErrorCode::PairAlreadyCompared, "refused-pair-compared", &[])
            }
            StoreError::TrustWaveClosed => refused(ErrorCode::Conflict, "refused-wave-closed", &[]),
            StoreError::MapClosed => refused(ErrorCode::Conflict, "refused-map-closed", &[]),
            StoreError::NotInMap(entity) => refused(
                ErrorCode::ValidationFailed,
                "refused-in-another-map",
                &[("entity", entity_arg(entity))],
            ),
            StoreError::TrustResponseIncomplete { missing } => {
                let ids: Vec<String> = missing.iter().map(ToString::to_string).collect();
                refused(
                    ErrorCode::ValidationFailed,
                    "refused-trust-response-incomplete",
                    &[("partners", ids.join(", ").into())],
                )
            }
            StoreError::Invalid(message) => ApiError::validation(message),
            StoreError::Unavailable(_) => ApiError::Unavailable(anyhow::Error::new(error)),
            StoreError::Internal(_) => ApiError::Internal(anyhow::Error::new(error)),
        }
    }
}

impl From<model::TextError> for ApiError {
    /// A text the model refused, said through the catalogues with the text's name.
    fn from(error: model::TextError) -> ApiError {
        ApiError::said(ErrorCode::ValidationFailed, Said::text(&error))
    }
}

/// Returns the key of the catalogues' name of a text the model checks, if it has one.
fn text_field_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "statement text" => "refused-text-statement",
        "dialogue title" => "refused-text-dialogue-title",
        "dialogue question" => "refused-text-dialogue-question",
        "description" => "refused-text-description",
        "partnership name" => "refused-text-partnership-name",
        "purpose" => "refused-text-purpose",
        "partner name" => "refused-text-partner-name",
        "constituency name" => "refused-text-constituency-name",
        "objective title" => "refused-text-objective-title",
        "objective text" => "refused-text-objective-text",
        "reason" => "refused-text-reason",
        "amendment" => "refused-text-amendment",
        "action title" => "refused-text-action-title",
        "lead role" => "refused-text-lead-role",
        "progress note" => "refused-text-progress-note",
        "priority list title" => "refused-text-priority-list-title",
        "priority question" => "refused-text-priority-question",
        "option text" => "refused-text-option",
        "wave title" => "refused-text-wave-title",
        "idempotency key" => "refused-text-idempotency-key",
        _ => return None,
    })
}

/// Returns the key of the catalogues' name of a kind of record.
fn entity_key(entity: store::Entity) -> &'static str {
    use store::Entity;
    match entity {
        Entity::Partnership => "refused-entity-partnership",
        Entity::Partner => "refused-entity-partner",
        Entity::Convenor => "refused-entity-convenor",
        Entity::Session => "refused-entity-session",
        Entity::Dialogue => "refused-entity-dialogue",
        Entity::Constituency => "refused-entity-constituency",
        Entity::Statement => "refused-entity-statement",
        Entity::Participant => "refused-entity-participant",
        Entity::Invitation => "refused-entity-invitation",
        Entity::Representative => "refused-entity-representative",
        Entity::Objective => "refused-entity-objective",
        Entity::Action => "refused-entity-action",
        Entity::PriorityList => "refused-entity-priority-list",
        Entity::PriorityOption => "refused-entity-option",
        Entity::TrustWave => "refused-entity-trust-wave",
        Entity::SystemMap => "refused-entity-system-map",
        Entity::MapFactor => "refused-entity-factor",
        Entity::MapLink => "refused-entity-link",
        Entity::Flag => "refused-entity-flag",
        Entity::Round => "refused-entity-round",
    }
}

/// Returns the key of the catalogues' name of a value that must be unique, if it has one.
fn field_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "refused-field-name",
        "email" => "refused-field-email",
        "external id" => "refused-field-external-id",
        "participant code" => "refused-field-participant-code",
        "dialogue participant" => "refused-field-dialogue-participant",
        "pair of factors" => "refused-field-pair-of-factors",
        "statement and participant" => "refused-field-statement-and-participant",
        _ => return None,
    })
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
    fn a_store_refusal_keeps_the_apis_english_and_is_said_in_a_pages_language() {
        let error = ApiError::from(store::StoreError::NotInMap(store::Entity::MapFactor));
        assert_eq!(error.code(), ErrorCode::ValidationFailed);
        assert_eq!(
            error.to_string(),
            "the factor belongs to another system map"
        );
        assert_eq!(
            error.message_in(Language::English),
            "the factor belongs to another system map"
        );
        let welsh = error.message_in(Language::Welsh);
        assert!(welsh.contains("ffactor"), "{welsh}");
        assert!(!welsh.contains("belongs"), "{welsh}");

        let duplicate = ApiError::from(store::StoreError::Duplicate {
            entity: store::Entity::Convenor,
            field: "email",
        });
        assert_eq!(
            duplicate.to_string(),
            "a convenor with this email already exists"
        );
        assert!(
            duplicate
                .message_in(Language::Welsh)
                .contains("cyfeiriad e-bost")
        );
    }

    #[test]
    fn a_refused_text_names_its_field_in_the_readers_language() {
        let too_long = model::DialogueTitle::parse(&"t".repeat(201)).expect_err("too long");
        let error = ApiError::from(too_long.clone());
        assert_eq!(error.to_string(), too_long.to_string());
        assert_eq!(
            error.to_string(),
            "dialogue title is longer than 200 characters"
        );
        assert_eq!(
            error.message_in(Language::Welsh),
            "mae teitl y drafodaeth yn hwy na 200 nod"
        );
        // A nested refusal is said in the same language as the one around it.
        let labelled = ApiError::invalid(
            "refused-as-written",
            &[("message", Arg::from(Said::text(&too_long)))],
        );
        assert_eq!(
            labelled.message_in(Language::Welsh),
            "mae teitl y drafodaeth yn hwy na 200 nod"
        );
    }

    #[test]
    fn a_moment_in_a_refusal_is_said_in_the_readers_words() {
        // 12 March 2027, 17:00 UTC.
        let error = ApiError::not_open(1_804_870_800_000);
        assert_eq!(
            error.to_string(),
            "the dialogue is not open yet: it opens on 12 March 2027, 17:00 UTC \
             (2027-03-12T17:00:00.000Z)"
        );
        let welsh = error.message_in(Language::Welsh);
        assert!(welsh.contains("Mawrth 2027"), "{welsh}");
        assert!(welsh.contains("2027-03-12T17:00:00.000Z"), "{welsh}");
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
