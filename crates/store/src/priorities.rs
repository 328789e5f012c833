//! Priority lists: a partnership's question with options to compare two at a time, the lists'
//! constituencies and pseudonymous participants, and the comparisons they make.
//!
//! Options are written by a convenor, drafted from a dialogue's common-ground statements (with
//! the link back), or added by participants with the moderation, duplicate detection and text
//! limits of statements. Comparisons are idempotent like votes, and a participant answers each
//! pair of options once. Times are milliseconds since the Unix epoch, supplied by the caller's
//! clock. The records do not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    ComparisonChoice, ComparisonId, ConstituencyKind, ConstituencyName, ConvenorId, Description,
    DialogueId, IdempotencyKey, ModerationPolicy, ModerationStatus, OptionOrigin, OptionText,
    ParticipantId, PartnershipId, PriorityConstituencyId, PriorityListId, PriorityListTitle,
    PriorityOptionId, PriorityParticipantId, PriorityQuestion, ReportVisibility, StatementId,
    Token, UndecidedReason,
};

use crate::store::StoreResult;

/// The settings of a priority list a convenor may change at any time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityListSettings {
    /// A short title.
    pub title: PriorityListTitle,
    /// The question put to participants, e.g. "Which should the partnership do first?".
    pub question: PriorityQuestion,
    /// A longer explanation, possibly empty.
    pub description: Description,
    /// Whether participants may add options.
    pub allow_participant_options: bool,
    /// When participants' options are moderated.
    pub moderation: ModerationPolicy,
    /// Who may read the results: everyone, or only the convenors of the list's partnership.
    pub results_visibility: ReportVisibility,
}

/// A public whose priorities the list wants to hear, e.g. "carers" or "GPs".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityConstituency {
    /// Its id.
    pub id: PriorityConstituencyId,
    /// The list it belongs to.
    pub list: PriorityListId,
    /// Its name, unique within the list.
    pub name: ConstituencyName,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
}

/// A constituency to create with a priority list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPriorityConstituency {
    /// Its name, unique within the list.
    pub name: ConstituencyName,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
}

/// A question a partnership puts to the public: which of these options first?
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityList {
    /// Its id.
    pub id: PriorityListId,
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// The dialogue (of the same partnership) whose common ground drafts options and whose
    /// opinion groups the results read, if one is linked and still exists.
    pub dialogue: Option<DialogueId>,
    /// Its settings.
    pub settings: PriorityListSettings,
    /// Its constituencies, in the order they were added.
    pub constituencies: Vec<PriorityConstituency>,
    /// Whether it accepts participants, options and comparisons.
    pub is_open: bool,
    /// The convenor who created it, if known and not deleted.
    pub created_by: Option<ConvenorId>,
    /// When it was created.
    pub created_at: i64,
    /// A counter that every change which can move the results increments.
    pub revision: i64,
}

/// What is needed to create a priority list; its constituencies are created with it in one
/// transaction, and it starts open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPriorityList {
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// A dialogue of the same partnership to link, if any.
    pub dialogue: Option<DialogueId>,
    /// Its settings.
    pub settings: PriorityListSettings,
    /// Its constituencies; names must be distinct.
    pub constituencies: Vec<NewPriorityConstituency>,
    /// The convenor creating it.
    pub created_by: Option<ConvenorId>,
    /// When it is created.
    pub created_at: i64,
}

/// One option of a priority list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityOption {
    /// Its id; ids grow in creation order.
    pub id: PriorityOptionId,
    /// The list it belongs to.
    pub list: PriorityListId,
    /// Its text.
    pub text: String,
    /// Who or what it came from.
    pub origin: OptionOrigin,
    /// The common-ground statement it was drafted from, while that statement exists.
    pub statement: Option<StatementId>,
    /// The participant who added it, if one did and has not been erased.
    pub author: Option<PriorityParticipantId>,
    /// Its moderation status; a convenor's and a drafted option are accepted at once.
    pub moderation: ModerationStatus,
    /// Why a convenor rejected it, when they said; `None` unless it is rejected.
    pub rejection_reason: Option<String>,
    /// An existing option it closely resembles (word-set Jaccard of at least 0.8), flagged for
    /// moderators when it was added.
    pub near_duplicate_of: Option<PriorityOptionId>,
    /// When it was added.
    pub created_at: i64,
}

/// An option written by a convenor (no author) or added by a participant of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPriorityOption {
    /// The list it joins.
    pub list: PriorityListId,
    /// Its text.
    pub text: OptionText,
    /// The participant adding it; `None` means a convenor writes it.
    pub author: Option<PriorityParticipantId>,
    /// When it is added.
    pub created_at: i64,
}

/// An option drafted from a statement of the list's dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftedOption {
    /// The statement, which must belong to the list's dialogue.
    pub statement: StatementId,
    /// The option's text (the statement's, or the convenor's wording of it).
    pub text: OptionText,
}

