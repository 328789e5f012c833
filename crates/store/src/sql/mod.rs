//! The SQL both backends share. This module is compiled twice, once inside `sqlite` and once
//! inside `postgres`, against that parent's `Db`, `This`, `BACKEND`, `BEGIN_WRITE` and `PARAMETERS`; the
//! statements use only syntax both databases accept (`$n` parameters, `RETURNING`,
//! `ON CONFLICT`), and the schemas differ only in column types.

mod accounts;
mod analysis;
mod dialogues;
mod import;
mod participants;
mod statements;
mod votes;

use async_trait::async_trait;
use model::{
    ConstituencyId, ConvenorId, DialogueId, Email, ModerationPolicy, ModerationStatus,
    ParticipantId, PartnerId, PartnershipId, PasswordHash, StatementId, Token, VoteEventId,
};
use sqlx::Row as _;

use super::{BACKEND, BEGIN_WRITE, Db, PARAMETERS, This};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::lock::AnalysisLock;
use crate::records::{
    AnalysisSnapshot, Backend, CastVote, Constituency, Convenor, ConvenorCredentials, Dialogue,
    DialogueImport, DialogueSettings, Erasure, ImportSummary, LatestVote, NewConstituency,
    NewConvenor, NewDialogue, NewParticipant, NewPartner, NewPartnership, NewSnapshot,
    NewStatement, Participant, Partner, Partnership, Revision, Session, Statement, StatementCounts,
    StatementFilter, StatementPage, VoteCounts, VoteEvent, VoteReceipt,
};
use crate::store::{Store, StoreResult};

type Conn = <Db as sqlx::Database>::Connection;
type DbRow = <Db as sqlx::Database>::Row;
type Tx = sqlx::Transaction<'static, Db>;

/// What writes to a dialogue need to know about it.
#[derive(Clone, Copy)]
struct DialogueState {
    is_open: bool,
    allow_participant_statements: bool,
    moderation: ModerationPolicy,
}

/// Bumps a dialogue's revision and returns its state. Every write that can change the analysis
/// does this in its transaction, which also locks the dialogue's row on PostgreSQL until the
/// transaction ends, serialising such writes to one dialogue.
async fn bump_revision(conn: &mut Conn, dialogue: DialogueId) -> Result<DialogueState, StoreError> {
    let row = sqlx::query(
        "UPDATE dialogues SET revision = revision + 1 WHERE id = $1 \
         RETURNING is_open, allow_participant_statements, moderation",
    )
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

/// Reads a dialogue's state without locking its row.
async fn dialogue_state(
    conn: &mut Conn,
    dialogue: DialogueId,
) -> Result<DialogueState, StoreError> {
    let row = sqlx::query(
        "SELECT is_open, allow_participant_statements, moderation FROM dialogues WHERE id = $1",
    )
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

fn state_from_row(row: &DbRow) -> Result<DialogueState, StoreError> {
    Ok(DialogueState {
        is_open: row.try_get("is_open")?,
        allow_participant_statements: row.try_get("allow_participant_statements")?,
        moderation: stored(
            "moderation policy",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationPolicy>(),
        )?,
    })
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_unique_violation())
}

fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_foreign_key_violation())
}

impl This {
    /// Starts a transaction that will write.
    async fn begin_write(&self) -> Result<Tx, StoreError> {
        Ok(self.pool.begin_with(BEGIN_WRITE).await?)
    }

    /// Refuses an unknown dialogue.
    async fn require_dialogue(&self, dialogue: DialogueId) -> Result<(), StoreError> {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM dialogues WHERE id = $1")
            .bind(dialogue.0)
            .fetch_optional(&self.pool)
            .await?;
        match found {
            Some(_) => Ok(()),
            None => Err(StoreError::NotFound(Entity::Dialogue)),
        }
    }
}

#[async_trait]
impl Store for This {
    fn backend(&self) -> Backend {
        BACKEND
    }

