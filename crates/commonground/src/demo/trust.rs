//! The demo partnership's trust survey, read from `trust.toml`: two waves, each opened by the
//! convenor, answered by every partner's representative through the trust room's service with
//! the clock pinned to the day, and closed by its time.

use anyhow::{Context, ensure};
use model::{ContributionKind, RelationshipLevel, Sector};
use serde::Deserialize;
use server::state::AppState;
use server::trust::service::{self as trust, AnswerInput};

use super::story::{DAY_MS, Story};
use super::{Cast, HOUR_MS, Pinned};

const TRUST: &str = include_str!("trust.toml");

/// The survey as `trust.toml` tells it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    wave: Vec<Wave>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wave {
    title: String,
    opened_days_ago: i64,
    closes_days_ago: i64,
    answered_days_ago: i64,
    contributions: Vec<ContributionKind>,
    between: Vec<Between>,
}

/// What a partner of one group answers about a partner of another.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Between {
    raters: Group,
    ratees: Group,
    level: RelationshipLevel,
    items: [u8; 6],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Group {
    Community,
    Statutory,
    Voluntary,
}

fn group(sector: Sector) -> anyhow::Result<Group> {
    match sector {
        Sector::Community => Ok(Group::Community),
        Sector::Nhs | Sector::LocalAuthority | Sector::Public => Ok(Group::Statutory),
        Sector::Voluntary => Ok(Group::Voluntary),
        Sector::Business | Sector::Academic => {
            anyhow::bail!("trust.toml has no group for the sector {sector}")
        }
    }
}

impl Survey {
    /// Reads the survey the binary carries and checks that it answers every pair of groups in
    /// every wave, in order.
    pub fn bundled() -> anyhow::Result<Survey> {
        let survey: Survey = toml::from_str(TRUST).context("reading the demo trust survey")?;
        for wave in &survey.wave {
            ensure!(
                wave.opened_days_ago > wave.answered_days_ago
                    && wave.answered_days_ago > wave.closes_days_ago
                    && wave.closes_days_ago > 0,
                "the demo wave {:?} must open, be answered and close in that order, before today",
                wave.title
            );
            for raters in [Group::Community, Group::Statutory, Group::Voluntary] {
                for ratees in [Group::Community, Group::Statutory, Group::Voluntary] {
                    ensure!(
                        wave.between
                            .iter()
                            .filter(|b| b.raters == raters && b.ratees == ratees)
                            .count()
                            == 1,
                        "the demo wave {:?} must say once what {raters:?} partners answer about {ratees:?} ones",
                        wave.title
                    );
                }
            }
        }
        Ok(survey)
    }
}

/// Opens each wave, has every partner's representative submit its answers, and leaves the
/// wave to close by its time; for a demo whose today starts at `midnight`.
pub(super) async fn set_up(
    state: &AppState,
    pinned: &Pinned<'_>,
    midnight: i64,
    story: &Story,
    survey: &Survey,
    cast: &Cast,
) -> anyhow::Result<()> {
    let groups = story
        .partners
        .iter()
        .map(|partner| group(partner.sector))
        .collect::<anyhow::Result<Vec<_>>>()?;
    for wave in &survey.wave {
        pinned.at(midnight - wave.opened_days_ago * DAY_MS + 9 * HOUR_MS);
        let opened = trust::open_wave(
            state,
            &cast.convenor,
            cast.partnership,
            &wave.title,
            midnight - wave.closes_days_ago * DAY_MS + 17 * HOUR_MS,
            None,
        )
        .await
        .with_context(|| format!("opening the demo trust wave {:?}", wave.title))?;
        pinned.at(midnight - wave.answered_days_ago * DAY_MS + 11 * HOUR_MS);
        for (rater, rater_group) in groups.iter().enumerate() {
            let mut answers = Vec::with_capacity(groups.len());
            for (ratee, ratee_group) in groups.iter().enumerate() {
                if ratee == rater {
                    continue;
                }
                let between = wave
                    .between
                    .iter()
                    .find(|b| b.raters == *rater_group && b.ratees == *ratee_group)
                    .context("trust.toml answers every pair of groups")?;
                let mut items = between
                    .items
                    .map(|item| (item > 0).then_some(i64::from(item)));
                if (rater + ratee) % 3 == 0
                    && let Some(reliable) = items[0].as_mut()
                {
                    *reliable = (*reliable - 1).max(1);
                }
                answers.push(AnswerInput {
                    ratee: cast.partners[ratee],
                    level: between.level,
                    items,
                    contributions: if between.level.is_tie() {
                        wave.contributions.clone()
                    } else {
                        Vec::new()
                    },
                });
            }
            trust::submit_response(
                state,
                cast.representative(rater)?,
                opened.id,
                cast.partners[rater],
                Some(&answers),
            )
            .await
            .with_context(|| {
                format!(
                    "answering the demo trust wave {:?} for {}",
                    wave.title, story.partners[rater].name
                )
            })?;
        }
    }
    Ok(())
}