/// A pseudonymous person taking part in one priority list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriorityParticipant {
    /// Its id.
    pub id: PriorityParticipantId,
    /// The list it takes part in.
    pub list: PriorityListId,
    /// The constituencies the participant said they belong to, in id order.
    pub constituencies: Vec<PriorityConstituencyId>,
    /// The same person as a participant of the list's dialogue, when they showed that token on
    /// joining (and that participant has not been erased); the results read their opinion group
    /// through it.
    pub dialogue_participant: Option<ParticipantId>,
    /// When the participant joined.
    pub created_at: i64,
}

/// What is needed to join a priority list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPriorityParticipant {
    /// The list to join; it must be open.
    pub list: PriorityListId,
    /// Constituencies of that list the participant belongs to.
    pub constituencies: Vec<PriorityConstituencyId>,
    /// The participant of the list's dialogue this person is, if they showed that token; each
    /// dialogue participant joins a list at most once.
    pub dialogue_participant: Option<ParticipantId>,
    /// When the participant joins.
    pub created_at: i64,
}

/// A comparison to record: a participant was shown two options and answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComparison {
    /// Who answered.
    pub participant: PriorityParticipantId,
    /// The option shown on the left.
    pub left: PriorityOptionId,
    /// The option shown on the right; not the left one.
    pub right: PriorityOptionId,
    /// The answer.
    pub choice: ComparisonChoice,
    /// Why the participant could not decide, if they said; only with `Neither`.
    pub reason: Option<UndecidedReason>,
    /// When.
    pub compared_at: i64,
    /// A key the client sends again when retrying; a retry is acknowledged without a second
    /// comparison. Keys are scoped to the participant.
    pub idempotency_key: Option<IdempotencyKey>,
}

/// One recorded comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Its id; ids grow in recording order.
    pub id: ComparisonId,
    /// The list.
    pub list: PriorityListId,
    /// Who answered.
    pub participant: PriorityParticipantId,
    /// The option shown on the left.
    pub left: PriorityOptionId,
    /// The option shown on the right.
    pub right: PriorityOptionId,
    /// The answer.
    pub choice: ComparisonChoice,
    /// Why the participant could not decide, if they said.
    pub reason: Option<UndecidedReason>,
    /// When.
    pub compared_at: i64,
}

/// What recording a comparison did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparisonOutcome {
    /// The comparison was recorded.
    New,
    /// A retry of a comparison already recorded under the same idempotency key; nothing was
    /// written.
    Replayed,
}

/// What choosing a participant's next pair needs from the store, read in one query: the list's
/// revision and the pairs the participant has answered, each as it was shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredPairs {
    /// The list's revision when read.
    pub revision: i64,
    /// The pairs the participant answered, `(left, right)`, in recording order.
    pub pairs: Vec<(PriorityOptionId, PriorityOptionId)>,
}

/// The store's acknowledgement of a comparison, given only once it is committed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComparisonReceipt {
    /// The comparison recorded (for a replay, the original one).
    pub comparison: ComparisonId,
    /// What recording it did.
    pub outcome: ComparisonOutcome,
}

/// What erasing a participant of a priority list removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PriorityErasure {
    /// Comparisons removed.
    pub comparisons_removed: u64,
    /// Options removed: the participant's options nobody else compared.
    pub options_removed: u64,
    /// Options kept for the others who compared them, now without an author.
    pub options_unlinked: u64,
}

/// Priority lists, their options, participants and comparisons.
#[async_trait]
pub trait PriorityStore: Send + Sync {
    /// Creates an open priority list with its constituencies. A linked dialogue must belong to
    /// the same partnership ([`crate::StoreError::NotInPartnership`]).
    async fn create_priority_list(&self, new: NewPriorityList) -> StoreResult<PriorityList>;

    /// Returns a priority list with its constituencies.
    async fn get_priority_list(&self, id: PriorityListId) -> StoreResult<PriorityList>;