    async fn check_health(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn create_partnership(&self, new: NewPartnership) -> StoreResult<Partnership> {
        self.create_partnership_impl(new).await
    }

    async fn get_partnership(&self, id: PartnershipId) -> StoreResult<Partnership> {
        self.get_partnership_impl(id).await
    }

    async fn list_partnerships(&self) -> StoreResult<Vec<Partnership>> {
        self.list_partnerships_impl().await
    }

    async fn create_partner(&self, new: NewPartner) -> StoreResult<Partner> {
        self.create_partner_impl(new).await
    }

    async fn get_partner(&self, id: PartnerId) -> StoreResult<Partner> {
        self.get_partner_impl(id).await
    }

    async fn list_partners(&self, partnership: PartnershipId) -> StoreResult<Vec<Partner>> {
        self.list_partners_impl(partnership).await
    }

    async fn create_convenor(&self, new: NewConvenor) -> StoreResult<Convenor> {
        self.create_convenor_impl(new).await
    }

    async fn get_convenor(&self, id: ConvenorId) -> StoreResult<Convenor> {
        self.get_convenor_impl(id).await
    }

    async fn find_convenor_by_email(
        &self,
        email: &Email,
    ) -> StoreResult<Option<ConvenorCredentials>> {
        self.find_convenor_by_email_impl(email).await
    }

    async fn list_convenors(&self) -> StoreResult<Vec<Convenor>> {
        self.list_convenors_impl().await
    }

    async fn set_convenor_password(&self, id: ConvenorId, hash: &PasswordHash) -> StoreResult<()> {
        self.set_convenor_password_impl(id, hash).await
    }

    async fn set_convenor_admin(&self, id: ConvenorId, is_admin: bool) -> StoreResult<()> {
        self.set_convenor_admin_impl(id, is_admin).await
    }

    async fn add_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<()> {
        self.add_partnership_member_impl(partnership, convenor)
            .await
    }

    async fn remove_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<bool> {
        self.remove_partnership_member_impl(partnership, convenor)
            .await
    }

    async fn is_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<bool> {
        self.is_partnership_member_impl(partnership, convenor).await
    }

    async fn list_partnership_members(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<Vec<Convenor>> {
        self.list_partnership_members_impl(partnership).await
    }

    async fn list_convenor_partnerships(
        &self,
        convenor: ConvenorId,
    ) -> StoreResult<Vec<Partnership>> {
        self.list_convenor_partnerships_impl(convenor).await
    }

    async fn create_session(
        &self,
        convenor: ConvenorId,
        created_at: i64,
        expires_at: i64,
    ) -> StoreResult<Token> {
        self.create_session_impl(convenor, created_at, expires_at)
            .await
    }

    async fn find_session(&self, token: &Token, now: i64) -> StoreResult<Option<Session>> {
        self.find_session_impl(token, now).await
    }

    async fn delete_session(&self, token: &Token) -> StoreResult<bool> {
        self.delete_session_impl(token).await
    }

    async fn delete_convenor_sessions(&self, convenor: ConvenorId) -> StoreResult<u64> {
        self.delete_convenor_sessions_impl(convenor).await
    }

    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64> {
        self.delete_expired_sessions_impl(now).await
    }

    async fn create_dialogue(&self, new: NewDialogue) -> StoreResult<Dialogue> {
        self.create_dialogue_impl(new).await
    }

    async fn get_dialogue(&self, id: DialogueId) -> StoreResult<Dialogue> {
        self.get_dialogue_impl(id).await
    }

    async fn list_dialogues(&self, partnership: PartnershipId) -> StoreResult<Vec<Dialogue>> {
        self.list_dialogues_impl(partnership).await
    }

    async fn update_dialogue_settings(
        &self,
        id: DialogueId,
        settings: DialogueSettings,
    ) -> StoreResult<Dialogue> {
        self.update_dialogue_settings_impl(id, settings).await
    }

    async fn set_dialogue_open(&self, id: DialogueId, is_open: bool) -> StoreResult<Dialogue> {
        self.set_dialogue_open_impl(id, is_open).await
    }

    async fn add_constituency(
        &self,
        dialogue: DialogueId,
        new: NewConstituency,
    ) -> StoreResult<Constituency> {
        self.add_constituency_impl(dialogue, new).await
    }

    async fn submit_statement(&self, new: NewStatement) -> StoreResult<Statement> {
        self.submit_statement_impl(new).await
    }

    async fn get_statement(&self, id: StatementId) -> StoreResult<Statement> {
        self.get_statement_impl(id).await
    }

    async fn list_statements(
        &self,
        dialogue: DialogueId,
        filter: &StatementFilter,
    ) -> StoreResult<StatementPage> {
        self.list_statements_impl(dialogue, filter).await
    }

    async fn count_statements(&self, dialogue: DialogueId) -> StoreResult<StatementCounts> {
        self.count_statements_impl(dialogue).await
    }

    async fn moderate_statement(
        &self,
        id: StatementId,
        status: ModerationStatus,
    ) -> StoreResult<Statement> {
        self.moderate_statement_impl(id, status).await
    }

    async fn moderate_statements(
        &self,
        dialogue: DialogueId,
        ids: &[StatementId],
        status: ModerationStatus,
    ) -> StoreResult<u64> {
        self.moderate_statements_impl(dialogue, ids, status).await
    }

    async fn set_statement_meta(&self, id: StatementId, is_meta: bool) -> StoreResult<Statement> {
        self.set_statement_meta_impl(id, is_meta).await
    }

    async fn create_participant(&self, new: NewParticipant) -> StoreResult<(Participant, Token)> {
        self.create_participant_impl(new).await
    }

    async fn find_participant_by_token(&self, token: &Token) -> StoreResult<Option<Participant>> {
        self.find_participant_by_token_impl(token).await
    }

    async fn get_participant(&self, id: ParticipantId) -> StoreResult<Participant> {
        self.get_participant_impl(id).await
    }

    async fn set_participant_constituencies(
        &self,
        id: ParticipantId,
        constituencies: &[ConstituencyId],
    ) -> StoreResult<Participant> {
        self.set_participant_constituencies_impl(id, constituencies)
            .await
    }

    async fn list_memberships(
        &self,
        dialogue: DialogueId,
    ) -> StoreResult<Vec<(ParticipantId, ConstituencyId)>> {
        self.list_memberships_impl(dialogue).await
    }

    async fn erase_participant(&self, id: ParticipantId) -> StoreResult<Erasure> {
        self.erase_participant_impl(id).await
    }

    async fn cast_vote(&self, vote: CastVote) -> StoreResult<VoteReceipt> {
        self.cast_vote_impl(vote).await
    }

    async fn cast_votes(&self, votes: &[CastVote]) -> StoreResult<Vec<StoreResult<VoteReceipt>>> {
        self.cast_votes_impl(votes).await
    }

    async fn latest_votes(&self, dialogue: DialogueId) -> StoreResult<Vec<LatestVote>> {
        self.latest_votes_impl(dialogue).await
    }

    async fn participant_votes(&self, participant: ParticipantId) -> StoreResult<Vec<LatestVote>> {
        self.participant_votes_impl(participant).await
    }

    async fn participant_vote_history(
        &self,
        participant: ParticipantId,
    ) -> StoreResult<Vec<VoteEvent>> {
        self.participant_vote_history_impl(participant).await
    }

    async fn count_votes(&self, dialogue: DialogueId) -> StoreResult<VoteCounts> {
        self.count_votes_impl(dialogue).await
    }

    async fn vote_history(
        &self,
        dialogue: DialogueId,
        after: Option<VoteEventId>,
        limit: u32,
    ) -> StoreResult<Vec<VoteEvent>> {
        self.vote_history_impl(dialogue, after, limit).await
    }

    async fn dialogue_revision(&self, dialogue: DialogueId) -> StoreResult<Revision> {
        self.dialogue_revision_impl(dialogue).await
    }

    async fn dialogues_needing_analysis(&self, limit: u32) -> StoreResult<Vec<DialogueId>> {
        self.dialogues_needing_analysis_impl(limit).await
    }

    async fn save_snapshot(&self, snapshot: NewSnapshot) -> StoreResult<i64> {
        self.save_snapshot_impl(snapshot).await
    }

    async fn load_snapshot(&self, dialogue: DialogueId) -> StoreResult<Option<AnalysisSnapshot>> {
        self.load_snapshot_impl(dialogue).await
    }

    async fn analysis_is_stale(&self, dialogue: DialogueId) -> StoreResult<bool> {
        self.analysis_is_stale_impl(dialogue).await
    }

    async fn try_lock_analysis(&self, dialogue: DialogueId) -> StoreResult<Option<AnalysisLock>> {
        self.try_lock_analysis_impl(dialogue).await
    }

    async fn import_dialogue(&self, import: DialogueImport) -> StoreResult<ImportSummary> {
        self.import_dialogue_impl(import).await
    }
}
