//! Objectives, stances, actions and the partnership's hash-chained record.
//!
//! Every write appends its record entry in its own transaction. The append bumps the
//! partnership's `record_length` first, which on PostgreSQL locks the partnership's row until
//! the transaction ends, so entries of one partnership are chained one after another and no two
//! writers can both extend the same head.

use async_trait::async_trait;
use model::record::{RecordEntry, genesis, link};
use model::{ConvenorId, PartnerId, PartnershipId, Token};
use serde_json::json;
use sqlx::Row as _;

use super::{Conn, DbRow, This};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::settlements::{
    Action, ActionId, ActionNote, DecisionBasis, NewAction, NewActionNote, NewStance, NewVersion,
    Objective, ObjectiveId, ObjectiveVersion, Phase, Publication, SettlementStore, StanceRecord,
    StoredRule, StoredStance,
};

const OBJECTIVE_SELECT: &str = "SELECT o.id, o.partnership_id, o.phase, o.current_version, \
     o.created_at, o.updated_at, v.title, v.body \
     FROM objectives o JOIN objective_versions v \
     ON v.objective_id = o.id AND v.version = o.current_version";
const STANCE_COLUMNS: &str = "id, objective_id, version, partner_id, stance, reason, amendment, \
     recorded_by, recorded_at";
const ACTION_COLUMNS: &str = "id, objective_id, owner_partner_id, title, lead_role, due_on, \
     status, created_at, updated_at";

fn version_number(value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::internal("a stored version is out of range"))
}

