//! System maps, their factors, links, judgments and action pins.
//!
//! Every write to a map or its parts first bumps the map's `revision`, which locks the map's
//! row on PostgreSQL until the transaction ends (the map stands where the dialogue stands in
//! the lock order); factors, links, judgments and pins come after. Partners, dialogues,
//! participants and actions are only read, never locked.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::{
    ConstituencyId, ConvenorId, DialogueId, MapFactorId, MapLinkId, ParticipantId, PartnerId,
    PartnershipId, SystemMapId,
};
use sqlx::Row as _;

use super::trust::require_current_partner;
use super::{Conn, DbRow, This};
use crate::error::{Entity, StoreError};
use crate::settlements::ActionId;
use crate::system_maps::{
    ActionPin, Judge, LinkJudgment, LinkSign, MAX_MAP_FACTORS, MAX_MAP_LINKS, MAX_MAP_NAME_CHARS,
    MAX_MAP_TEXT_CHARS, MapFactor, MapImport, MapJudgment, MapLink, NewActionPin, NewMapFactor,
    NewMapJudgment, NewMapLink, NewSystemMap, PinPush, Proposer, SystemMap, SystemMapChanges,
    SystemMapStore,
};

const MAP_COLUMNS: &str = "id, partnership_id, title, description, dialogue_id, \
     participants_may_judge, created_at, created_by, closed_at";
const FACTOR_COLUMNS: &str =
    "id, map_id, name, owner_partner_id, sector, proposed_by, proposed_for, created_at";
const LINK_COLUMNS: &str = "id, map_id, from_factor_id, to_factor_id, sign, delayed, note, \
     proposed_by, proposed_for, created_at";
const PIN_COLUMNS: &str = "p.action_id, f.map_id, p.factor_id, p.push, p.pinned_by, p.pinned_at";

fn corrupt(what: &str) -> StoreError {
    StoreError::internal(format!("a stored {what} is not one the store writes"))
}

fn map_from_row(row: &DbRow) -> Result<SystemMap, StoreError> {
    Ok(SystemMap {
        id: SystemMapId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        dialogue: row
            .try_get::<Option<i64>, _>("dialogue_id")?
            .map(DialogueId),
        participants_may_judge: row.try_get("participants_may_judge")?,
        created_at: row.try_get("created_at")?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
        closed_at: row.try_get("closed_at")?,
    })
}

fn proposer_from_row(row: &DbRow) -> Result<Proposer, StoreError> {
    Ok(Proposer {
        account: row
            .try_get::<Option<i64>, _>("proposed_by")?
            .map(ConvenorId),
        partner: row
            .try_get::<Option<i64>, _>("proposed_for")?
            .map(PartnerId),
    })
}

fn factor_from_row(row: &DbRow) -> Result<MapFactor, StoreError> {
    Ok(MapFactor {
        id: MapFactorId(row.try_get("id")?),
        map: SystemMapId(row.try_get("map_id")?),
        name: row.try_get("name")?,
        owner: row
            .try_get::<Option<i64>, _>("owner_partner_id")?
            .map(PartnerId),
        sector: row.try_get("sector")?,
        proposer: proposer_from_row(row)?,
        created_at: row.try_get("created_at")?,
    })
}

fn link_from_row(row: &DbRow) -> Result<MapLink, StoreError> {
    let sign: String = row.try_get("sign")?;
    Ok(MapLink {
        id: MapLinkId(row.try_get("id")?),
        map: SystemMapId(row.try_get("map_id")?),
        from: MapFactorId(row.try_get("from_factor_id")?),
        to: MapFactorId(row.try_get("to_factor_id")?),
        sign: LinkSign::parse(&sign).ok_or_else(|| corrupt("link sign"))?,
        delayed: row.try_get("delayed")?,
        note: row.try_get("note")?,
        proposer: proposer_from_row(row)?,
        created_at: row.try_get("created_at")?,
    })
}

fn pin_from_row(row: &DbRow) -> Result<ActionPin, StoreError> {
    let push: String = row.try_get("push")?;
    Ok(ActionPin {
        action: ActionId(row.try_get("action_id")?),
        map: SystemMapId(row.try_get("map_id")?),
        factor: MapFactorId(row.try_get("factor_id")?),
        push: PinPush::parse(&push).ok_or_else(|| corrupt("pin push"))?,
        pinned_by: row.try_get::<Option<i64>, _>("pinned_by")?.map(ConvenorId),
        pinned_at: row.try_get("pinned_at")?,
    })
}

