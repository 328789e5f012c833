//! The demo partnership's system map: the example map of healthy ageing in Northvale
//! (`examples/northvale-map`, copied here as `map_factors.csv` and `map_links.csv`) imported by
//! the convenor and linked to the dialogue; the partners' representatives judge some of its
//! links, and the hospital trust disputes that faster discharges put strain on unpaid carers, so
//! that link is contested; and the trust's action of asking for the carer's details on
//! admission is pinned to the speed of discharge, whose ripple reaches other partners' areas.

use anyhow::Context;
use model::{MapFactorId, SystemMapId};
use server::state::AppState;
use server::system_map::service::{self as maps, ImportContent, MapInput};
use store::{LinkJudgment, MapLink, PinPush};

use super::story::DAY_MS;
use super::{Cast, HOUR_MS, Pinned};

const FACTORS: &str = include_str!("map_factors.csv");
const LINKS: &str = include_str!("map_links.csv");

/// The map's title.
pub const MAP_TITLE: &str = "Healthy ageing in Northvale";
/// How many days before today the map was drawn.
const DRAWN_DAYS_AGO: i64 = 20;
/// The factor the pinned action pushes up.
pub const PINNED_FACTOR: &str = "Speed of hospital discharge";
/// The action pinned to it, by its title.
const PINNED_ACTION: &str =
    "Ask for the carer's name and phone number on admission and keep it on the ward record";

/// A judged link: its factors' names and each judging partner's position and judgment.
type Judged = (&'static str, &'static str, &'static [(usize, LinkJudgment)]);

const JUDGMENTS: [Judged; 3] = [
    (
        "Speed of hospital discharge",
        "Strain on unpaid carers",
        &[
            (0, LinkJudgment::Disagree),
            (2, LinkJudgment::Agree),
            (4, LinkJudgment::Agree),
            (6, LinkJudgment::Unsure),
        ],
    ),
    (
        "Emergency admissions of older people",
        "Hospital bed occupancy",
        &[(0, LinkJudgment::Agree), (1, LinkJudgment::Agree)],
    ),
    (
        "Falls at home",
        "Emergency admissions of older people",
        &[
            (0, LinkJudgment::Agree),
            (1, LinkJudgment::Agree),
            (3, LinkJudgment::Agree),
        ],
    ),
];

fn factor_named(factors: &[store::MapFactor], name: &str) -> anyhow::Result<MapFactorId> {
    factors
        .iter()
        .find(|factor| factor.name == name)
        .map(|factor| factor.id)
        .with_context(|| format!("the demo map has the factor {name:?}"))
}

/// What the demo's map holds.
#[derive(Debug, Clone)]
pub struct MapSummary {
    /// The map.
    pub map: SystemMapId,
    /// How many factors it has.
    pub factors: usize,
    /// How many links.
    pub links: usize,
}

/// Imports the map, records the judgments and pins the action; for a demo whose today starts at
/// `midnight`.
pub(super) async fn set_up(
    state: &AppState,
    pinned: &Pinned<'_>,
    midnight: i64,
    cast: &Cast,
) -> anyhow::Result<MapSummary> {
    let store = state.store();
    pinned.at(midnight - DRAWN_DAYS_AGO * DAY_MS + 10 * HOUR_MS);
    let map = maps::import(
        state,
        &cast.convenor,
        cast.partnership,
        MapInput {
            title: MAP_TITLE.to_owned(),
            description: "What drives healthy ageing in Northvale, as the partners see it: \
                          who owns which part of the system, and how one partner's action \
                          reaches the others."
                .to_owned(),
            dialogue: Some(cast.dialogue),
            participants_may_judge: false,
        },
        &ImportContent::Csv {
            factors: FACTORS.to_owned(),
            links: LINKS.to_owned(),
        },
    )
    .await
    .context("importing the demo system map")?;
    let factors = store.list_map_factors(map.id).await?;
    let links: Vec<MapLink> = store.list_map_links(map.id).await?;

    pinned.at(midnight - (DRAWN_DAYS_AGO - 2) * DAY_MS + 14 * HOUR_MS);
    for (from, to, judgments) in JUDGMENTS {
        let (from, to) = (factor_named(&factors, from)?, factor_named(&factors, to)?);
        let link = links
            .iter()
            .find(|link| link.from == from && link.to == to)
            .context("the demo map has each judged link")?;
        for &(partner, judgment) in judgments {
            maps::judge_link(
                state,
                cast.representative(partner)?,
                map.id,
                link.id,
                cast.partners[partner],
                judgment,
            )
            .await
            .context("judging a link of the demo map")?;
        }
    }

    let action = store
        .list_actions(cast.partnership)
        .await?
        .into_iter()
        .find(|action| action.title == PINNED_ACTION)
        .context("the demo has the action to pin")?;
    maps::pin_action(
        state,
        &cast.convenor,
        map.id,
        action.id,
        factor_named(&factors, PINNED_FACTOR)?,
        PinPush::Up,
    )
    .await
    .context("pinning the demo action to the map")?;
    Ok(MapSummary {
        map: map.id,
        factors: factors.len(),
        links: links.len(),
    })
}

#[cfg(test)]
pub(super) mod tests {
    use model::PartnershipId;
    use server::auth::CurrentConvenor;
    use server::system_map::service as maps;

    /// Checks the demo map: the example's 30 factors and 52 links, the discharge-to-carers link
    /// contested by the partners' judgments and the loops through it marked, and the pinned
    /// action's ripple reaching other partners' factors.
    pub async fn assert_mapped(
        state: &server::state::AppState,
        actor: &CurrentConvenor,
        partnership: PartnershipId,
    ) {
        let store = state.store();
        let listed = store.list_system_maps(partnership).await.unwrap();
        assert_eq!(listed.len(), 1);
        let detail = maps::detail(state, actor, listed[0].id).await.unwrap();
        assert_eq!(detail.factors.len(), 30);
        assert_eq!(detail.links.len(), 52);
        let contested: Vec<_> = detail
            .links
            .iter()
            .filter(|(_, tally)| tally.contested)
            .collect();
        assert_eq!(contested.len(), 1, "{contested:?}");
        let analysis = maps::analysis(
            state,
            actor,
            listed[0].id,
            engine::system_map::LoopLimits::default(),
        )
        .await
        .unwrap();
        assert!(analysis.n_reinforcing > 0 && analysis.n_balancing > 0);
        assert!(analysis.loops.iter().any(|l| l.contested));
        let action = detail.pins[0].action;
        let ripples = maps::action_ripples(state, actor, action).await.unwrap();
        let reached = &ripples[0]
            .document
            .action
            .as_ref()
            .unwrap()
            .other_partners_reached;
        assert!(
            reached.contains(&"Northvale Carers Centre".to_owned()),
            "{reached:?}"
        );
    }
}