fn objective_from_row(row: &DbRow) -> Result<Objective, StoreError> {
    Ok(Objective {
        id: ObjectiveId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        phase: stored(
            "objective phase",
            Phase::parse(&row.try_get::<String, _>("phase")?).ok_or("an unknown phase"),
        )?,
        current_version: version_number(row.try_get("current_version")?)?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn stance_from_row(row: &DbRow) -> Result<StanceRecord, StoreError> {
    let stance = row
        .try_get::<Option<String>, _>("stance")?
        .map(|word| {
            stored(
                "stance",
                StoredStance::parse(&word).ok_or("an unknown stance"),
            )
        })
        .transpose()?;
    Ok(StanceRecord {
        id: row.try_get("id")?,
        objective: ObjectiveId(row.try_get("objective_id")?),
        version: version_number(row.try_get("version")?)?,
        partner: PartnerId(row.try_get("partner_id")?),
        stance,
        reason: row.try_get("reason")?,
        amendment: row.try_get("amendment")?,
        recorded_by: row
            .try_get::<Option<i64>, _>("recorded_by")?
            .map(ConvenorId),
        recorded_at: row.try_get("recorded_at")?,
    })
}

fn action_from_row(row: &DbRow, shared_with: Vec<PartnerId>) -> Result<Action, StoreError> {
    Ok(Action {
        id: ActionId(row.try_get("id")?),
        objective: ObjectiveId(row.try_get("objective_id")?),
        owner: PartnerId(row.try_get("owner_partner_id")?),
        shared_with,
        title: row.try_get("title")?,
        lead_role: row.try_get("lead_role")?,
        due_on: row.try_get("due_on")?,
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn actor_name(actor: ConvenorId) -> String {
    format!("account:{}", actor.0)
}

/// Appends an entry to a partnership's record, chained to the entry before it.
async fn append_record(
    conn: &mut Conn,
    partnership: PartnershipId,
    actor: ConvenorId,
    kind: &str,
    payload: &serde_json::Value,
    now: i64,
) -> Result<(), StoreError> {
    let row = sqlx::query(
        "UPDATE partnerships SET record_length = record_length + 1 WHERE id = $1 \
         RETURNING record_length, record_head",
    )
    .bind(partnership.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Partnership))?;
    let sequence: i64 = row.try_get("record_length")?;
    let previous = row
        .try_get::<Option<String>, _>("record_head")?
        .unwrap_or_else(|| genesis(partnership.0));
    let sequence_number = u64::try_from(sequence)
        .map_err(|_| StoreError::internal("a record sequence is out of range"))?;
    let recorded_at = now.to_string();
    let actor = actor_name(actor);
    let payload = payload.to_string();
    let hash = link(
        &previous,
        sequence_number,
        &recorded_at,
        &actor,
        kind,
        &payload,
    );
    sqlx::query(
        "INSERT INTO record_entries \
         (partnership_id, sequence, recorded_at, actor, kind, payload, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(partnership.0)
    .bind(sequence)
    .bind(&recorded_at)
    .bind(&actor)
    .bind(kind)
    .bind(&payload)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE partnerships SET record_head = $2 WHERE id = $1")
        .bind(partnership.0)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves `current` to `phase`, appending the change to the partnership's record.
async fn change_phase(
    conn: &mut Conn,
    current: &Objective,
    phase: Phase,
    actor: ConvenorId,
    now: i64,
) -> Result<Objective, StoreError> {
    let payload = json!({
        "objective": current.id.0,
        "version": current.current_version,
        "from": current.phase.as_str(),
        "to": phase.as_str(),
    });
    append_record(
        conn,
        current.partnership,
        actor,
        "objective_phase_changed",
        &payload,
        now,
    )
    .await?;
    sqlx::query("UPDATE objectives SET phase = $2, updated_at = $3 WHERE id = $1")
        .bind(current.id.0)
        .bind(phase.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    fetch_objective(conn, current.id).await
}

/// Reads a partnership's decision rule.
async fn read_rule(conn: &mut Conn, partnership: PartnershipId) -> Result<StoredRule, StoreError> {
    let row = sqlx::query("SELECT decision_rule, quorum_percent FROM partnerships WHERE id = $1")
        .bind(partnership.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partnership))?;
    let quorum: i64 = row.try_get("quorum_percent")?;
    match row.try_get::<String, _>("decision_rule")?.as_str() {
        "unanimity" => Ok(StoredRule::Unanimity),
        "consent" => Ok(StoredRule::Consent {
            quorum_percent: u8::try_from(quorum.clamp(1, 100)).unwrap_or(50),
        }),
        _ => Err(StoreError::internal("an unknown decision rule is stored")),
    }
}

/// Locks the objective's partnership (on PostgreSQL; SQLite's write transaction already
/// excludes other writers) and then reads the objective, so that what is checked of it holds
/// until commit: every write to an objective, its stances or the partnership's rule appends to
/// the partnership's record and so takes the same lock.
async fn locked_objective(conn: &mut Conn, id: ObjectiveId) -> Result<Objective, StoreError> {
    let partnership: i64 =
        sqlx::query_scalar("SELECT partnership_id FROM objectives WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(StoreError::NotFound(Entity::Objective))?;
    sqlx::query("UPDATE partnerships SET record_length = record_length WHERE id = $1")
        .bind(partnership)
        .execute(&mut *conn)
        .await?;
    fetch_objective(conn, id).await
}

async fn fetch_objective(conn: &mut Conn, id: ObjectiveId) -> Result<Objective, StoreError> {
    let sql = format!("{OBJECTIVE_SELECT} WHERE o.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Objective))?;
    objective_from_row(&row)
}

/// Refuses a partner that is not a current partner of the partnership.
async fn require_current_partner(
    conn: &mut Conn,
    partnership: PartnershipId,
    partner: PartnerId,
) -> Result<(), StoreError> {
    let row = sqlx::query("SELECT partnership_id, archived_at FROM partners WHERE id = $1")
        .bind(partner.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partner))?;
    if PartnershipId(row.try_get("partnership_id")?) != partnership {
        return Err(StoreError::NotFound(Entity::Partner));
    }
    if row.try_get::<Option<i64>, _>("archived_at")?.is_some() {
        return Err(StoreError::PartnerArchived);
    }
    Ok(())
}

async fn insert_version(
    conn: &mut Conn,
    objective: ObjectiveId,
    version: u32,
    new: &NewVersion,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO objective_versions \
         (objective_id, version, title, body, evidence, amends_stance_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(objective.0)
    .bind(i64::from(version))
    .bind(&new.title)
    .bind(&new.body)
    .bind(&new.evidence)
    .bind(new.amends)
    .bind(new.actor.0)
    .bind(new.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn version_payload(objective: ObjectiveId, version: u32, new: &NewVersion) -> serde_json::Value {
    json!({
        "objective": objective.0,
        "version": version,
        "title": new.title,
        "body": new.body,
        "evidence": new.evidence,
        "amends_stance": new.amends,
    })
}

impl This {
    async fn shared_partners(&self, action: ActionId) -> Result<Vec<PartnerId>, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT partner_id FROM action_partners WHERE action_id = $1 ORDER BY partner_id",
        )
        .bind(action.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(PartnerId).collect())
    }
}

#[async_trait]
impl SettlementStore for This {
    async fn decision_rule(&self, partnership: PartnershipId) -> Result<StoredRule, StoreError> {
        let mut conn = self.pool.acquire().await?;
        read_rule(&mut conn, partnership).await
    }

    async fn set_decision_rule(
        &self,
        partnership: PartnershipId,
        rule: StoredRule,
        actor: ConvenorId,
        now: i64,
    ) -> Result<(), StoreError> {
        let (word, quorum) = match rule {
            StoredRule::Consent { quorum_percent } => {
                if !(1..=100).contains(&quorum_percent) {
                    return Err(StoreError::Invalid(
                        "the quorum must be between 1% and 100%".to_owned(),
                    ));
                }
                ("consent", quorum_percent)
            }
            StoredRule::Unanimity => ("unanimity", 100),
        };
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let done = sqlx::query(
                "UPDATE partnerships SET decision_rule = $2, quorum_percent = $3 WHERE id = $1",
            )
            .bind(partnership.0)
            .bind(word)
            .bind(i64::from(quorum))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(Entity::Partnership));
            }
            let payload = json!({ "rule": word, "quorum_percent": quorum });
            append_record(
                &mut tx,
                partnership,
                actor,
                "decision_rule_set",
                &payload,
                now,
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
        .await
    }

    async fn create_objective(
        &self,
        partnership: PartnershipId,
        first: NewVersion,
    ) -> Result<Objective, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO objectives \
                 (partnership_id, phase, current_version, created_at, updated_at) \
                 VALUES ($1, $2, 1, $3, $3) RETURNING id",
            )
            .bind(partnership.0)
            .bind(Phase::Draft.as_str())
            .bind(first.now)
            .fetch_one(&mut *tx)
            .await
            .map_err(|error| match error {
                sqlx::Error::Database(ref database) if database.is_foreign_key_violation() => {
                    StoreError::NotFound(Entity::Partnership)
                }
                other => other.into(),
            })?;
            let id = ObjectiveId(id);
            insert_version(&mut tx, id, 1, &first).await?;
            let payload = version_payload(id, 1, &first);
            append_record(
                &mut tx,
                partnership,
                first.actor,
                "objective_drafted",
                &payload,
                first.now,
            )
            .await?;
            let objective = fetch_objective(&mut tx, id).await?;
            tx.commit().await?;
            Ok(objective)
        })
        .await
    }

    async fn get_objective(&self, id: ObjectiveId) -> Result<Objective, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_objective(&mut conn, id).await
    }

    async fn list_objectives(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Objective>, StoreError> {
        let sql = format!("{OBJECTIVE_SELECT} WHERE o.partnership_id = $1 ORDER BY o.id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(objective_from_row).collect()
    }

    async fn amend_objective(
        &self,
        id: ObjectiveId,
        next: NewVersion,
    ) -> Result<Objective, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let current = locked_objective(&mut tx, id).await?;
            if matches!(current.phase, Phase::Decided | Phase::Withdrawn) {
                return Err(StoreError::ObjectiveClosed);
            }
            let version = current.current_version + 1;
            // The record's lock on the partnership comes first, as for every other write here.
            let payload = version_payload(id, version, &next);
            append_record(
                &mut tx,
                current.partnership,
                next.actor,
                "objective_amended",
                &payload,
                next.now,
            )
            .await?;
            insert_version(&mut tx, id, version, &next).await?;
            sqlx::query(
                "UPDATE objectives SET current_version = $2, updated_at = $3 WHERE id = $1",
            )
            .bind(id.0)
            .bind(i64::from(version))
            .bind(next.now)
            .execute(&mut *tx)
            .await?;
            let objective = fetch_objective(&mut tx, id).await?;
            tx.commit().await?;
            Ok(objective)
        })
        .await
    }

    async fn list_versions(&self, id: ObjectiveId) -> Result<Vec<ObjectiveVersion>, StoreError> {
        self.get_objective(id).await?;
        let rows = sqlx::query(
            "SELECT version, title, body, evidence, amends_stance_id, created_by, created_at \
             FROM objective_versions WHERE objective_id = $1 ORDER BY version",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ObjectiveVersion {
                    version: version_number(row.try_get("version")?)?,
                    title: row.try_get("title")?,
                    body: row.try_get("body")?,
                    evidence: row.try_get("evidence")?,
                    amends: row.try_get("amends_stance_id")?,
                    created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    async fn set_phase(
        &self,
        id: ObjectiveId,
        phase: Phase,
        actor: ConvenorId,
        now: i64,
    ) -> Result<Objective, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let current = locked_objective(&mut tx, id).await?;
            if matches!(current.phase, Phase::Decided | Phase::Withdrawn) {
                return Err(StoreError::ObjectiveClosed);
            }
            let objective = change_phase(&mut tx, &current, phase, actor, now).await?;
            tx.commit().await?;
            Ok(objective)
        })
        .await
    }

    async fn adopt_objective(
        &self,
        id: ObjectiveId,
        basis: DecisionBasis,
        actor: ConvenorId,
        now: i64,
    ) -> Result<Objective, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let current = locked_objective(&mut tx, id).await?;
            if current.phase != Phase::WithPartners {
                return Err(StoreError::ObjectiveClosed);
            }
            let stances: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM objective_stances WHERE objective_id = $1",
            )
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
            let active_partners: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM partners WHERE partnership_id = $1 AND archived_at IS NULL",
            )
            .bind(current.partnership.0)
            .fetch_one(&mut *tx)
            .await?;
            let rule = read_rule(&mut tx, current.partnership).await?;
            let now_basis = DecisionBasis {
                version: current.current_version,
                stances: u64::try_from(stances).unwrap_or(u64::MAX),
                rule,
                active_partners: u64::try_from(active_partners).unwrap_or(u64::MAX),
            };
            if now_basis != basis {
                return Err(StoreError::DecisionBasisChanged);
            }
            let objective = change_phase(&mut tx, &current, Phase::Decided, actor, now).await?;
            tx.commit().await?;
            Ok(objective)
        })
        .await
    }

    async fn record_stance(&self, new: NewStance) -> Result<StanceRecord, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let current = fetch_objective(&mut tx, new.objective).await?;
            // Lock the partnership's record before checking, so the check holds at commit.
            let payload = json!({
                "objective": new.objective.0,
                "version": new.version,
                "partner": new.partner.0,
                "stance": new.stance.map(StoredStance::as_str),
                "reason": new.reason,
                "amendment": new.amendment,
            });
            append_record(
                &mut tx,
                current.partnership,
                new.actor,
                "stance_recorded",
                &payload,
                new.now,
            )
            .await?;
            let current = fetch_objective(&mut tx, new.objective).await?;
            if current.phase != Phase::WithPartners {
                return Err(StoreError::ObjectiveClosed);
            }
            if new.version != current.current_version {
                return Err(StoreError::StaleVersion {
                    current: current.current_version,
                });
            }
            require_current_partner(&mut tx, current.partnership, new.partner).await?;
            let sql = format!(
                "INSERT INTO objective_stances \
                 (objective_id, version, partner_id, stance, reason, amendment, recorded_by, \
                 recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {STANCE_COLUMNS}"
            );
            let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(new.objective.0)
                .bind(i64::from(new.version))
                .bind(new.partner.0)
                .bind(new.stance.map(StoredStance::as_str))
                .bind(&new.reason)
                .bind(&new.amendment)
                .bind(new.actor.0)
                .bind(new.now)
                .fetch_one(&mut *tx)
                .await?;
            let stance = stance_from_row(&row)?;
            tx.commit().await?;
            Ok(stance)
        })
        .await
    }

    async fn list_stances(&self, id: ObjectiveId) -> Result<Vec<StanceRecord>, StoreError> {
        self.get_objective(id).await?;
        let sql = format!(
            "SELECT {STANCE_COLUMNS} FROM objective_stances WHERE objective_id = $1 ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(stance_from_row).collect()
    }

    async fn create_action(&self, new: NewAction) -> Result<Action, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let objective = locked_objective(&mut tx, new.objective).await?;
            let payload = json!({
                "objective": new.objective.0,
                "owner": new.owner.0,
                "shared_with": new.shared_with.iter().map(|p| p.0).collect::<Vec<_>>(),
                "title": new.title,
                "lead_role": new.lead_role,
                "due_on": new.due_on,
                "status": new.status,
            });
            append_record(
                &mut tx,
                objective.partnership,
                new.actor,
                "action_added",
                &payload,
                new.now,
            )
            .await?;
            if objective.phase != Phase::Decided {
                return Err(StoreError::ObjectiveNotAdopted);
            }
            require_current_partner(&mut tx, objective.partnership, new.owner).await?;
            let mut shared = new.shared_with.clone();
            shared.sort();
            shared.dedup();
            shared.retain(|partner| *partner != new.owner);
            for partner in &shared {
                require_current_partner(&mut tx, objective.partnership, *partner).await?;
            }
            let sql = format!(
                "INSERT INTO actions (objective_id, owner_partner_id, title, lead_role, due_on, \
                 status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
                 RETURNING {ACTION_COLUMNS}"
            );
            let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(new.objective.0)
                .bind(new.owner.0)
                .bind(&new.title)
                .bind(&new.lead_role)
                .bind(&new.due_on)
                .bind(&new.status)
                .bind(new.now)
                .fetch_one(&mut *tx)
                .await?;
            let id: i64 = row.try_get("id")?;
            for partner in &shared {
                sqlx::query("INSERT INTO action_partners (action_id, partner_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(partner.0)
                    .execute(&mut *tx)
                    .await?;
            }
            let action = action_from_row(&row, shared)?;
            tx.commit().await?;
            Ok(action)
        })
        .await
    }

    async fn get_action(&self, id: ActionId) -> Result<Action, StoreError> {
        let sql = format!("SELECT {ACTION_COLUMNS} FROM actions WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Action))?;
        let shared = self.shared_partners(id).await?;
        action_from_row(&row, shared)
    }

    async fn list_actions(&self, partnership: PartnershipId) -> Result<Vec<Action>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.objective_id, a.owner_partner_id, a.title, a.lead_role, a.due_on, \
             a.status, a.created_at, a.updated_at FROM actions a \
             JOIN objectives o ON o.id = a.objective_id \
             WHERE o.partnership_id = $1 ORDER BY a.id",
        )
        .bind(partnership.0)
        .fetch_all(&self.pool)
        .await?;
        let mut actions = Vec::with_capacity(rows.len());
        for row in &rows {
            let shared = self.shared_partners(ActionId(row.try_get("id")?)).await?;
            actions.push(action_from_row(row, shared)?);
        }
        Ok(actions)
    }

    async fn add_action_note(&self, new: NewActionNote) -> Result<ActionNote, StoreError> {
        self.retrying(|| async {
            let mut tx = self.begin_write().await?;
            let partnership: Option<i64> = sqlx::query_scalar(
                "SELECT o.partnership_id FROM actions a \
                 JOIN objectives o ON o.id = a.objective_id WHERE a.id = $1",
            )
            .bind(new.action.0)
            .fetch_optional(&mut *tx)
            .await?;
            let partnership =
                PartnershipId(partnership.ok_or(StoreError::NotFound(Entity::Action))?);
            let payload = json!({
                "action": new.action.0,
                "status": new.status,
                "note": new.note,
            });
            append_record(
                &mut tx,
                partnership,
                new.actor,
                "action_progress",
                &payload,
                new.now,
            )
            .await?;
            sqlx::query("UPDATE actions SET status = $2, updated_at = $3 WHERE id = $1")
                .bind(new.action.0)
                .bind(&new.status)
                .bind(new.now)
                .execute(&mut *tx)
                .await?;
            let row = sqlx::query(
                "INSERT INTO action_notes (action_id, status, note, recorded_by, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(new.action.0)
            .bind(&new.status)
            .bind(&new.note)
            .bind(new.actor.0)
            .bind(new.now)
            .fetch_one(&mut *tx)
            .await?;
            let note = ActionNote {
                id: row.try_get("id")?,
                action: new.action,
                status: new.status.clone(),
                note: new.note.clone(),
                recorded_by: Some(new.actor),
                recorded_at: new.now,
            };
            tx.commit().await?;
            Ok(note)
        })
        .await
    }

    async fn list_action_notes(&self, id: ActionId) -> Result<Vec<ActionNote>, StoreError> {
        self.get_action(id).await?;
        let rows = sqlx::query(
            "SELECT id, action_id, status, note, recorded_by, recorded_at FROM action_notes \
             WHERE action_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ActionNote {
                    id: row.try_get("id")?,
                    action: ActionId(row.try_get("action_id")?),
                    status: row.try_get("status")?,
                    note: row.try_get("note")?,
                    recorded_by: row
                        .try_get::<Option<i64>, _>("recorded_by")?
                        .map(ConvenorId),
                    recorded_at: row.try_get("recorded_at")?,
                })
            })
            .collect()
    }

    async fn read_record(
        &self,
        partnership: PartnershipId,
    ) -> Result<(Vec<RecordEntry>, Option<String>), StoreError> {
        let mut tx = self.pool.begin().await?;
        let head: Option<Option<String>> =
            sqlx::query_scalar("SELECT record_head FROM partnerships WHERE id = $1")
                .bind(partnership.0)
                .fetch_optional(&mut *tx)
                .await?;
        let head = head.ok_or(StoreError::NotFound(Entity::Partnership))?;
        let rows = sqlx::query(
            "SELECT sequence, recorded_at, actor, kind, payload, hash FROM record_entries \
             WHERE partnership_id = $1 ORDER BY sequence",
        )
        .bind(partnership.0)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let entries = rows
            .iter()
            .map(|row| {
                Ok(RecordEntry {
                    sequence: u64::try_from(row.try_get::<i64, _>("sequence")?)
                        .map_err(|_| StoreError::internal("a record sequence is out of range"))?,
                    recorded_at: row.try_get("recorded_at")?,
                    actor: row.try_get("actor")?,
                    kind: row.try_get("kind")?,
                    payload: row.try_get("payload")?,
                    hash: row.try_get("hash")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((entries, head))
    }

    async fn publication(&self, partnership: PartnershipId) -> Result<Publication, StoreError> {
        let row = sqlx::query(
            "SELECT outcomes_published_at, outcomes_published_by, \
             calendar_token_hash IS NOT NULL AS has_feed FROM partnerships WHERE id = $1",
        )
        .bind(partnership.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partnership))?;
        Ok(Publication {
            published_at: row.try_get("outcomes_published_at")?,
            published_by: row
                .try_get::<Option<i64>, _>("outcomes_published_by")?
                .map(ConvenorId),
            has_calendar_feed: row.try_get("has_feed")?,
        })
    }

    async fn set_outcomes_published(
        &self,
        partnership: PartnershipId,
        published: bool,
        actor: ConvenorId,
        now: i64,
    ) -> Result<Publication, StoreError> {
        let done = if published {
            sqlx::query(
                "UPDATE partnerships SET \
                 outcomes_published_by = CASE WHEN outcomes_published_at IS NULL \
                 THEN $2 ELSE outcomes_published_by END, \
                 outcomes_published_at = COALESCE(outcomes_published_at, $3) WHERE id = $1",
            )
            .bind(partnership.0)
            .bind(actor.0)
            .bind(now)
            .execute(&self.pool)
            .await?
        } else {
            sqlx::query(
                "UPDATE partnerships SET outcomes_published_at = NULL, \
                 outcomes_published_by = NULL WHERE id = $1",
            )
            .bind(partnership.0)
            .execute(&self.pool)
            .await?
        };
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Partnership));
        }
        self.publication(partnership).await
    }

    async fn renew_calendar_feed(&self, partnership: PartnershipId) -> Result<Token, StoreError> {
        let token = new_token()?;
        let done = sqlx::query("UPDATE partnerships SET calendar_token_hash = $2 WHERE id = $1")
            .bind(partnership.0)
            .bind(token.hash().as_bytes().as_slice())
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Partnership));
        }
        Ok(token)
    }

    async fn revoke_calendar_feed(&self, partnership: PartnershipId) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE partnerships SET calendar_token_hash = NULL WHERE id = $1")
            .bind(partnership.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Partnership));
        }
        Ok(())
    }

    async fn calendar_feed_matches(
        &self,
        partnership: PartnershipId,
        token: &Token,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM partnerships WHERE id = $1 AND calendar_token_hash = $2",
        )
        .bind(partnership.0)
        .bind(token.hash().as_bytes().as_slice())
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }
}