    /// Lists a partnership's priority lists in id order.
    async fn list_priority_lists(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<Vec<PriorityList>>;

    /// Replaces a list's settings.
    async fn update_priority_list(
        &self,
        id: PriorityListId,
        settings: PriorityListSettings,
    ) -> StoreResult<PriorityList>;

    /// Opens or closes a list; a closed list takes no participants, options or comparisons.
    async fn set_priority_list_open(
        &self,
        id: PriorityListId,
        is_open: bool,
    ) -> StoreResult<PriorityList>;

    /// Adds an option. A participant's option needs an open list that accepts them and starts
    /// `Pending` (shown at once only under post-moderation); a convenor's is accepted at once,
    /// open list or not. An option whose normalised text equals one already in the list is
    /// refused with [`crate::StoreError::DuplicateOption`]; a near duplicate is accepted and
    /// flagged in `near_duplicate_of`.
    async fn add_priority_option(&self, new: NewPriorityOption) -> StoreResult<PriorityOption>;

    /// Drafts options from statements of the list's linked dialogue in one transaction, each
    /// accepted at once with its link back. A statement already drafted into the list, or whose
    /// text is already an option, is passed over; returns the options added, in the order
    /// given. Refuses the whole batch if the list has no dialogue
    /// ([`crate::StoreError::Invalid`]) or a statement is not one of its dialogue's.
    async fn import_priority_options(
        &self,
        list: PriorityListId,
        drafts: &[DraftedOption],
        created_at: i64,
    ) -> StoreResult<Vec<PriorityOption>>;

    /// Returns an option.
    async fn get_priority_option(&self, id: PriorityOptionId) -> StoreResult<PriorityOption>;

    /// Lists every option of a list, whatever its moderation status, in id order.
    async fn list_priority_options(&self, list: PriorityListId)
    -> StoreResult<Vec<PriorityOption>>;

    /// Sets an option's moderation status with the reason for a rejection, kept only when the
    /// status is `Rejected`.
    async fn moderate_priority_option(
        &self,
        id: PriorityOptionId,
        status: ModerationStatus,
        reason: Option<String>,
    ) -> StoreResult<PriorityOption>;

    /// Adds a participant to an open list with their constituencies (which must be the list's)
    /// and returns the participant with their token.
    async fn join_priority_list(
        &self,
        new: NewPriorityParticipant,
    ) -> StoreResult<(PriorityParticipant, Token)>;

    /// Finds the participant of a priority list holding this token.
    async fn find_priority_participant_by_token(
        &self,
        token: &Token,
    ) -> StoreResult<Option<PriorityParticipant>>;

    /// Returns a participant of a priority list with their constituencies.
    async fn get_priority_participant(
        &self,
        id: PriorityParticipantId,
    ) -> StoreResult<PriorityParticipant>;

    /// Lists a list's participants with their constituencies, in id order.
    async fn list_priority_participants(
        &self,
        list: PriorityListId,
    ) -> StoreResult<Vec<PriorityParticipant>>;

    /// Records a comparison. Refuses comparisons in a closed list
    /// ([`crate::StoreError::PriorityListClosed`]), of an option against itself or with a
    /// reason for a decided choice ([`crate::StoreError::Invalid`]), of options of another list
    /// ([`crate::StoreError::NotInList`]), of rejected options or options awaiting
    /// pre-moderation ([`crate::StoreError::OptionRejected`], [`crate::StoreError::OptionPending`]),
    /// and of a pair the participant already compared, either way round
    /// ([`crate::StoreError::PairAlreadyCompared`]). A retry with the same idempotency key is
    /// acknowledged as [`ComparisonOutcome::Replayed`]; the same key with a different
    /// comparison is refused with [`crate::StoreError::IdempotencyKeyReused`].
    async fn record_comparison(&self, new: NewComparison) -> StoreResult<ComparisonReceipt>;

    /// Records a batch of comparisons in one transaction, each checked as
    /// [`PriorityStore::record_comparison`] checks it: returns one result per comparison, in
    /// order, a refused one leaving nothing behind. The error of the whole call means nothing
    /// was recorded. The lists are locked in id order before anything is read.
    async fn record_comparisons(
        &self,
        batch: &[NewComparison],
    ) -> StoreResult<Vec<StoreResult<ComparisonReceipt>>>;

    /// Returns a list's revision: a counter that every change which can move its results
    /// (a comparison, an option, a moderation decision, an erasure, new settings) increments.
    async fn priority_list_revision(&self, list: PriorityListId) -> StoreResult<i64>;

    /// Returns the revision of a participant's list and the pairs the participant answered,
    /// in one read: the next pair is chosen from these and the kept snapshot alone.
    async fn answered_pairs(
        &self,
        participant: PriorityParticipantId,
    ) -> StoreResult<AnsweredPairs>;

    /// Lists every priority list holding at least one comparison, with its revision, in id
    /// order: the lists whose results the background analysis keeps.
    async fn compared_priority_lists(&self) -> StoreResult<Vec<(PriorityListId, i64)>>;

    /// Lists every comparison of a list in recording order.
    async fn list_comparisons(&self, list: PriorityListId) -> StoreResult<Vec<Comparison>>;

    /// Lists a participant's comparisons in recording order.
    async fn participant_comparisons(
        &self,
        participant: PriorityParticipantId,
    ) -> StoreResult<Vec<Comparison>>;

    /// Erases a participant of a priority list: their record, token, memberships and
    /// comparisons go; their options nobody else compared are removed, and the rest stay
    /// without an author.
    async fn erase_priority_participant(
        &self,
        id: PriorityParticipantId,
    ) -> StoreResult<PriorityErasure>;
}