/// Refuses a blank or over-long name.
fn check_name(what: &str, name: &str) -> Result<(), StoreError> {
    if name.trim().is_empty() {
        return Err(StoreError::Invalid(format!("the {what} must not be blank")));
    }
    if name.chars().count() > MAX_MAP_NAME_CHARS {
        return Err(StoreError::Invalid(format!(
            "the {what} has more than {MAX_MAP_NAME_CHARS} characters"
        )));
    }
    Ok(())
}

/// Refuses an over-long description or note.
fn check_text(what: &str, text: &str) -> Result<(), StoreError> {
    if text.chars().count() > MAX_MAP_TEXT_CHARS {
        return Err(StoreError::Invalid(format!(
            "the {what} has more than {MAX_MAP_TEXT_CHARS} characters"
        )));
    }
    Ok(())
}

/// The key a factor's name is unique by: trimmed and folded to lower case.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Bumps a map's revision, which locks its row on PostgreSQL, and returns it as it is under
/// the lock.
async fn lock_map(conn: &mut Conn, id: SystemMapId) -> Result<SystemMap, StoreError> {
    let sql = format!(
        "UPDATE system_maps SET revision = revision + 1 WHERE id = $1 RETURNING {MAP_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::SystemMap))?;
    map_from_row(&row)
}

/// Locks an open map, refusing a closed one.
async fn lock_open_map(conn: &mut Conn, id: SystemMapId) -> Result<SystemMap, StoreError> {
    let map = lock_map(conn, id).await?;
    if !map.is_open() {
        return Err(StoreError::MapClosed);
    }
    Ok(map)
}

/// Refuses a dialogue that does not exist or belongs to another partnership.
async fn require_dialogue(
    conn: &mut Conn,
    partnership: PartnershipId,
    dialogue: DialogueId,
) -> Result<(), StoreError> {
    let owner: Option<Option<i64>> =
        sqlx::query_scalar("SELECT partnership_id FROM dialogues WHERE id = $1")
            .bind(dialogue.0)
            .fetch_optional(&mut *conn)
            .await?;
    match owner {
        None => Err(StoreError::NotFound(Entity::Dialogue)),
        Some(found) if found != Some(partnership.0) => {
            Err(StoreError::NotInPartnership(Entity::Dialogue))
        }
        Some(_) => Ok(()),
    }
}

async fn require_proposer(
    conn: &mut Conn,
    partnership: PartnershipId,
    proposer: Proposer,
) -> Result<(), StoreError> {
    if let Some(partner) = proposer.partner {
        require_current_partner(conn, partnership, partner).await?;
    }
    Ok(())
}

async fn count(conn: &mut Conn, table: &str, map: SystemMapId) -> Result<usize, StoreError> {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE map_id = $1");
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(map.0)
        .fetch_one(&mut *conn)
        .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

async fn insert_map(conn: &mut Conn, new: &NewSystemMap) -> Result<SystemMap, StoreError> {
    check_name("map's title", &new.title)?;
    check_text("map's description", &new.description)?;
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM partnerships WHERE id = $1")
        .bind(new.partnership.0)
        .fetch_optional(&mut *conn)
        .await?;
    if found.is_none() {
        return Err(StoreError::NotFound(Entity::Partnership));
    }
    if let Some(dialogue) = new.dialogue {
        require_dialogue(conn, new.partnership, dialogue).await?;
    }
    let sql = format!(
        "INSERT INTO system_maps (partnership_id, title, description, dialogue_id, \
         participants_may_judge, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         RETURNING {MAP_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(new.partnership.0)
        .bind(new.title.trim())
        .bind(&new.description)
        .bind(new.dialogue.map(|dialogue| dialogue.0))
        .bind(new.participants_may_judge)
        .bind(new.now)
        .bind(new.created_by.map(|convenor| convenor.0))
        .fetch_one(&mut *conn)
        .await?;
    map_from_row(&row)
}

/// Inserts a factor into a locked, open map.
async fn insert_factor(
    conn: &mut Conn,
    map: &SystemMap,
    new: &NewMapFactor,
) -> Result<MapFactor, StoreError> {
    check_name("factor's name", &new.name)?;
    if let Some(sector) = &new.sector {
        check_name("factor's sector", sector)?;
    }
    if let Some(owner) = new.owner {
        require_current_partner(conn, map.partnership, owner).await?;
    }
    require_proposer(conn, map.partnership, new.proposer).await?;
    let key = name_key(&new.name);
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM map_factors WHERE map_id = $1 AND name_key = $2")
            .bind(map.id.0)
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?;
    if taken.is_some() {
        return Err(StoreError::Duplicate {
            entity: Entity::MapFactor,
            field: "name",
        });
    }
    if count(conn, "map_factors", map.id).await? >= MAX_MAP_FACTORS {
        return Err(StoreError::Invalid(format!(
            "a map holds at most {MAX_MAP_FACTORS} factors"
        )));
    }
    let sql = format!(
        "INSERT INTO map_factors (map_id, name, name_key, owner_partner_id, sector, \
         proposed_by, proposed_for, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         RETURNING {FACTOR_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(map.id.0)
        .bind(new.name.trim())
        .bind(&key)
        .bind(new.owner.map(|partner| partner.0))
        .bind(new.sector.as_deref().map(str::trim))
        .bind(new.proposer.account.map(|account| account.0))
        .bind(new.proposer.partner.map(|partner| partner.0))
        .bind(new.now)
        .fetch_one(&mut *conn)
        .await?;
    factor_from_row(&row)
}

/// Returns the map a factor belongs to.
async fn factor_map(conn: &mut Conn, factor: MapFactorId) -> Result<SystemMapId, StoreError> {
    let map: Option<i64> = sqlx::query_scalar("SELECT map_id FROM map_factors WHERE id = $1")
        .bind(factor.0)
        .fetch_optional(&mut *conn)
        .await?;
    map.map(SystemMapId)
        .ok_or(StoreError::NotFound(Entity::MapFactor))
}

/// Inserts a link into a locked, open map.
async fn insert_link(
    conn: &mut Conn,
    map: &SystemMap,
    new: &NewMapLink,
) -> Result<MapLink, StoreError> {
    check_text("link's note", &new.note)?;
    for factor in [new.from, new.to] {
        if factor_map(conn, factor).await? != map.id {
            return Err(StoreError::NotInMap(Entity::MapFactor));
        }
    }
    require_proposer(conn, map.partnership, new.proposer).await?;
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM map_links WHERE map_id = $1 AND from_factor_id = $2 \
         AND to_factor_id = $3",
    )
    .bind(map.id.0)
    .bind(new.from.0)
    .bind(new.to.0)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_some() {
        return Err(StoreError::Duplicate {
            entity: Entity::MapLink,
            field: "pair of factors",
        });
    }
    if count(conn, "map_links", map.id).await? >= MAX_MAP_LINKS {
        return Err(StoreError::Invalid(format!(
            "a map holds at most {MAX_MAP_LINKS} links"
        )));
    }
    let sql = format!(
        "INSERT INTO map_links (map_id, from_factor_id, to_factor_id, sign, delayed, note, \
         proposed_by, proposed_for, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         RETURNING {LINK_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(map.id.0)
        .bind(new.from.0)
        .bind(new.to.0)
        .bind(new.sign.as_str())
        .bind(new.delayed)
        .bind(new.note.trim())
        .bind(new.proposer.account.map(|account| account.0))
        .bind(new.proposer.partner.map(|partner| partner.0))
        .bind(new.now)
        .fetch_one(&mut *conn)
        .await?;
    link_from_row(&row)
}

/// Reads the judgments of a map's links, or of one link.
async fn judgments(
    conn: &mut Conn,
    map: SystemMapId,
    link: Option<MapLinkId>,
) -> Result<Vec<MapJudgment>, StoreError> {
    let memberships: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT pc.participant_id, pc.constituency_id FROM participant_constituencies pc \
         WHERE pc.participant_id IN (SELECT j.participant_id FROM map_judgments j \
         JOIN map_links l ON l.id = j.link_id WHERE l.map_id = $1 \
         AND ($2 IS NULL OR l.id = $2)) ORDER BY pc.participant_id, pc.constituency_id",
    )
    .bind(map.0)
    .bind(link.map(|link| link.0))
    .fetch_all(&mut *conn)
    .await?;
    let mut by_participant: BTreeMap<i64, Vec<ConstituencyId>> = BTreeMap::new();
    for (participant, constituency) in memberships {
        by_participant
            .entry(participant)
            .or_default()
            .push(ConstituencyId(constituency));
    }
    let rows = sqlx::query(
        "SELECT j.link_id, j.partner_id, j.participant_id, j.judgment, j.recorded_by, \
         j.updated_at FROM map_judgments j JOIN map_links l ON l.id = j.link_id \
         WHERE l.map_id = $1 AND ($2 IS NULL OR l.id = $2) \
         ORDER BY j.link_id, CASE WHEN j.partner_id IS NULL THEN 1 ELSE 0 END, \
         j.partner_id, j.participant_id",
    )
    .bind(map.0)
    .bind(link.map(|link| link.0))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let partner: Option<i64> = row.try_get("partner_id")?;
            let participant: Option<i64> = row.try_get("participant_id")?;
            let (judge, constituencies) = match (partner, participant) {
                (Some(partner), None) => (Judge::Partner(PartnerId(partner)), Vec::new()),
                (None, Some(participant)) => (
                    Judge::Participant(ParticipantId(participant)),
                    by_participant
                        .get(&participant)
                        .cloned()
                        .unwrap_or_default(),
                ),
                _ => return Err(corrupt("judge")),
            };
            let judgment: String = row.try_get("judgment")?;
            Ok(MapJudgment {
                link: MapLinkId(row.try_get("link_id")?),
                judge,
                judgment: LinkJudgment::parse(&judgment).ok_or_else(|| corrupt("judgment"))?,
                constituencies,
                recorded_by: row
                    .try_get::<Option<i64>, _>("recorded_by")?
                    .map(ConvenorId),
                updated_at: row.try_get("updated_at")?,
            })
        })
        .collect()
}

impl This {
    async fn import_once(&self, import: &MapImport) -> Result<SystemMap, StoreError> {
        if import.factors.len() > MAX_MAP_FACTORS {
            return Err(StoreError::Invalid(format!(
                "a map holds at most {MAX_MAP_FACTORS} factors"
            )));
        }
        if import.links.len() > MAX_MAP_LINKS {
            return Err(StoreError::Invalid(format!(
                "a map holds at most {MAX_MAP_LINKS} links"
            )));
        }
        let mut tx = self.begin_write().await?;
        let created = insert_map(&mut tx, &import.map).await?;
        let map = lock_open_map(&mut tx, created.id).await?;
        let mut ids = Vec::with_capacity(import.factors.len());
        for factor in &import.factors {
            let added = insert_factor(
                &mut tx,
                &map,
                &NewMapFactor {
                    map: map.id,
                    name: factor.name.clone(),
                    owner: factor.owner,
                    sector: factor.sector.clone(),
                    proposer: import.proposer,
                    now: import.map.now,
                },
            )
            .await?;
            ids.push(added.id);
        }
        for link in &import.links {
            let (Some(&from), Some(&to)) = (ids.get(link.from), ids.get(link.to)) else {
                return Err(StoreError::Invalid(
                    "a link names a factor the import does not have".to_owned(),
                ));
            };
            insert_link(
                &mut tx,
                &map,
                &NewMapLink {
                    map: map.id,
                    from,
                    to,
                    sign: link.sign,
                    delayed: link.delayed,
                    note: link.note.clone(),
                    proposer: import.proposer,
                    now: import.map.now,
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(map)
    }

    async fn change_map_once(
        &self,
        id: SystemMapId,
        changes: &SystemMapChanges,
        now: i64,
    ) -> Result<SystemMap, StoreError> {
        let mut tx = self.begin_write().await?;
        let map = lock_open_map(&mut tx, id).await?;
        if let Some(title) = &changes.title {
            check_name("map's title", title)?;
        }
        if let Some(description) = &changes.description {
            check_text("map's description", description)?;
        }
        if let Some(Some(dialogue)) = changes.dialogue {
            require_dialogue(&mut tx, map.partnership, dialogue).await?;
        }
        let dialogue = match changes.dialogue {
            Some(dialogue) => dialogue,
            None => map.dialogue,
        };
        let sql = format!(
            "UPDATE system_maps SET title = $1, description = $2, dialogue_id = $3, \
             participants_may_judge = $4, closed_at = $5 WHERE id = $6 RETURNING {MAP_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(
                changes
                    .title
                    .as_deref()
                    .map_or(map.title.as_str(), str::trim),
            )
            .bind(changes.description.as_deref().unwrap_or(&map.description))
            .bind(dialogue.map(|dialogue| dialogue.0))
            .bind(
                changes
                    .participants_may_judge
                    .unwrap_or(map.participants_may_judge),
            )
            .bind(changes.close.then_some(now))
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        let changed = map_from_row(&row)?;
        tx.commit().await?;
        Ok(changed)
    }

    async fn add_factor_once(&self, new: &NewMapFactor) -> Result<MapFactor, StoreError> {
        let mut tx = self.begin_write().await?;
        let map = lock_open_map(&mut tx, new.map).await?;
        let factor = insert_factor(&mut tx, &map, new).await?;
        tx.commit().await?;
        Ok(factor)
    }

    async fn add_link_once(&self, new: &NewMapLink) -> Result<MapLink, StoreError> {
        let mut tx = self.begin_write().await?;
        let map = lock_open_map(&mut tx, new.map).await?;
        let link = insert_link(&mut tx, &map, new).await?;
        tx.commit().await?;
        Ok(link)
    }

    async fn judge_once(&self, new: &NewMapJudgment) -> Result<MapJudgment, StoreError> {
        let map: Option<i64> = sqlx::query_scalar("SELECT map_id FROM map_links WHERE id = $1")
            .bind(new.link.0)
            .fetch_optional(&self.pool)
            .await?;
        let map = SystemMapId(map.ok_or(StoreError::NotFound(Entity::MapLink))?);
        let mut tx = self.begin_write().await?;
        let map = lock_open_map(&mut tx, map).await?;
        let (partner, participant) = match new.judge {
            Judge::Partner(partner) => {
                require_current_partner(&mut tx, map.partnership, partner).await?;
                (Some(partner.0), None)
            }
            Judge::Participant(participant) => {
                let dialogue: Option<i64> =
                    sqlx::query_scalar("SELECT dialogue_id FROM participants WHERE id = $1")
                        .bind(participant.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                let dialogue = dialogue.ok_or(StoreError::NotFound(Entity::Participant))?;
                if map.dialogue != Some(DialogueId(dialogue)) {
                    return Err(StoreError::NotInDialogue(Entity::Participant));
                }
                if !map.participants_may_judge {
                    return Err(StoreError::Invalid(
                        "the map is not open to participants' judgments".to_owned(),
                    ));
                }
                (None, Some(participant.0))
            }
        };
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM map_judgments WHERE link_id = $1 \
             AND (partner_id = $2 OR participant_id = $3)",
        )
        .bind(new.link.0)
        .bind(partner)
        .bind(participant)
        .fetch_optional(&mut *tx)
        .await?;
        match existing {
            Some(id) => {
                sqlx::query(
                    "UPDATE map_judgments SET judgment = $1, recorded_by = $2, updated_at = $3 \
                     WHERE id = $4",
                )
                .bind(new.judgment.as_str())
                .bind(new.recorded_by.map(|account| account.0))
                .bind(new.now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO map_judgments (link_id, partner_id, participant_id, judgment, \
                     recorded_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(new.link.0)
                .bind(partner)
                .bind(participant)
                .bind(new.judgment.as_str())
                .bind(new.recorded_by.map(|account| account.0))
                .bind(new.now)
                .execute(&mut *tx)
                .await?;
            }
        }
        let saved = judgments(&mut tx, map.id, Some(new.link))
            .await?
            .into_iter()
            .find(|judgment| judgment.judge == new.judge)
            .ok_or_else(|| StoreError::internal("a saved judgment was not read back"))?;
        tx.commit().await?;
        Ok(saved)
    }

    async fn pin_once(&self, new: &NewActionPin) -> Result<ActionPin, StoreError> {
        let map = factor_map(&mut *self.pool.acquire().await?, new.factor).await?;
        let mut tx = self.begin_write().await?;
        let map = lock_open_map(&mut tx, map).await?;
        let owner: Option<i64> = sqlx::query_scalar(
            "SELECT o.partnership_id FROM actions a JOIN objectives o ON o.id = a.objective_id \
             WHERE a.id = $1",
        )
        .bind(new.action.0)
        .fetch_optional(&mut *tx)
        .await?;
        match owner {
            None => return Err(StoreError::NotFound(Entity::Action)),
            Some(partnership) if partnership != map.partnership.0 => {
                return Err(StoreError::NotInPartnership(Entity::Action));
            }
            Some(_) => {}
        }
        sqlx::query(
            "INSERT INTO map_action_pins (factor_id, action_id, push, pinned_by, pinned_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (action_id, factor_id) DO UPDATE \
             SET push = excluded.push, pinned_by = excluded.pinned_by, \
             pinned_at = excluded.pinned_at",
        )
        .bind(new.factor.0)
        .bind(new.action.0)
        .bind(new.push.as_str())
        .bind(new.pinned_by.map(|account| account.0))
        .bind(new.now)
        .execute(&mut *tx)
        .await?;
        let sql = format!(
            "SELECT {PIN_COLUMNS} FROM map_action_pins p JOIN map_factors f ON f.id = p.factor_id \
             WHERE p.action_id = $1 AND p.factor_id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(new.action.0)
            .bind(new.factor.0)
            .fetch_one(&mut *tx)
            .await?;
        let pin = pin_from_row(&row)?;
        tx.commit().await?;
        Ok(pin)
    }
}

#[async_trait]
impl SystemMapStore for This {
    async fn create_system_map(&self, new: NewSystemMap) -> Result<SystemMap, StoreError> {
        let mut tx = self.begin_write().await?;
        let map = insert_map(&mut tx, &new).await?;
        tx.commit().await?;
        Ok(map)
    }

    async fn import_system_map(&self, import: MapImport) -> Result<SystemMap, StoreError> {
        self.retrying(|| self.import_once(&import)).await
    }

    async fn get_system_map(&self, id: SystemMapId) -> Result<SystemMap, StoreError> {
        let sql = format!("SELECT {MAP_COLUMNS} FROM system_maps WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::SystemMap))?;
        map_from_row(&row)
    }

    async fn list_system_maps(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<SystemMap>, StoreError> {
        let sql =
            format!("SELECT {MAP_COLUMNS} FROM system_maps WHERE partnership_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(map_from_row).collect()
    }

    async fn change_system_map(
        &self,
        id: SystemMapId,
        changes: SystemMapChanges,
        now: i64,
    ) -> Result<SystemMap, StoreError> {
        self.retrying(|| self.change_map_once(id, &changes, now))
            .await
    }

    async fn add_map_factor(&self, new: NewMapFactor) -> Result<MapFactor, StoreError> {
        self.retrying(|| self.add_factor_once(&new)).await
    }

    async fn get_map_factor(&self, id: MapFactorId) -> Result<MapFactor, StoreError> {
        let sql = format!("SELECT {FACTOR_COLUMNS} FROM map_factors WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::MapFactor))?;
        factor_from_row(&row)
    }

    async fn list_map_factors(&self, map: SystemMapId) -> Result<Vec<MapFactor>, StoreError> {
        let sql = format!("SELECT {FACTOR_COLUMNS} FROM map_factors WHERE map_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(map.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(factor_from_row).collect()
    }

    async fn add_map_link(&self, new: NewMapLink) -> Result<MapLink, StoreError> {
        self.retrying(|| self.add_link_once(&new)).await
    }

    async fn get_map_link(&self, id: MapLinkId) -> Result<MapLink, StoreError> {
        let sql = format!("SELECT {LINK_COLUMNS} FROM map_links WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::MapLink))?;
        link_from_row(&row)
    }

    async fn list_map_links(&self, map: SystemMapId) -> Result<Vec<MapLink>, StoreError> {
        let sql = format!("SELECT {LINK_COLUMNS} FROM map_links WHERE map_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(map.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(link_from_row).collect()
    }

    async fn record_map_judgment(&self, new: NewMapJudgment) -> Result<MapJudgment, StoreError> {
        self.retrying(|| self.judge_once(&new)).await
    }

    async fn list_map_judgments(&self, map: SystemMapId) -> Result<Vec<MapJudgment>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        judgments(&mut conn, map, None).await
    }

    async fn pin_action(&self, new: NewActionPin) -> Result<ActionPin, StoreError> {
        self.retrying(|| self.pin_once(&new)).await
    }

    async fn list_map_pins(&self, map: SystemMapId) -> Result<Vec<ActionPin>, StoreError> {
        let sql = format!(
            "SELECT {PIN_COLUMNS} FROM map_action_pins p JOIN map_factors f ON f.id = p.factor_id \
             WHERE f.map_id = $1 ORDER BY p.action_id, p.factor_id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(map.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(pin_from_row).collect()
    }

    async fn list_action_pins(&self, action: ActionId) -> Result<Vec<ActionPin>, StoreError> {
        let sql = format!(
            "SELECT {PIN_COLUMNS} FROM map_action_pins p JOIN map_factors f ON f.id = p.factor_id \
             WHERE p.action_id = $1 ORDER BY p.factor_id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(action.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(pin_from_row).collect()
    }
}
