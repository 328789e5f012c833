//! The demo `commonground serve --demo` opens: "Healthy ageing in Northvale", a made-up health
//! partnership of eight partners asking older people, carers and the people who work with them
//! what would help older people stay well at home, and what the partners then agreed to do.
//!
//! Everything goes through the store and the server's services as the product itself would
//! write it: a convenor and their partnership, its partners, a person who speaks for each
//! partner signed up through an invitation, and a dialogue with six constituencies whose 600
//! simulated participants, their statements and votes are drawn from [`story`] with a fixed seed
//! and imported in one transaction. Its analysis is computed, and the partnership's decision
//! rule, shared objectives, stances, actions and progress notes of [`settlement`] are replayed
//! day by day through the same service functions the API calls, with the server's clock pinned
//! to each moment, so that the frozen evidence, the engine's phases and the hash-chained record
//! are the product's own. Finally the outcomes page is published, and the priority list of
//! [`priorities`] asks which of the dialogue's common ground the partnership should do first,
//! and [`versions`] translates a statement into Welsh and Urdu and writes it in easy read.

pub mod map;
pub mod paper;
pub mod priorities;
pub mod rounds;
mod safeguarding;
pub mod settlement;
pub mod story;
pub mod trust;
pub mod versions;

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use anyhow::{Context, ensure};
use model::password::{Password, PasswordHash};
use model::{
    ConstituencyName, ConvenorId, Description, DialogueId, DialogueQuestion, DialogueTitle, Email,
    ExpectedShare, ModerationPolicy, PartnerId, PartnerName, PartnershipId, PartnershipName,
    Purpose, ReportVisibility,
};
use server::analysis::RunOutcome;
use server::auth::CurrentConvenor;
use server::settlements::accountability::service::set_published;
use server::settlements::service::{self as settlements, ActionInput, Draft, StanceInput};
use server::state::AppState;
use server::time::{Clock, SystemClock, rfc3339};
use store::{
    AcceptInvitation, ActionId, DialogueImport, DialogueSettings, NewConstituency, NewInvitation,
    NewPartner, NewPartnership, ObjectiveId, Store,
};

use crate::convenor::{add_convenor, random_salt};
use priorities::{Priorities, PrioritySummary};
use settlement::{ANALYSED_ON, Event, Settlement};
use story::{DAY_MS, Story, simulate};

/// The demo convenor's email address.
pub const DEMO_EMAIL: &str = "demo@commonground.example";

/// The seed of the simulated participants and votes.
pub const DEMO_SEED: u64 = 17;

/// How many days before the start of the demo the partnership was formed.
const FORMED_DAYS_AGO: i64 = 150;

/// How many days before the start of the demo the partners' representatives signed up.
const SIGNED_UP_DAYS_AGO: i64 = 145;

/// How many days before the start of the demo the dialogue opened (participants joined over
/// the 20 days that followed).
const OPENED_DAYS_AGO: i64 = 130;

/// An hour in milliseconds.
const HOUR_MS: i64 = 60 * 60 * 1000;

/// One shared objective as the demo left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveSummary {
    /// Its title.
    pub title: String,
    /// Its status as the engine gives it (`adopted`, `in_negotiation`, `draft`, `withdrawn`).
    pub status: String,
}

/// What the demo set up.
#[derive(Debug)]
pub struct Demo {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its name.
    pub partnership_name: String,
    /// How many partners it has.
    pub partners: usize,
    /// The partner whose representative's password the demo prints.
    pub represented_partner: String,
    /// That representative's email address.
    pub representative_email: String,
    /// The dialogue.
    pub dialogue: DialogueId,
    /// Its title.
    pub title: String,
    /// How many statements, simulated participants and votes it holds.
    pub statements: usize,
    /// How many simulated participants it holds.
    pub participants: usize,
    /// How many votes they cast.
    pub votes: usize,
    /// The convenor's password.
    pub password: String,
    /// The representative's password.
    pub representative_password: String,
    /// The shared objectives, in the order drafted.
    pub objectives: Vec<ObjectiveSummary>,
    /// How many actions the partners took on.
    pub actions: usize,
    /// How many of them are late today.
    pub late_actions: usize,
    /// The priority list of what to do first.
    pub priorities: PrioritySummary,
    /// The partnership's system map.
    pub map: map::MapSummary,
    /// The paper cards keyed from the carers' drop-in.
    pub paper: paper::PaperSummary,
    /// The falls-prevention dialogue run in two rounds.
    pub rounds: rounds::RoundsSummary,
}

/// The server's clock during a demo: while the demo is set up it is pinned to each moment of
/// the story in turn, so that everything the server records carries the story's dates; then it
/// follows the system's clock.
#[derive(Debug, Default)]
pub struct DemoClock {
    pinned: Mutex<Option<i64>>,
}

impl DemoClock {
    fn set(&self, moment: Option<i64>) {
        *self.pinned.lock().unwrap_or_else(PoisonError::into_inner) = moment;
    }
}

impl Clock for DemoClock {
    fn now_ms(&self) -> i64 {
        let pinned = *self.pinned.lock().unwrap_or_else(PoisonError::into_inner);
        pinned.unwrap_or_else(|| SystemClock.now_ms())
    }
}

/// Pins a demo clock until dropped, so that the clock follows the system's again even when the
/// set-up fails half-way.
struct Pinned<'a>(&'a DemoClock);

