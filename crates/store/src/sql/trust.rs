//! Trust survey waves, responses and their ratings.
//!
//! Every write to a wave or its responses first bumps the wave's `revision`, which locks the
//! wave's row on PostgreSQL until the transaction ends (the wave stands where the dialogue
//! stands in the lock order); the response's row and then its ratings come after. Partners are
//! only read, never locked.

use std::collections::{BTreeMap, BTreeSet};

use async_trait::async_trait;
use model::{
    ContributionKind, ConvenorId, ItemScore, PartnerId, PartnershipId, RaterNaming,
    RelationshipLevel, ResponseStatus, TRUST_ITEMS, TrustAnswer, TrustWaveId, WaveTitle,
};
use sqlx::Row as _;

use super::{Conn, DbRow, This};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::{
    NewTrustWave, SaveTrustResponse, TrustRating, TrustResponse, TrustStore, TrustWave,
    TrustWaveChanges,
};

const WAVE_COLUMNS: &str =
    "id, partnership_id, title, opened_at, closes_at, closed, rater_naming, created_by";
const RATING_COLUMNS: &str = "ratee_partner_id, level, item_reliable, item_mission, item_open, \
     item_influence, item_involvement, item_resources, contributions";
const RESPONSE_COLUMNS: &str = "id, wave_id, rater_partner_id, status, submitted_at, updated_at";

fn wave_from_row(row: &DbRow) -> Result<TrustWave, StoreError> {
    Ok(TrustWave {
        id: TrustWaveId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        title: stored("wave title", WaveTitle::parse(row.try_get("title")?))?,
        opened_at: row.try_get("opened_at")?,
        closes_at: row.try_get("closes_at")?,
        closed: row.try_get("closed")?,
        rater_naming: stored(
            "rater naming",
            row.try_get::<String, _>("rater_naming")?
                .parse::<RaterNaming>(),
        )?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
    })
}

fn rating_from_row(row: &DbRow) -> Result<TrustRating, StoreError> {
    let level = stored(
        "relationship level",
        row.try_get::<String, _>("level")?
            .parse::<RelationshipLevel>(),
    )?;
    let mut items = [None; TRUST_ITEMS];
    for (item, column) in items.iter_mut().zip([
        "item_reliable",
        "item_mission",
        "item_open",
        "item_influence",
        "item_involvement",
        "item_resources",
    ]) {
        if let Some(value) = row.try_get::<Option<i16>, _>(column)? {
            *item = Some(stored("trust item", ItemScore::new(i64::from(value)))?);
        }
    }
    let mut contributions = BTreeSet::new();
    let words: String = row.try_get("contributions")?;
    for word in words.split(';').filter(|word| !word.is_empty()) {
        contributions.insert(stored("contribution", word.parse::<ContributionKind>())?);
    }
    Ok(TrustRating {
        ratee: PartnerId(row.try_get("ratee_partner_id")?),
        answer: stored(
            "trust answer",
            TrustAnswer::new(level, items, contributions),
        )?,
    })
}

