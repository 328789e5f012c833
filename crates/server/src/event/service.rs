//! What the live event pages show and change: the figures of a dialogue in progress, read
//! once for the presenter and facilitator views, and the facilitator's controls, which go
//! through the dialogues room's service exactly as the JSON routes do.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{Ipv4Addr, Ipv6Addr};

use model::{ConstituencyId, DialogueId, StatementId};
use store::Dialogue;

use crate::api::UpdateDialogueRequest;
use crate::auth::CurrentConvenor;
use crate::error::ApiError;
use crate::state::AppState;
use crate::versions::service::Readings;

/// How many common-ground statements the views show, newest first.
pub const NEWEST_SHOWN: usize = 5;

/// One constituency filling up.
#[derive(Debug, Clone, PartialEq)]
pub struct Filling {
    /// Its name.
    pub name: String,
    /// How many participants chose it.
    pub participants: u64,
    /// Their share of every participant, once anyone has joined.
    pub share: Option<f64>,
    /// The share the convenors expected, if they said.
    pub expected: Option<f64>,
}

/// A dialogue in progress, as the presenter and facilitator see it.
#[derive(Debug, Clone)]
pub struct EventRoom {
    /// The dialogue.
    pub dialogue: Dialogue,
    /// The link participants follow.
    pub participant_link: String,
    /// Whether that link points at this machine, which people in the room cannot reach.
    pub link_is_local: bool,
    /// Everyone who joined.
    pub n_participants: u64,
    /// Everyone who voted at least once.
    pub n_voters: u64,
    /// The latest vote of each participant on each statement.
    pub n_votes: u64,
    /// Each constituency, in the dialogue's order.
    pub constituencies: Vec<Filling>,
    /// Participants who chose no constituency.
    pub unaffiliated: u64,
    /// The version of the analysis the common ground comes from (0 before the first).
    pub version: i64,
    /// Whether an analysis exists yet.
    pub is_analysed: bool,
    /// How many statements are common ground.
    pub n_common_ground: usize,
    /// The newest common-ground statements, newest first: each one's id and text as written.
    pub newest_common_ground: Vec<(StatementId, String)>,
    /// The statements' translations, to show each in the reader's language.
    pub readings: Readings,
}

/// Reads a dialogue in progress for one of its convenors (or an administrator).
pub async fn room(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<EventRoom, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let counts = state.store().count_votes(dialogue.id).await?;
    let memberships = state.store().list_memberships(dialogue.id).await?;
    let mut per_constituency: BTreeMap<ConstituencyId, u64> = BTreeMap::new();
    let mut affiliated = BTreeSet::new();
    for (participant, constituency) in &memberships {
        *per_constituency.entry(*constituency).or_default() += 1;
        affiliated.insert(*participant);
    }
    let n_participants = counts.participants;
    let constituencies = dialogue
        .constituencies
        .iter()
        .map(|constituency| {
            let participants = per_constituency.get(&constituency.id).copied().unwrap_or(0);
            Filling {
                name: constituency.name.as_str().to_owned(),
                participants,
                share: share_of(participants, n_participants),
                expected: constituency.expected_share.map(model::ExpectedShare::get),
            }
        })
        .collect();
    let unaffiliated = n_participants.saturating_sub(u64::try_from(affiliated.len()).unwrap_or(0));
    let latest = crate::report::service::latest(state, dialogue.id).await?;
    let (version, n_common_ground, newest_common_ground) = match &latest {
        Some(latest) => {
            let mut ground: Vec<_> = latest
                .document
                .statements
                .iter()
                .filter(|statement| {
                    statement
                        .common_ground
                        .as_ref()
                        .is_some_and(|ground| ground.is_common_ground)
                })
                .collect();
            ground.sort_by_key(|statement| std::cmp::Reverse(statement.id));
            let newest = ground
                .iter()
                .take(NEWEST_SHOWN)
                .map(|statement| (StatementId(i64::from(statement.id)), statement.text.clone()))
                .collect();
            (latest.version, ground.len(), newest)
        }
        None => (0, 0, Vec::new()),
    };
    let participant_link = state.participant_url(dialogue.id);
    Ok(EventRoom {
        link_is_local: is_local_link(&participant_link),
        participant_link,
        n_participants,
        n_voters: counts.voters,
        n_votes: counts.votes,
        constituencies,
        unaffiliated,
        version,
        is_analysed: latest.is_some(),
        n_common_ground,
        newest_common_ground,
        readings: crate::versions::service::readings(state, dialogue.id).await?,
        dialogue,
    })
}

/// Returns `part` as a share of `whole`, or `None` when `whole` is zero.
fn share_of(part: u64, whole: u64) -> Option<f64> {
    // Counts of people stay far below 2^52, so the conversion is exact.
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Pauses (`taking = false`) or resumes new statements from participants. Participants who try
/// to write while new statements are paused are told so; voting goes on.
pub async fn take_statements(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    taking: bool,
) -> Result<Dialogue, ApiError> {
    let change = UpdateDialogueRequest {
        participant_statements: Some(taking),
        ..UpdateDialogueRequest::default()
    };
    crate::dialogues::service::update_settings(state, convenor, id, &change).await
}

/// Closes the dialogue; the page asks for a confirmation first.
pub async fn close(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<Dialogue, ApiError> {
    crate::dialogues::service::set_open(state, convenor, id, false).await
}

/// Whether a link points at this machine (`localhost`, `127.0.0.1`, `::1`, `0.0.0.0`), so
/// that people on their own phones cannot follow it.
pub fn is_local_link(link: &str) -> bool {
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_and_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_and_port.split(':').next().unwrap_or_default(),
    }
    .trim_end_matches('.')
    .to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
        || host
            .parse::<Ipv6Addr>()
            .is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_this_machine_are_local() {
        for link in [
            "http://127.0.0.1:8080/d/4",
            "http://localhost/d/4",
            "https://LOCALHOST.:443/d/4",
            "http://app.localhost:3000/d/1",
            "http://0.0.0.0:8080/d/4",
            "http://[::1]:8080/d/4",
            "http://127.1.2.3/d/4",
            "http://user@127.0.0.1/d/4",
        ] {
            assert!(is_local_link(link), "{link}");
        }
    }

    #[test]
    fn links_people_can_reach_are_not_local() {
        for link in [
            "https://talk.example.org/d/4",
            "http://192.168.1.20:8080/d/4",
            "http://[2001:db8::1]:8080/d/4",
            "https://localhost-clinic.example.org/d/4",
            "http://10.0.0.5/d/4",
        ] {
            assert!(!is_local_link(link), "{link}");
        }
    }

    #[test]
    fn shares_need_someone_to_share_between() {
        assert_eq!(share_of(3, 0), None);
        assert!(share_of(0, 4).is_some_and(|share| share.abs() < 1e-12));
        assert!(share_of(1, 4).is_some_and(|share| (share - 0.25).abs() < 1e-12));
    }
}