impl Pinned<'_> {
    fn at(&self, moment: i64) {
        self.0.set(Some(moment));
    }
}

/// Recomputes a dialogue's analysis now; a run that a write set off may still be going, and is
/// waited for.
async fn recompute_waiting(state: &AppState, dialogue: DialogueId) -> RunOutcome {
    let mut outcome = state.analysis().recompute_now(dialogue).await;
    for _ in 0..400 {
        if outcome != RunOutcome::Busy {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        outcome = state.analysis().recompute_now(dialogue).await;
    }
    outcome
}

impl Drop for Pinned<'_> {
    fn drop(&mut self) {
        self.0.set(None);
    }
}

/// Returns a fresh random password of 32 hex digits.
fn random_password() -> anyhow::Result<String> {
    Ok(random_salt()?
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// Signs up a person who speaks for `partner` through an invitation, as anyone would be;
/// returns their account and password.
async fn sign_up_representative(
    store: &dyn Store,
    partner: PartnerId,
    email: &str,
    convenor: ConvenorId,
    now: i64,
) -> anyhow::Result<(CurrentConvenor, String)> {
    let email = Email::parse(email).context("a demo representative's email")?;
    let (_, token) = store
        .create_invitation(NewInvitation {
            partner,
            email: Some(email.clone()),
            created_by: convenor,
            created_at: now - DAY_MS,
            expires_at: now + 13 * DAY_MS,
        })
        .await
        .context("inviting a demo representative")?;
    let password = random_password()?;
    let hash = PasswordHash::create(
        &Password::parse(&password).context("the demo password")?,
        &random_salt()?,
    )
    .context("hashing the demo password")?;
    let (_, account) = store
        .accept_invitation(
            &token,
            AcceptInvitation::NewAccount {
                email,
                password_hash: hash,
            },
            now,
        )
        .await
        .context("accepting a demo invitation")?;
    Ok((CurrentConvenor { convenor: account }, password))
}

/// Who acts in the settlement, and where: partners and their representatives by the story's
/// partner index.
struct Cast {
    convenor: CurrentConvenor,
    partners: Vec<PartnerId>,
    representatives: Vec<Option<CurrentConvenor>>,
    partnership: PartnershipId,
    dialogue: DialogueId,
}

impl Cast {
    fn representative(&self, partner: usize) -> anyhow::Result<&CurrentConvenor> {
        self.representatives
            .get(partner)
            .and_then(Option::as_ref)
            .context("the demo partner has no representative")
    }
}

/// Returns the YYYY-MM-DD date `days` after the day of `midnight`.
fn date_after(midnight: i64, days: i64) -> String {
    rfc3339(midnight + days * DAY_MS)
        .split('T')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Replays the settlement day by day through the server's services, the clock pinned to each
/// event: on each day the events start at 09:00, twenty minutes apart.
async fn settle(
    state: &AppState,
    pinned: &Pinned<'_>,
    midnight: i64,
    story: &Story,
    settlement: &Settlement,
    cast: &Cast,
) -> anyhow::Result<()> {
    let (partnership, dialogue) = (cast.partnership, cast.dialogue);
    // The statements the objectives cite, by text: the dialogue's common ground as a convenor
    // is offered it when drafting.
    pinned.at(midnight + (ANALYSED_ON + 1) * DAY_MS);
    let choices = settlements::evidence_choices(state, &cast.convenor, partnership)
        .await
        .context("listing the demo dialogue's common ground")?;
    let common_ground: BTreeMap<&str, u32> = choices
        .iter()
        .filter(|choice| choice.dialogue == dialogue)
        .flat_map(|choice| choice.statements.iter())
        .map(|(id, _, text)| (text.as_str(), *id))
        .collect();
    let mut evidence = Vec::with_capacity(settlement.objectives.len());
    for objective in &settlement.objectives {
        let mut cited = Vec::with_capacity(objective.evidence.len());
        for key in &objective.evidence {
            let text = &story.statements[story.statement(key)?].text;
            let id = common_ground.get(text.as_str()).with_context(|| {
                format!(
                    "the demo objective {:?} cites {text:?}, which is not common ground in the dialogue's analysis",
                    objective.key
                )
            })?;
            cited.push(*id);
        }
        evidence.push(cited);
    }

    let mut objectives: Vec<Option<ObjectiveId>> = vec![None; settlement.objectives.len()];
    let mut actions: Vec<Option<ActionId>> = vec![None; settlement.actions.len()];
    // The stance records, by (objective, version, partner), for versions that take one up.
    let mut stances: BTreeMap<(usize, usize, usize), i64> = BTreeMap::new();
    let objective_id = |objective: usize, objectives: &[Option<ObjectiveId>]| {
        objectives[objective].context("the demo objective is not drafted yet")
    };
    let mut day = i64::MIN;
    let mut slot = 0;
    for dated in settlement.timeline() {
        if dated.day == day {
            slot += 1;
        } else {
            (day, slot) = (dated.day, 0);
        }
        pinned.at(midnight + day * DAY_MS + 9 * HOUR_MS + slot * 20 * 60 * 1000);
        match dated.event {
            Event::SetRule => {
                settlements::set_decision_rule(
                    state,
                    &cast.convenor,
                    partnership,
                    settlement.rule()?,
                )
                .await
                .context("setting the demo's decision rule")?;
            }
            Event::Draft { objective } => {
                let story_objective = &settlement.objectives[objective];
                let first = &story_objective.versions[0];
                let drafted = settlements::draft_objective(
                    state,
                    &cast.convenor,
                    partnership,
                    &Draft {
                        title: &first.title,
                        text: &first.text,
                        dialogue: Some(dialogue),
                        statements: &evidence[objective],
                    },
                )
                .await
                .with_context(|| {
                    format!("drafting the demo objective {:?}", story_objective.key)
                })?;
                objectives[objective] = Some(drafted.objective.id);
            }
            Event::PutToPartners { objective } => {
                let id = objective_id(objective, &objectives)?;
                settlements::put_to_partners(state, &cast.convenor, id)
                    .await
                    .with_context(|| {
                        format!(
                            "putting the demo objective {:?} to the partners",
                            settlement.objectives[objective].key
                        )
                    })?;
            }
            Event::Stance {
                objective,
                version,
                stance,
            } => {
                let id = objective_id(objective, &objectives)?;
                let recorded = &settlement.objectives[objective].versions[version].stances[stance];
                let partner = story.partner(&recorded.partner)?;
                let answered = settlements::record_stance(
                    state,
                    cast.representative(partner)?,
                    id,
                    cast.partners[partner],
                    &StanceInput {
                        version: u32::try_from(version + 1).context("too many versions")?,
                        stance: &recorded.stance,
                        reason: &recorded.reason,
                        amendment: &recorded.amendment,
                    },
                )
                .await
                .with_context(|| {
                    format!(
                        "recording {:?}'s stance on the demo objective {:?}",
                        recorded.partner, settlement.objectives[objective].key
                    )
                })?;
                let record = answered
                    .stances
                    .iter()
                    .filter(|record| record.partner == cast.partners[partner])
                    .map(|record| record.id)
                    .max()
                    .context("the stance just recorded is not listed")?;
                stances.insert((objective, version, partner), record);
            }
            Event::Amend { objective, version } => {
                let id = objective_id(objective, &objectives)?;
                let written = &settlement.objectives[objective].versions[version];
                let amends = match &written.takes_up {
                    Some(key) => Some(
                        *stances
                            .get(&(objective, version - 1, story.partner(key)?))
                            .context("the objection a demo version takes up is not recorded")?,
                    ),
                    None => None,
                };
                settlements::amend_objective(
                    state,
                    &cast.convenor,
                    id,
                    &Draft {
                        title: &written.title,
                        text: &written.text,
                        dialogue: None,
                        statements: &[],
                    },
                    amends,
                )
                .await
                .with_context(|| {
                    format!(
                        "writing version {} of the demo objective {:?}",
                        version + 1,
                        settlement.objectives[objective].key
                    )
                })?;
            }
            Event::Adopt { objective } => {
                let id = objective_id(objective, &objectives)?;
                settlements::adopt_objective(state, &cast.convenor, id)
                    .await
                    .with_context(|| {
                        format!(
                            "adopting the demo objective {:?}",
                            settlement.objectives[objective].key
                        )
                    })?;
            }
            Event::Withdraw { objective } => {
                let id = objective_id(objective, &objectives)?;
                settlements::withdraw_objective(state, &cast.convenor, id)
                    .await
                    .with_context(|| {
                        format!(
                            "withdrawing the demo objective {:?}",
                            settlement.objectives[objective].key
                        )
                    })?;
            }
            Event::AddAction { action } => {
                let story_action = &settlement.actions[action];
                let objective = settlement.objective(&story_action.objective)?;
                let id = objective_id(objective, &objectives)?;
                let shared_with = story_action
                    .shared_with
                    .iter()
                    .map(|key| Ok(cast.partners[story.partner(key)?]))
                    .collect::<anyhow::Result<Vec<_>>>()?;
                let due_on = story_action
                    .due
                    .map(|days| date_after(midnight, days))
                    .unwrap_or_default();
                let added = settlements::add_action(
                    state,
                    &cast.convenor,
                    id,
                    &ActionInput {
                        owner: cast.partners[story.partner(&story_action.owner)?],
                        shared_with: &shared_with,
                        title: &story_action.title,
                        lead_role: &story_action.lead_role,
                        due_on: &due_on,
                        status: &story_action.status,
                    },
                )
                .await
                .with_context(|| format!("adding the demo action {:?}", story_action.title))?;
                actions[action] = Some(added.action.id);
            }
            Event::Note { action, note } => {
                let story_action = &settlement.actions[action];
                let written = &story_action.notes[note];
                let id = actions[action].context("the demo action is not added yet")?;
                let owner = story.partner(&story_action.owner)?;
                settlements::add_progress(
                    state,
                    cast.representative(owner)?,
                    id,
                    &written.status,
                    &written.note,
                )
                .await
                .with_context(|| {
                    format!(
                        "reporting progress on the demo action {:?}",
                        story_action.title
                    )
                })?;
            }
            Event::Publish => {
                set_published(state, &cast.convenor, partnership, true)
                    .await
                    .context("publishing the demo's outcomes page")?;
            }
        }
    }
    Ok(())
}

/// Fills a fresh store with the demo through a server instance whose clock is `clock`; `now` is
/// the current time in ms since the epoch, from which the story's days count back. The clock
/// follows the system's again when this returns.
pub async fn seed(state: &AppState, clock: &DemoClock, now: i64) -> anyhow::Result<Demo> {
    let store = state.store();
    let story = Story::bundled()?;
    let settlement = Settlement::bundled(&story)?;
    let priorities = Priorities::bundled(&story)?;
    let survey = trust::Survey::bundled()?;
    let drop_in = paper::DropIn::bundled(&story)?;
    let midnight = now.div_euclid(DAY_MS) * DAY_MS;
    let pinned = Pinned(clock);
    // The analysis of a fresh store has nothing to recover; waiting for that keeps its start-up
    // run from meeting the demo's own.
    state.analysis().recovered().await;

    let password = random_password()?;
    let convenor = add_convenor(store, DEMO_EMAIL, &password, false, None).await?;
    let formed_at = now - FORMED_DAYS_AGO * DAY_MS;
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse(&story.partnership.name)
                .context("the demo partnership's name")?,
            purpose: Purpose::parse(&story.partnership.purpose)
                .context("the demo partnership's purpose")?,
            created_at: formed_at,
            convenor: Some(convenor),
        })
        .await
        .context("creating the demo partnership")?;

    let mut partners = Vec::with_capacity(story.partners.len());
    for partner in &story.partners {
        let created = store
            .create_partner(NewPartner {
                partnership: partnership.id,
                name: PartnerName::parse(&partner.name).context("a demo partner's name")?,
                sector: partner.sector,
                created_at: formed_at,
            })
            .await
            .context("adding the demo partners")?;
        partners.push(created.id);
    }
    let mut representatives = Vec::with_capacity(story.partners.len());
    let mut represented = None;
    for (partner, id) in story.partners.iter().zip(&partners) {
        let Some(email) = &partner.representative else {
            representatives.push(None);
            continue;
        };
        let (account, password) = sign_up_representative(
            store,
            *id,
            email,
            convenor,
            now - SIGNED_UP_DAYS_AGO * DAY_MS,
        )
        .await?;
        if partner.represented {
            represented = Some((partner.name.clone(), email.clone(), password));
        }
        representatives.push(Some(account));
    }
    let (represented_partner, representative_email, representative_password) =
        represented.context("the demo names the partner it represents")?;

    let opened_at = now - OPENED_DAYS_AGO * DAY_MS;
    let simulation = simulate(&story, DEMO_SEED, opened_at)?;
    let constituencies = story
        .constituencies
        .iter()
        .map(|constituency| {
            Ok(NewConstituency {
                name: ConstituencyName::parse(&constituency.name)
                    .context("a demo constituency's name")?,
                expected_share: Some(
                    ExpectedShare::parse(constituency.expected_share)
                        .context("a demo constituency's expected share")?,
                ),
                kind: Some(constituency.kind),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (statements, participants, votes) = (
        simulation.statements.len(),
        simulation.participants.len(),
        simulation.votes.len(),
    );
    let imported = store
        .import_dialogue(DialogueImport {
            partnership: partnership.id,
            settings: DialogueSettings {
                title: DialogueTitle::parse(&story.dialogue.title)
                    .context("the demo dialogue's title")?,
                question: DialogueQuestion::parse(&story.dialogue.question)
                    .context("the demo dialogue's question")?,
                description: Description::parse(&story.dialogue.description)
                    .context("the demo dialogue's description")?,
                allow_participant_statements: true,
                moderation: ModerationPolicy::Pre,
                report_visibility: ReportVisibility::Public,
            },
            constituencies,
            is_open: true,
            created_by: Some(convenor),
            external_id: None,
            created_at: opened_at,
            statements: simulation.statements,
            participants: simulation.participants,
            votes: simulation.votes,
        })
        .await
        .context("creating the demo dialogue")?;
    store
        .set_dialogue_shared_with_partners(imported.dialogue, true)
        .await
        .context("sharing the demo dialogue with partners")?;

    // The analysis the objectives cite, computed once the last participant had voted.
    pinned.at(midnight + ANALYSED_ON * DAY_MS + 9 * HOUR_MS);
    let outcome = state.analysis().recompute_now(imported.dialogue).await;
    ensure!(
        outcome == RunOutcome::Computed,
        "the demo dialogue's analysis was not computed ({})",
        outcome.name()
    );

    let cast = Cast {
        convenor: CurrentConvenor {
            convenor: store
                .get_convenor(convenor)
                .await
                .context("reading the demo convenor")?,
        },
        partners,
        representatives,
        partnership: partnership.id,
        dialogue: imported.dialogue,
    };
    settle(state, &pinned, midnight, &story, &settlement, &cast).await?;
    let started = std::time::Instant::now();
    let priorities = priorities::set_up(
        state,
        &pinned,
        midnight,
        &story,
        &priorities,
        &cast,
        DEMO_SEED,
    )
    .await?;
    tracing::info!(
        comparisons = priorities.comparisons,
        elapsed_ms = started.elapsed().as_millis(),
        "the demo's priority list is set up"
    );
    trust::set_up(state, &pinned, midnight, &story, &survey, &cast).await?;
    let map = map::set_up(state, &pinned, midnight, &cast).await?;
    let paper = paper::set_up(state, &pinned, midnight, &story, &drop_in, &cast).await?;
    safeguarding::set_up(state, &story, &cast, now).await?;
    versions::set_up(state, &cast).await?;
    versions::translate_partnership(state, &cast, priorities.list).await?;
    let rounds = rounds::set_up(state, &pinned, midnight, &cast, DEMO_SEED).await?;
    drop(pinned);

    // What the partnership shows today.
    let (listed, _) = settlements::list_objectives(state, &cast.convenor, partnership.id)
        .await
        .context("listing the demo objectives")?;
    let objectives = listed
        .iter()
        .map(|objective| ObjectiveSummary {
            title: objective.objective.title.clone(),
            status: objective.decision.status.as_str().to_owned(),
        })
        .collect();
    let actions = settlements::list_actions(state, &cast.convenor, partnership.id)
        .await
        .context("listing the demo actions")?;
    Ok(Demo {
        partnership: partnership.id,
        partnership_name: story.partnership.name,
        partners: story.partners.len(),
        represented_partner,
        representative_email,
        dialogue: imported.dialogue,
        title: story.dialogue.title,
        statements,
        participants,
        votes,
        password,
        representative_password,
        objectives,
        actions: actions.len(),
        late_actions: actions.iter().filter(|action| action.flags.is_late).count(),
        priorities,
        map,
        paper,
        rounds,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use server::settlements::evidence::Evidence;
    use store::{Phase, StoredStance};

    use super::*;

    /// A server instance over a fresh SQLite database with a demo clock, analysing with the
    /// seed `serve` uses by default.
    async fn demo_server() -> (tempfile::TempDir, server::Application, Arc<DemoClock>) {
        let scratch = tempfile::tempdir().unwrap();
        let database = format!("sqlite:{}", scratch.path().join("demo.db").display());
        let (app, clock) = demo_server_on(database).await;
        (scratch, app, clock)
    }

    /// A server instance over `database` with a demo clock, analysing with the seed `serve`
    /// uses by default.
    async fn demo_server_on(database: String) -> (server::Application, Arc<DemoClock>) {
        let store = store::connect(&database).await.unwrap();
        let clock = Arc::new(DemoClock::default());
        let config = server::Config {
            database,
            seed: server::Config::default().seed,
            ..server::Config::for_tests()
        };
        let app = server::Application::build_with_store(config, store, clock.clone())
            .await
            .unwrap();
        (app, clock)
    }

    /// Creates a fresh database on the PostgreSQL server `TEST_PG_URL` names and returns its
    /// URL, or `None` after saying the test skips (a failure when `CI` is set).
    fn fresh_postgres() -> Option<String> {
        let Ok(base) = std::env::var("TEST_PG_URL") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "TEST_PG_URL is not set but CI is: the PostgreSQL test must not be skipped"
            );
            eprintln!("skipping the PostgreSQL demo test: TEST_PG_URL is not set");
            return None;
        };
        let name = format!("cg_demo_{}_{}", std::process::id(), crate::import::now_ms());
        let (prefix, _) = base.rsplit_once('/').unwrap();
        let admin = format!("{prefix}/postgres");
        let output = std::process::Command::new("psql")
            .args([admin.as_str(), "-qc", &format!("CREATE DATABASE {name}")])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        Some(format!("{prefix}/{name}"))
    }

    /// Drops a database made by [`fresh_postgres`], closing whatever still holds it.
    fn drop_postgres(url: &str) {
        if let Some((prefix, name)) = url.rsplit_once('/') {
            let admin = format!("{prefix}/postgres");
            let _ = std::process::Command::new("psql")
                .args([
                    admin.as_str(),
                    "-qc",
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ])
                .output();
        }
    }

    #[tokio::test]
    async fn the_demo_fills_a_fresh_database_in_seconds() {
        let (_scratch, app, clock) = demo_server().await;
        let state = app.state();
        let started = std::time::Instant::now();
        let demo = seed(&state, &clock, crate::import::now_ms()).await.unwrap();
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        let store = state.store();
        let dialogue = store.get_dialogue(demo.dialogue).await.unwrap();
        assert_eq!(dialogue.partnership, demo.partnership);
        assert_eq!(demo.participants, 600);
        assert_eq!(demo.partners, 8);
        assert!(demo.votes > 10_000, "{}", demo.votes);
        assert_eq!(dialogue.constituencies.len(), 6);
        assert!(dialogue.shared_with_partners);
        assert_eq!(demo.representative_email, "carers@commonground.example");
        assert_rounds(&state, &demo).await;
        assert_moderated(&state, &demo).await;
        assert_translated(&state, &demo).await;
        // The clock follows the system's again once the demo is set up.
        let now = crate::import::now_ms();
        assert!((state.now_ms() - now).abs() < 60_000);
    }

    #[tokio::test]
    async fn the_demo_partnership_negotiated_adopted_and_acted_on_its_objectives() {
        let (_scratch, app, clock) = demo_server().await;
        let state = app.state();
        let now = crate::import::now_ms();
        let demo = seed(&state, &clock, now).await.unwrap();
        assert_settled(&state, &demo, now).await;
        assert_prioritised(&state, &demo).await;
        assert_trusted(&state, &demo).await;
        let convenor = state
            .store()
            .list_partnership_members(demo.partnership)
            .await
            .unwrap()[0]
            .clone();
        super::map::tests::assert_mapped(&state, &CurrentConvenor { convenor }, demo.partnership)
            .await;
    }

    #[tokio::test]
    async fn the_demo_sets_up_the_same_story_on_postgresql() {
        let Some(database) = fresh_postgres() else {
            return;
        };
        let (app, clock) = demo_server_on(database.clone()).await;
        let state = app.state();
        let now = crate::import::now_ms();
        let demo = seed(&state, &clock, now).await.unwrap();
        assert_settled(&state, &demo, now).await;
        assert_prioritised(&state, &demo).await;
        drop(app);
        drop(state);
        drop_postgres(&database);
    }

    /// Checks the demo's Welsh: every accepted option of the priority list and the current
    /// version of the objective about telling carers of a discharge.
    async fn assert_translated(state: &AppState, demo: &Demo) {
        let store = state.store();
        let options = store.option_versions(demo.priorities.list).await.unwrap();
        assert_eq!(options.len(), 6);
        assert!(options.iter().all(|version| version.language == "cy"));
        let objective = store
            .list_objectives(demo.partnership)
            .await
            .unwrap()
            .into_iter()
            .find(|objective| objective.title.starts_with("Carers are told as soon"))
            .unwrap();
        let translations = store.objective_translations(objective.id).await.unwrap();
        assert_eq!(translations.len(), 1);
        assert_eq!(translations[0].version, objective.current_version);
        assert!(translations[0].title.starts_with("Dweud wrth ofalwyr"));
    }

    /// Checks the demo's moderator: public health's safeguarding lead moderates the dialogue
    /// (and only it), and kept the flagged statement with a note that the log shows under their
    /// name, while the possible disclosure still waits in the queue.
    async fn assert_moderated(state: &AppState, demo: &Demo) {
        let store = state.store();
        let moderators = store.list_moderators(demo.dialogue).await.unwrap();
        assert_eq!(moderators.len(), 1);
        assert_eq!(
            moderators[0].email.as_str(),
            "public-health@commonground.example"
        );
        assert!(
            !store
                .is_moderator(demo.rounds.dialogue, moderators[0].id)
                .await
                .unwrap()
        );
        let decisions = store.list_decisions(demo.partnership).await.unwrap();
        assert_eq!(decisions.len(), 1, "{decisions:?}");
        assert_eq!(decisions[0].actor, Some(moderators[0].id));
        assert_eq!(decisions[0].action, model::ModerationAction::Accept);
        assert!(decisions[0].note.as_deref().unwrap().contains("pharmacy"));
        assert_eq!(store.held_statements(demo.dialogue).await.unwrap().len(), 1);
    }

    /// Checks the falls-prevention dialogue run in two rounds: most people came back after the
    /// fair, fewer think falls are a normal part of getting older, and more would go to a class.
    async fn assert_rounds(state: &AppState, demo: &Demo) {
        assert_eq!(
            (demo.rounds.first_round, demo.rounds.second_round),
            (100, 92)
        );
        let snapshot = state
            .store()
            .load_snapshot(demo.rounds.dialogue)
            .await
            .unwrap()
            .expect("the rounds dialogue is analysed");
        let document = server::report::document::read(&snapshot.result_json).unwrap();
        let rounds = document.rounds.expect("the analysis compares the rounds");
        assert_eq!((rounds.earlier, rounds.later), (1, 2));
        assert_eq!(rounds.rounds[0].label, "Before the Healthy Ageing Fair");
        assert_eq!(rounds.rounds[1].label, "After the Healthy Ageing Fair");
        assert_eq!((rounds.voters.earlier, rounds.voters.later), (100, 92));
        assert_eq!(rounds.voters.returning, 80);
        assert!(rounds.voters.moved > 20, "{:?}", rounds.voters);
        let change = |text: &str| {
            let id = document
                .statements
                .iter()
                .find(|statement| statement.text == text)
                .unwrap_or_else(|| panic!("no statement {text:?}"))
                .id;
            rounds
                .statements
                .iter()
                .find(|entry| entry.statement == id)
                .and_then(|entry| entry.overall.change)
                .unwrap()
        };
        assert!(change("Falls are a normal part of getting older") < -0.15);
        assert!(
            change("I would go to a falls prevention class if it was within walking distance")
                > 0.15
        );
        assert!(!rounds.gained.is_empty(), "{rounds:?}");
    }

    /// Checks the demo's trust survey: two closed waves answered by all eight partners, in
    /// which the community groups trust the statutory agencies less than the agencies trust
    /// them, and trust grows from the first wave to the second. The command's summary of the
    /// same document says so.
    async fn assert_trusted(state: &AppState, demo: &Demo) {
        let store = state.store();
        let convenor = store
            .list_partnership_members(demo.partnership)
            .await
            .unwrap()[0]
            .clone();
        let actor = CurrentConvenor { convenor };
        let results = server::trust::service::partnership_results(state, &actor, demo.partnership)
            .await
            .unwrap();
        assert_eq!(results.waves.len(), 2);
        assert!(
            results
                .waves
                .iter()
                .all(|wave| !wave.is_open && wave.submitted == 8)
        );
        let document = &results.document;
        for wave in &document.waves {
            assert_eq!(wave.response_rate, Some(1.0));
            let divide = wave
                .asymmetry
                .iter()
                .find(|a| a.divide == "community_statutory")
                .unwrap();
            let towards = divide.first_to_second.as_ref().unwrap().mean;
            let back = divide.second_to_first.as_ref().unwrap().mean;
            assert!(towards < back, "{towards} is not below {back}");
        }
        let change = &document.changes[0];
        let trust = change.mean_trust.as_ref().unwrap();
        assert!(trust.change > 0.0 && trust.beyond_uncertainty, "{trust:?}");
        let summary = crate::network::summary(document);
        assert!(
            summary.contains("community_voluntary → statutory"),
            "{summary}"
        );
        assert!(summary.contains("mean trust +"), "{summary}");
    }

    /// Checks the demo's priority list: options of every origin, comparisons from every
    /// constituency, and results in which constituencies put different options first.
    async fn assert_prioritised(state: &AppState, demo: &Demo) {
        use model::{ModerationStatus, OptionOrigin};
        use server::priorities::service as priorities;

        let store = state.store();
        let summary = &demo.priorities;
        let list = priorities::get_list(state, summary.list).await.unwrap();
        assert_eq!(list.partnership, demo.partnership);
        assert_eq!(list.dialogue, Some(demo.dialogue));
        assert_eq!(
            list.settings.question.as_str(),
            "Which should the partnership do first?"
        );
        assert_eq!(list.constituencies.len(), 6);
        let options = store.list_priority_options(summary.list).await.unwrap();
        assert_eq!(options.len(), summary.options);
        let origins: BTreeSet<OptionOrigin> = options.iter().map(|option| option.origin).collect();
        assert_eq!(origins.len(), 3, "{origins:?}");
        // Drafted options link back to a statement of the dialogue.
        for option in &options {
            assert_eq!(
                option.origin == OptionOrigin::CommonGround,
                option.statement.is_some(),
                "{option:?}"
            );
            if let Some(statement) = option.statement {
                let found = store.get_statement(statement).await.unwrap();
                assert_eq!(found.dialogue, demo.dialogue);
                assert_eq!(found.text, option.text);
            }
        }
        let added: Vec<_> = options
            .iter()
            .filter(|option| option.origin == OptionOrigin::Participant)
            .collect();
        assert!(added.iter().all(|option| option.author.is_some()));
        assert!(
            added
                .iter()
                .filter(|option| option.moderation == ModerationStatus::Accepted)
                .count()
                >= 2
        );
        let rejected: Vec<_> = added
            .iter()
            .filter(|option| option.moderation == ModerationStatus::Rejected)
            .collect();
        assert_eq!(rejected.len(), 1);
        assert!(rejected[0].rejection_reason.is_some());

        // Comparisons from members of every constituency, none of the rejected option.
        let comparisons = store.list_comparisons(summary.list).await.unwrap();
        assert_eq!(comparisons.len(), summary.comparisons);
        assert!(comparisons.len() > 1_000, "{}", comparisons.len());
        let participants = store
            .list_priority_participants(summary.list)
            .await
            .unwrap();
        assert_eq!(participants.len(), summary.participants);
        let compared: BTreeSet<_> = comparisons
            .iter()
            .map(|comparison| comparison.participant)
            .collect();
        let constituencies: BTreeSet<_> = participants
            .iter()
            .filter(|participant| compared.contains(&participant.id))
            .flat_map(|participant| participant.constituencies.iter().copied())
            .collect();
        assert_eq!(constituencies.len(), 6);
        assert!(comparisons.iter().all(|comparison| {
            comparison.left != rejected[0].id && comparison.right != rejected[0].id
        }));

        // The results rank every option not rejected, and constituencies differ on what
        // comes first: unpaid carers put the guide one of them asked for first, health
        // professionals the planning of discharges.
        let results = priorities::results(state, summary.list).await.unwrap();
        assert_eq!(results.options.len(), options.len() - 1);
        assert_eq!(results.comparisons, comparisons.len() as u64);
        let mut ranks: Vec<u32> = results
            .options
            .iter()
            .map(|option| option.overall.rank)
            .collect();
        ranks.sort_unstable();
        assert_eq!(ranks[0], 1);
        assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(ranks.iter().all(|&rank| rank as usize <= ranks.len()));
        assert!(results.constituencies.iter().all(|entry| entry.counted));
        let text = |id: u64| {
            results
                .options
                .iter()
                .find(|option| option.id == id)
                .unwrap()
                .text
                .clone()
        };
        let first: BTreeMap<&str, String> = results
            .constituencies
            .iter()
            .map(|entry| (entry.name.as_str(), text(entry.top[0])))
            .collect();
        let distinct: BTreeSet<&String> = first.values().collect();
        assert!(distinct.len() >= 2, "{first:#?}");
        assert!(
            first["Unpaid carers"].starts_with("One guide for unpaid carers"),
            "{first:#?}"
        );
        assert!(
            first["Health professionals"].starts_with("Plan every older patient's discharge"),
            "{first:#?}"
        );
        assert!(results.divergence.is_some());
    }

    /// Checks what the demo's partners agreed and did, as the convenor sees it.
    async fn assert_settled(state: &AppState, demo: &Demo, now: i64) {
        let store = state.store();
        let convenor = CurrentConvenor {
            convenor: store
                .find_convenor_by_email(&Email::parse(DEMO_EMAIL).unwrap())
                .await
                .unwrap()
                .unwrap()
                .convenor,
        };
        assert_eq!(
            store.decision_rule(demo.partnership).await.unwrap(),
            store::StoredRule::Consent { quorum_percent: 75 }
        );

        // One objective in each phase, each with the engine's reason.
        let (objectives, _) = settlements::list_objectives(state, &convenor, demo.partnership)
            .await
            .unwrap();
        let statuses: BTreeSet<&str> = objectives
            .iter()
            .map(|objective| objective.decision.status.as_str())
            .collect();
        assert_eq!(
            statuses,
            ["adopted", "draft", "in_negotiation", "withdrawn"].into()
        );
        assert_eq!(
            demo.objectives
                .iter()
                .map(|objective| objective.status.as_str())
                .collect::<BTreeSet<_>>(),
            statuses
        );
        for objective in &objectives {
            assert!(
                !objective.decision.reason.is_empty(),
                "{}",
                objective.objective.title
            );
            // Each cites the dialogue's common ground, frozen when it was drafted.
            let evidence = Evidence::read(&objective.versions[0].evidence).unwrap();
            let source = evidence.source.unwrap();
            assert_eq!(source.dialogue_id, demo.dialogue.get());
            assert!(!source.statements.is_empty());
        }
        let with_status = |status: &str| {
            objectives
                .iter()
                .find(|objective| objective.decision.status.as_str() == status)
                .unwrap()
        };

        // Adopted: version 2 takes up the amendment of an objection to version 1, and partners
        // endorsed it, some with written reservations.
        let adopted = with_status("adopted");
        assert_eq!(adopted.objective.phase, Phase::Decided);
        assert!(
            adopted.decision.reason.starts_with("adopted"),
            "{}",
            adopted.decision.reason
        );
        assert_eq!(adopted.versions.len(), 2);
        let amends = adopted.versions[1].amends.unwrap();
        let objection = adopted
            .stances
            .iter()
            .find(|record| record.id == amends)
            .unwrap();
        assert_eq!(objection.version, 1);
        assert_eq!(objection.stance, Some(StoredStance::Object));
        assert!(
            objection
                .reason
                .as_deref()
                .is_some_and(|reason| !reason.is_empty())
        );
        assert!(objection.amendment.is_some());
        let on_second: Vec<_> = adopted
            .stances
            .iter()
            .filter(|record| record.version == 2)
            .collect();
        assert!(
            on_second
                .iter()
                .all(|record| record.stance != Some(StoredStance::Object))
        );
        let reservations: Vec<_> = on_second
            .iter()
            .filter(|record| record.stance == Some(StoredStance::EndorseWithReservations))
            .collect();
        assert!(reservations.len() >= 2, "{reservations:?}");
        assert!(reservations.iter().all(|record| {
            record
                .reason
                .as_deref()
                .is_some_and(|reason| reason.len() > 40)
        }));
        // Each stance was recorded by a representative of its partner, never the convenor.
        assert!(adopted.stances.iter().all(|record| {
            record
                .recorded_by
                .is_some_and(|by| by != convenor.convenor.id)
        }));
        // Negotiated over weeks, before the demo started.
        assert!(adopted.objective.updated_at < now - 30 * DAY_MS);
        assert!(adopted.versions[0].created_at < adopted.versions[1].created_at);

        // In negotiation: some partners answered, others have yet to.
        let negotiating = with_status("in_negotiation");
        assert!(!negotiating.stances.is_empty());
        assert!(!negotiating.awaiting().is_empty());
        assert!(!with_status("draft").decision.reason.is_empty());
        assert_eq!(with_status("withdrawn").objective.phase, Phase::Withdrawn);

        // Actions under the adopted objective in every status, owned by different partners,
        // one shared, some late and some still to come, with dated progress notes.
        let actions = settlements::list_actions(state, &convenor, demo.partnership)
            .await
            .unwrap();
        assert_eq!(actions.len(), demo.actions);
        assert!(
            actions
                .iter()
                .all(|action| action.action.objective == adopted.objective.id)
        );
        let statuses: BTreeSet<&str> = actions
            .iter()
            .map(|action| action.action.status.as_str())
            .collect();
        assert_eq!(
            statuses,
            ["blocked", "done", "dropped", "in_progress", "planned"].into()
        );
        let late = actions.iter().filter(|action| action.flags.is_late).count();
        assert!(late >= 1);
        assert_eq!(late, demo.late_actions);
        let today = rfc3339(now);
        assert!(actions.iter().any(|action| {
            action
                .action
                .due_on
                .as_deref()
                .is_some_and(|due| due > &today[..10])
        }));
        let owners: BTreeSet<_> = actions.iter().map(|action| action.action.owner).collect();
        assert!(owners.len() >= 4);
        assert!(
            actions
                .iter()
                .any(|action| !action.action.shared_with.is_empty())
        );
        let noted = actions
            .iter()
            .filter(|action| action.notes.len() >= 2)
            .count();
        assert!(noted >= 3, "{noted}");
        for action in &actions {
            for note in &action.notes {
                assert!(note.recorded_at > action.action.created_at && note.recorded_at < now);
                assert_ne!(note.recorded_by, Some(convenor.convenor.id));
            }
        }

        // The record is the unbroken hash chain `verify-record` checks.
        let lines = crate::verify_record::check(store, Some(demo.partnership.get()))
            .await
            .unwrap();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].is_intact, "{}", lines[0].text);
        let (entries, _) = store.read_record(demo.partnership).await.unwrap();
        assert!(entries.len() > 30, "{}", entries.len());

        // The outcomes page is public.
        let publication = store.publication(demo.partnership).await.unwrap();
        assert!(publication.published_at.is_some_and(|at| at < now));
    }
}