fn contributions_text(answer: &TrustAnswer) -> String {
    answer
        .contributions()
        .iter()
        .map(|kind| kind.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// Bumps a wave's revision, which locks its row on PostgreSQL, and returns it as it is under
/// the lock.
async fn lock_wave(conn: &mut Conn, id: TrustWaveId) -> Result<TrustWave, StoreError> {
    let sql = format!(
        "UPDATE trust_waves SET revision = revision + 1 WHERE id = $1 RETURNING {WAVE_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::TrustWave))?;
    wave_from_row(&row)
}

/// Refuses a partner that does not exist, belongs to another partnership or is archived (also
/// used by the system maps).
pub(super) async fn require_current_partner(
    conn: &mut Conn,
    partnership: PartnershipId,
    partner: PartnerId,
) -> Result<(), StoreError> {
    let row = sqlx::query("SELECT partnership_id, archived_at FROM partners WHERE id = $1")
        .bind(partner.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partner))?;
    if row.try_get::<i64, _>("partnership_id")? != partnership.0 {
        return Err(StoreError::NotInPartnership(Entity::Partner));
    }
    if row.try_get::<Option<i64>, _>("archived_at")?.is_some() {
        return Err(StoreError::PartnerArchived);
    }
    Ok(())
}

/// Reads the ratings of the given responses, grouped by response id, each by ratee id.
async fn ratings_of(
    conn: &mut Conn,
    wave: TrustWaveId,
) -> Result<BTreeMap<i64, Vec<TrustRating>>, StoreError> {
    let sql = format!(
        "SELECT r.response_id, {RATING_COLUMNS} FROM trust_ratings r \
         JOIN trust_responses s ON s.id = r.response_id \
         WHERE s.wave_id = $1 ORDER BY r.response_id, r.ratee_partner_id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(wave.0)
        .fetch_all(&mut *conn)
        .await?;
    let mut grouped: BTreeMap<i64, Vec<TrustRating>> = BTreeMap::new();
    for row in &rows {
        grouped
            .entry(row.try_get("response_id")?)
            .or_default()
            .push(rating_from_row(row)?);
    }
    Ok(grouped)
}

/// Reads a wave's responses, or only one rater's.
async fn responses(
    conn: &mut Conn,
    wave: TrustWaveId,
    rater: Option<PartnerId>,
) -> Result<Vec<TrustResponse>, StoreError> {
    let mut ratings = ratings_of(conn, wave).await?;
    let sql = format!(
        "SELECT {RESPONSE_COLUMNS} FROM trust_responses \
         WHERE wave_id = $1 AND ($2 IS NULL OR rater_partner_id = $2) ORDER BY rater_partner_id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(wave.0)
        .bind(rater.map(|partner| partner.0))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            Ok(TrustResponse {
                wave,
                rater: PartnerId(row.try_get("rater_partner_id")?),
                status: stored(
                    "response status",
                    row.try_get::<String, _>("status")?
                        .parse::<ResponseStatus>(),
                )?,
                submitted_at: row.try_get("submitted_at")?,
                updated_at: row.try_get("updated_at")?,
                ratings: ratings.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

impl This {
    async fn save_response_once(
        &self,
        save: &SaveTrustResponse,
    ) -> Result<TrustResponse, StoreError> {
        let mut tx = self.begin_write().await?;
        let wave = lock_wave(&mut tx, save.wave).await?;
        if !wave.is_open_at(save.now) {
            return Err(StoreError::TrustWaveClosed);
        }
        require_current_partner(&mut tx, wave.partnership, save.rater).await?;
        let mut seen = BTreeSet::new();
        for rating in &save.ratings {
            if rating.ratee == save.rater {
                return Err(StoreError::Invalid(
                    "a partner does not answer about itself".to_owned(),
                ));
            }
            if !seen.insert(rating.ratee) {
                return Err(StoreError::Invalid(format!(
                    "partner {} is answered about twice",
                    rating.ratee
                )));
            }
            require_current_partner(&mut tx, wave.partnership, rating.ratee).await?;
        }
        let existing: Option<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, status, submitted_at FROM trust_responses \
             WHERE wave_id = $1 AND rater_partner_id = $2",
        )
        .bind(wave.id.0)
        .bind(save.rater.0)
        .fetch_optional(&mut *tx)
        .await?;
        let already_submitted = existing
            .as_ref()
            .is_some_and(|(_, status, _)| status == ResponseStatus::Submitted.as_str());
        if save.submit || already_submitted {
            let others: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM partners WHERE partnership_id = $1 AND archived_at IS NULL \
                 AND id <> $2 ORDER BY id",
            )
            .bind(wave.partnership.0)
            .bind(save.rater.0)
            .fetch_all(&mut *tx)
            .await?;
            let missing: Vec<PartnerId> = others
                .into_iter()
                .map(PartnerId)
                .filter(|partner| !seen.contains(partner))
                .collect();
            if !missing.is_empty() {
                return Err(StoreError::TrustResponseIncomplete { missing });
            }
        }
        let (status, submitted_at) = if already_submitted {
            (
                ResponseStatus::Submitted,
                existing.as_ref().and_then(|(_, _, at)| *at),
            )
        } else if save.submit {
            (ResponseStatus::Submitted, Some(save.now))
        } else {
            (ResponseStatus::Draft, None)
        };
        let response_id: i64 = match &existing {
            Some((id, _, _)) => {
                sqlx::query(
                    "UPDATE trust_responses SET status = $1, submitted_at = $2, updated_at = $3 \
                     WHERE id = $4",
                )
                .bind(status.as_str())
                .bind(submitted_at)
                .bind(save.now)
                .bind(*id)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM trust_ratings WHERE response_id = $1")
                    .bind(*id)
                    .execute(&mut *tx)
                    .await?;
                *id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO trust_responses \
                     (wave_id, rater_partner_id, status, submitted_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(wave.id.0)
                .bind(save.rater.0)
                .bind(status.as_str())
                .bind(submitted_at)
                .bind(save.now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        for rating in &save.ratings {
            let items = rating
                .answer
                .items()
                .map(|item| item.map(|score| i16::from(score.get())));
            sqlx::query(
                "INSERT INTO trust_ratings (response_id, ratee_partner_id, level, item_reliable, \
                 item_mission, item_open, item_influence, item_involvement, item_resources, \
                 contributions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(response_id)
            .bind(rating.ratee.0)
            .bind(rating.answer.level().as_str())
            .bind(items[0])
            .bind(items[1])
            .bind(items[2])
            .bind(items[3])
            .bind(items[4])
            .bind(items[5])
            .bind(contributions_text(&rating.answer))
            .execute(&mut *tx)
            .await?;
        }
        let mut saved = responses(&mut tx, wave.id, Some(save.rater)).await?;
        tx.commit().await?;
        saved
            .pop()
            .ok_or_else(|| StoreError::internal("a saved response was not read back"))
    }

    async fn change_wave_once(
        &self,
        id: TrustWaveId,
        changes: &TrustWaveChanges,
        now: i64,
    ) -> Result<TrustWave, StoreError> {
        let mut tx = self.begin_write().await?;
        let wave = lock_wave(&mut tx, id).await?;
        let changes_answers =
            changes.title.is_some() || changes.closes_at.is_some() || changes.close;
        if wave.closed && changes_answers {
            return Err(StoreError::TrustWaveClosed);
        }
        if let Some(closes_at) = changes.closes_at
            && closes_at <= now.max(wave.opened_at)
        {
            return Err(StoreError::Invalid(
                "the closing time must be in the future".to_owned(),
            ));
        }
        let sql = format!(
            "UPDATE trust_waves SET title = COALESCE($1, title), \
             closes_at = COALESCE($2, closes_at), closed = $3, \
             rater_naming = COALESCE($4, rater_naming) WHERE id = $5 RETURNING {WAVE_COLUMNS}"
        );
        let closed = wave.closed || changes.close;
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(changes.title.as_ref().map(WaveTitle::as_str))
            .bind(changes.closes_at)
            .bind(closed)
            .bind(changes.rater_naming.map(RaterNaming::as_str))
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        let changed = wave_from_row(&row)?;
        tx.commit().await?;
        Ok(changed)
    }
}

#[async_trait]
impl TrustStore for This {
    async fn open_trust_wave(&self, new: NewTrustWave) -> Result<TrustWave, StoreError> {
        if new.closes_at <= new.opened_at {
            return Err(StoreError::Invalid(
                "the closing time must come after the opening time".to_owned(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM partnerships WHERE id = $1")
            .bind(new.partnership.0)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(Entity::Partnership));
        }
        let sql = format!(
            "INSERT INTO trust_waves (partnership_id, title, opened_at, closes_at, closed, \
             rater_naming, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             RETURNING {WAVE_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(new.partnership.0)
            .bind(new.title.as_str())
            .bind(new.opened_at)
            .bind(new.closes_at)
            .bind(false)
            .bind(new.rater_naming.as_str())
            .bind(new.created_by.map(|convenor| convenor.0))
            .fetch_one(&mut *tx)
            .await?;
        let wave = wave_from_row(&row)?;
        tx.commit().await?;
        Ok(wave)
    }

    async fn get_trust_wave(&self, id: TrustWaveId) -> Result<TrustWave, StoreError> {
        let sql = format!("SELECT {WAVE_COLUMNS} FROM trust_waves WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::TrustWave))?;
        wave_from_row(&row)
    }

    async fn list_trust_waves(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<TrustWave>, StoreError> {
        let sql =
            format!("SELECT {WAVE_COLUMNS} FROM trust_waves WHERE partnership_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(wave_from_row).collect()
    }

    async fn change_trust_wave(
        &self,
        id: TrustWaveId,
        changes: TrustWaveChanges,
        now: i64,
    ) -> Result<TrustWave, StoreError> {
        self.retrying(|| self.change_wave_once(id, &changes, now))
            .await
    }

    async fn save_trust_response(
        &self,
        save: SaveTrustResponse,
    ) -> Result<TrustResponse, StoreError> {
        self.retrying(|| self.save_response_once(&save)).await
    }

    async fn find_trust_response(
        &self,
        wave: TrustWaveId,
        rater: PartnerId,
    ) -> Result<Option<TrustResponse>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(responses(&mut conn, wave, Some(rater)).await?.pop())
    }

    async fn list_trust_responses(
        &self,
        wave: TrustWaveId,
    ) -> Result<Vec<TrustResponse>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        responses(&mut conn, wave, None).await
    }
}
