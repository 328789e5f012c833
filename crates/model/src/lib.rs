//! Shared domain types: ids, validated text, closed vocabularies, the statement similarity used
//! for duplicate detection, password hashing, bearer tokens, dialogue schedules, rate-limit
//! allowances and the hash chain of a partnership's record, used by the store and the server.
//!
//! Nothing here does I/O: every value is built from arguments, and randomness (salts, token bytes)
//! is handed in by the caller.

#![warn(missing_docs)]

pub mod allowance;
pub mod ids;
pub mod kinds;
pub mod password;
pub mod record;
pub mod schedule;
pub mod similarity;
pub mod text;
pub mod token;
pub mod trust;

pub use allowance::{Admission, RateLimit};
pub use ids::{
    ComparisonId, ConstituencyId, ConvenorId, ConvenorInvitationId, DialogueId,
    FacilitatorInvitationId, InvitationId, MapFactorId, MapLinkId, ModeratorInvitationId,
    ParticipantId, PartnerId, PartnershipId, PriorityConstituencyId, PriorityListId,
    PriorityOptionId, PriorityParticipantId, StatementId, SystemMapId, TrustWaveId, VoteEventId,
};
pub use kinds::{
    AnalysisWeighting, ComparisonChoice, ConstituencyKind, ContributionKind, ModerationAction,
    ModerationPolicy, ModerationStatus, OptionOrigin, RaterNaming, RejectionReason,
    RelationshipLevel, ReportVisibility, ResponseStatus, SafeguardingConcern, Sector,
    UndecidedReason, UnknownValueError, VoteChannel, VoteChoice,
};
pub use password::{Password, PasswordError, PasswordHash};
pub use schedule::{DialogueSchedule, DialogueStatus, ScheduleError};
pub use similarity::{DuplicateMatch, NEAR_DUPLICATE_THRESHOLD, NormalizedText, find_duplicate};
pub use text::{
    ActionTitle, AmendmentText, ConstituencyName, Description, DialogueQuestion, DialogueTitle,
    Email, EmailError, ExpectedShare, ExpectedShareError, IdempotencyKey, LeadRole, ObjectiveText,
    ObjectiveTitle, OptionText, PartnerName, PartnershipName, PriorityListTitle, PriorityQuestion,
    ProgressNote, Purpose, StanceReason, StatementText, TextError, WaveTitle, is_direction_control,
    is_refused_control, is_visible,
};
pub use token::{Token, TokenError, TokenHash};
pub use trust::{ItemScore, TRUST_ITEM_NAMES, TRUST_ITEMS, TrustAnswer, TrustAnswerError};
