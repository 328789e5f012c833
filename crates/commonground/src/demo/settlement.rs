//! What the demo partnership made of its dialogue, read from `settlement.toml`: its decision
//! rule, the shared objectives its convenor drafted from the dialogue's common ground with each
//! partner's stance on each version, the actions under the adopted objective with their dated
//! progress notes, and the publication of its outcomes page.
//!
//! The file is checked in full on load against the story (partners, representatives and cited
//! statements exist, texts fit the product's limits, stances carry the texts they need, every
//! objective's events come in an order the product allows), so that a mistake in it is a clear
//! error rather than a half-built demo. [`Settlement::timeline`] lists every event in the order
//! it happened, for the demo to replay through the server's own services.

use std::collections::BTreeSet;

use anyhow::{Context, ensure};
use engine::settlement::actions::ActionStatus;
use model::{
    ActionTitle, AmendmentText, LeadRole, ModerationStatus, ObjectiveText, ObjectiveTitle,
    ProgressNote, StanceReason,
};
use serde::Deserialize;
use server::settlements::evidence::MAX_EVIDENCE_STATEMENTS;
use server::settlements::service::parse_rule;
use store::{StoredRule, StoredStance};

use super::story::Story;

/// The settlement as written in the repository.
const SETTLEMENT: &str = include_str!("settlement.toml");

/// The day, counted from the start of the demo, on which the dialogue's analysis is computed.
pub const ANALYSED_ON: i64 = -109;

/// The first day an event of the settlement may fall on: the day after the analysis.
const FIRST_DAY: i64 = ANALYSED_ON + 1;

/// The farthest a due date may lie from the start of the demo, in days.
const MAX_DUE_DAYS: i64 = 3650;

/// How the partnership decides, and since when.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleStory {
    /// The day the convenor set it.
    pub day: i64,
    /// `consent` or `unanimity`.
    pub rule: String,
    /// The quorum of the consent rule, in percent.
    pub quorum_percent: Option<u32>,
}

/// When the outcomes page was published.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomesStory {
    /// The day the convenor published it.
    pub published: i64,
}

/// One partner's stance on one version.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceStory {
    /// The partner's key.
    pub partner: String,
    /// The day its representative recorded it.
    pub day: i64,
    /// `endorse`, `endorse_with_reservations` or `object`.
    pub stance: String,
    /// The reservations, or the reason for objecting.
    #[serde(default)]
    pub reason: String,
    /// The amendment an objection proposes, if any.
    #[serde(default)]
    pub amendment: String,
}

/// One version of an objective and the stances on it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionStory {
    /// The day the convenor wrote it.
    pub day: i64,
    /// The partner whose objection's amendment this version takes up (not on the first).
    pub takes_up: Option<String>,
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
    /// The partners' stances on it, in the order recorded.
    #[serde(default, rename = "stance")]
    pub stances: Vec<StanceStory>,
}

/// One shared objective.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveStory {
    /// How actions name it.
    pub key: String,
    /// The keys of the statements it rests on.
    pub evidence: Vec<String>,
    /// The day the convenor put it to the partners, if they did.
    pub put_to_partners: Option<i64>,
    /// The day the convenor recorded its adoption, if they did.
    pub adopted: Option<i64>,
    /// The day the convenor withdrew it, if they did.
    pub withdrawn: Option<i64>,
    /// Its versions, the first drafted from the dialogue.
    #[serde(rename = "version")]
    pub versions: Vec<VersionStory>,
}

/// A dated progress note on an action.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteStory {
    /// The day the owner's representative wrote it.
    pub day: i64,
    /// The action's status after it.
    pub status: String,
    /// The note.
    pub note: String,
}

/// One action under an adopted objective.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionStory {
    /// The objective's key.
    pub objective: String,
    /// The owning partner's key.
    pub owner: String,
    /// The keys of the partners sharing it.
    #[serde(default)]
    pub shared_with: Vec<String>,
    /// What will be done.
    pub title: String,
    /// The role that leads it.
    pub lead_role: String,
    /// The day the convenor added it.
    pub added: i64,
    /// The day it is due, if it is (may lie ahead).
    pub due: Option<i64>,
    /// Its status when added.
    pub status: String,
    /// Its progress notes, oldest first.
    #[serde(default, rename = "note")]
    pub notes: Vec<NoteStory>,
}

/// The whole settlement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// The decision rule.
    pub decision_rule: RuleStory,
    /// The outcomes page.
    pub outcomes: OutcomesStory,
    /// The shared objectives.
    #[serde(rename = "objective")]
    pub objectives: Vec<ObjectiveStory>,
    /// The actions.
    #[serde(rename = "action", default)]
    pub actions: Vec<ActionStory>,
}

/// Something that happened, by index into the settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The convenor set the decision rule.
    SetRule,
    /// The convenor drafted an objective's first version.
    Draft {
        /// The objective.
        objective: usize,
    },
    /// The convenor put an objective to the partners.
    PutToPartners {
        /// The objective.
        objective: usize,
    },
    /// A partner's representative recorded a stance.
    Stance {
        /// The objective.
        objective: usize,
        /// The version, from 0.
        version: usize,
        /// The stance on that version.
        stance: usize,
    },
    /// The convenor wrote a new version.
    Amend {
        /// The objective.
        objective: usize,
        /// The version, from 0 (never the first).
        version: usize,
    },
    /// The convenor recorded an objective's adoption.
    Adopt {
        /// The objective.
        objective: usize,
    },
    /// The convenor withdrew an objective.
    Withdraw {
        /// The objective.
        objective: usize,
    },
    /// The convenor added an action.
    AddAction {
        /// The action.
        action: usize,
    },
    /// The owner's representative reported progress.
    Note {
        /// The action.
        action: usize,
        /// The note.
        note: usize,
    },
    /// The convenor published the outcomes page.
    Publish,
}

/// An event and its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// The day, counted from the start of the demo.
    pub day: i64,
    /// What happened.
    pub event: Event,
}

fn check_day(day: i64, what: &str) -> anyhow::Result<()> {
    ensure!(
        (FIRST_DAY..=-1).contains(&day),
        "{what} is on day {day}, outside days {FIRST_DAY} to -1 (after the dialogue's analysis, before the demo starts)"
    );
    Ok(())
}

/// Checks that the days of a sequence of events never go back.
fn check_order(days: &[(i64, String)]) -> anyhow::Result<()> {
    for pair in days.windows(2) {
        let ((before, first), (after, second)) = (&pair[0], &pair[1]);
        ensure!(
            before <= after,
            "{second} (day {after}) comes before {first} (day {before})"
        );
    }
    Ok(())
}

fn check_stance(stance: &StanceStory, what: &str) -> anyhow::Result<StoredStance> {
    let word = StoredStance::parse(&stance.stance).with_context(|| {
        format!(
            "{what}: the stance {:?} is not `endorse`, `endorse_with_reservations` or `object`",
            stance.stance
        )
    })?;
    let has_reason = !stance.reason.trim().is_empty();
    let has_amendment = !stance.amendment.trim().is_empty();
    match word {
        StoredStance::Endorse => ensure!(
            !has_reason && !has_amendment,
            "{what}: an endorsement carries no reason or amendment"
        ),
        StoredStance::EndorseWithReservations => ensure!(
            has_reason && !has_amendment,
            "{what}: an endorsement with reservations writes the reservations as `reason`, and proposes no amendment"
        ),
        StoredStance::Object => ensure!(has_reason, "{what}: an objection needs a `reason`"),
    }
    if has_reason {
        StanceReason::parse(&stance.reason).with_context(|| format!("{what}: the reason"))?;
    }
    if has_amendment {
        AmendmentText::parse(&stance.amendment)
            .with_context(|| format!("{what}: the amendment"))?;
    }
    Ok(word)
}

impl Settlement {
    /// Reads and checks the settlement the binary carries against the story.
    pub fn bundled(story: &Story) -> anyhow::Result<Settlement> {
        Settlement::parse(SETTLEMENT, story)
    }

    /// Reads and checks a settlement against the story.
    pub fn parse(text: &str, story: &Story) -> anyhow::Result<Settlement> {
        let settlement: Settlement = toml::from_str(text).context("reading the demo settlement")?;
        settlement
            .check(story)
            .context("checking the demo settlement")?;
        Ok(settlement)
    }

    /// Returns the partnership's decision rule.
    pub fn rule(&self) -> anyhow::Result<StoredRule> {
        parse_rule(&self.decision_rule.rule, self.decision_rule.quorum_percent)
            .context("the demo's decision rule")
    }

    /// Returns the objective with this key, by index.
    pub fn objective(&self, key: &str) -> anyhow::Result<usize> {
        self.objectives
            .iter()
            .position(|objective| objective.key == key)
            .with_context(|| format!("the demo settlement names an unknown objective {key:?}"))
    }

    /// Returns the partner the key names, by index, checking that the demo signs up a
    /// representative for it.
    fn represented(story: &Story, key: &str, what: &str) -> anyhow::Result<usize> {
        let partner = story.partner(key).with_context(|| what.to_owned())?;
        ensure!(
            story.partners[partner].representative.is_some(),
            "{what}: the partner {key:?} has no representative to act for it"
        );
        Ok(partner)
    }

    fn check(&self, story: &Story) -> anyhow::Result<()> {
        self.rule()?;
        check_day(self.decision_rule.day, "the decision rule")?;
        check_day(self.outcomes.published, "the publication of the outcomes")?;
        let mut keys = BTreeSet::new();
        for objective in &self.objectives {
            ensure!(
                keys.insert(objective.key.as_str()),
                "the objective key {:?} is repeated",
                objective.key
            );
            self.check_objective(objective, story)
                .with_context(|| format!("the objective {:?}", objective.key))?;
        }
        for (index, action) in self.actions.iter().enumerate() {
            self.check_action(action, story)
                .with_context(|| format!("action {} ({:?})", index + 1, action.title))?;
        }
        Ok(())
    }

    fn check_objective(&self, objective: &ObjectiveStory, story: &Story) -> anyhow::Result<()> {
        ensure!(
            !objective.evidence.is_empty() && objective.evidence.len() <= MAX_EVIDENCE_STATEMENTS,
            "it cites {} statements; cite 1 to {MAX_EVIDENCE_STATEMENTS}",
            objective.evidence.len()
        );
        for key in &objective.evidence {
            let statement = &story.statements[story.statement(key)?];
            ensure!(
                statement.status == ModerationStatus::Accepted,
                "it cites the statement {key:?}, which participants never saw"
            );
        }
        ensure!(!objective.versions.is_empty(), "it has no version");
        ensure!(
            objective.adopted.is_none() || objective.withdrawn.is_none(),
            "it cannot be both adopted and withdrawn"
        );
        ensure!(
            objective.put_to_partners.is_some()
                || (objective.adopted.is_none()
                    && objective.versions.len() == 1
                    && objective.versions[0].stances.is_empty()),
            "it is adopted, amended or answered, so it needs the day it was `put_to_partners`"
        );
        ensure!(
            self.decision_rule.day <= objective.versions[0].day,
            "it is drafted before the decision rule is set"
        );
        let mut days: Vec<(i64, String)> = Vec::new();
        for (index, version) in objective.versions.iter().enumerate() {
            let what = format!("version {}", index + 1);
            check_day(version.day, &what)?;
            ObjectiveTitle::parse(&version.title).with_context(|| format!("{what}: the title"))?;
            ObjectiveText::parse(&version.text).with_context(|| format!("{what}: the text"))?;
            days.push((version.day, what.clone()));
            if index == 0 {
                ensure!(
                    version.takes_up.is_none(),
                    "the first version cannot take up an amendment"
                );
                if let Some(put) = objective.put_to_partners {
                    check_day(put, "putting it to the partners")?;
                    days.push((put, "putting it to the partners".to_owned()));
                }
            }
            if let Some(partner) = &version.takes_up {
                let before = &objective.versions[index - 1];
                let objection = before.stances.iter().find(|stance| {
                    &stance.partner == partner
                        && stance.stance == StoredStance::Object.as_str()
                        && !stance.amendment.trim().is_empty()
                });
                ensure!(
                    objection.is_some(),
                    "{what} takes up an amendment of {partner:?}, who proposed none on version {index}"
                );
            }
            let mut answered = BTreeSet::new();
            for stance in &version.stances {
                let what = format!("{}'s stance on {what}", stance.partner);
                Self::represented(story, &stance.partner, &what)?;
                ensure!(
                    answered.insert(stance.partner.as_str()),
                    "{what} is recorded twice"
                );
                check_day(stance.day, &what)?;
                check_stance(stance, &what)?;
                days.push((stance.day, what));
            }
        }
        if let Some(day) = objective.adopted {
            check_day(day, "its adoption")?;
            days.push((day, "its adoption".to_owned()));
        }
        if let Some(day) = objective.withdrawn {
            check_day(day, "its withdrawal")?;
            days.push((day, "its withdrawal".to_owned()));
        }
        check_order(&days)
    }

    fn check_action(&self, action: &ActionStory, story: &Story) -> anyhow::Result<()> {
        let objective = &self.objectives[self.objective(&action.objective)?];
        let adopted = objective.adopted.with_context(|| {
            format!(
                "actions are added under adopted objectives; {:?} is not adopted",
                objective.key
            )
        })?;
        check_day(action.added, "adding it")?;
        ensure!(
            adopted <= action.added,
            "it is added on day {} before its objective is adopted on day {adopted}",
            action.added
        );
        let owner = if action.notes.is_empty() {
            story.partner(&action.owner)?
        } else {
            Self::represented(story, &action.owner, "its owner writes its notes")?
        };
        let mut shared = BTreeSet::new();
        for partner in &action.shared_with {
            let index = story.partner(partner)?;
            ensure!(
                index != owner && shared.insert(index),
                "it is shared with {partner:?} twice or with its owner"
            );
        }
        ActionTitle::parse(&action.title).context("the title")?;
        LeadRole::parse(&action.lead_role).context("the lead role")?;
        if let Some(due) = action.due {
            ensure!(
                due.abs() <= MAX_DUE_DAYS,
                "it is due on day {due}, more than ten years from the start of the demo"
            );
        }
        let status = |word: &str| {
            ActionStatus::parse(word).with_context(|| {
                format!(
                    "the status {word:?} is not `planned`, `in_progress`, `done`, `blocked` or `dropped`"
                )
            })
        };
        status(&action.status)?;
        let mut days = vec![(action.added, "adding it".to_owned())];
        for (index, note) in action.notes.iter().enumerate() {
            let what = format!("note {}", index + 1);
            check_day(note.day, &what)?;
            status(&note.status).with_context(|| what.clone())?;
            ProgressNote::parse(&note.note).with_context(|| format!("{what}: the text"))?;
            days.push((note.day, what));
        }
        check_order(&days)
    }

    /// Lists every event in the order it happened: by day, and within a day in the order of
    /// the file (an objective's events before the actions, and the actions before the
    /// publication).
    pub fn timeline(&self) -> Vec<Dated> {
        let mut events = vec![Dated {
            day: self.decision_rule.day,
            event: Event::SetRule,
        }];
        for (objective, story) in self.objectives.iter().enumerate() {
            for (version, written) in story.versions.iter().enumerate() {
                events.push(Dated {
                    day: written.day,
                    event: if version == 0 {
                        Event::Draft { objective }
                    } else {
                        Event::Amend { objective, version }
                    },
                });
                if version == 0
                    && let Some(day) = story.put_to_partners
                {
                    events.push(Dated {
                        day,
                        event: Event::PutToPartners { objective },
                    });
                }
                for (stance, recorded) in written.stances.iter().enumerate() {
                    events.push(Dated {
                        day: recorded.day,
                        event: Event::Stance {
                            objective,
                            version,
                            stance,
                        },
                    });
                }
            }
            if let Some(day) = story.adopted {
                events.push(Dated {
                    day,
                    event: Event::Adopt { objective },
                });
            }
            if let Some(day) = story.withdrawn {
                events.push(Dated {
                    day,
                    event: Event::Withdraw { objective },
                });
            }
        }
        for (action, story) in self.actions.iter().enumerate() {
            events.push(Dated {
                day: story.added,
                event: Event::AddAction { action },
            });
            for (note, written) in story.notes.iter().enumerate() {
                events.push(Dated {
                    day: written.day,
                    event: Event::Note { action, note },
                });
            }
        }
        events.push(Dated {
            day: self.outcomes.published,
            event: Event::Publish,
        });
        // A stable sort keeps each objective's and each action's own order within a day.
        events.sort_by_key(|dated| dated.day);
        events
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Returns the action's status after its last note.
    fn final_status(action: &ActionStory) -> Option<ActionStatus> {
        let word = action
            .notes
            .last()
            .map_or(action.status.as_str(), |note| note.status.as_str());
        ActionStatus::parse(word)
    }

    fn bundled() -> (Story, Settlement) {
        let story = Story::bundled().unwrap();
        let settlement = Settlement::bundled(&story).unwrap();
        (story, settlement)
    }

    fn refused(edit: impl Fn(&str) -> String) -> String {
        let story = Story::bundled().unwrap();
        let broken = edit(SETTLEMENT);
        assert_ne!(broken, SETTLEMENT, "the edit changed nothing");
        format!("{:#}", Settlement::parse(&broken, &story).unwrap_err())
    }

    #[test]
    fn the_bundled_settlement_has_an_objective_in_each_phase() {
        let (_, settlement) = bundled();
        assert_eq!(
            settlement.rule().unwrap(),
            StoredRule::Consent { quorum_percent: 75 }
        );
        let phase = |objective: &ObjectiveStory| match (
            objective.put_to_partners,
            objective.adopted,
            objective.withdrawn,
        ) {
            (_, Some(_), _) => "adopted",
            (_, _, Some(_)) => "withdrawn",
            (Some(_), None, None) => "with the partners",
            (None, None, None) => "draft",
        };
        let phases: BTreeSet<&str> = settlement.objectives.iter().map(phase).collect();
        assert_eq!(
            phases,
            ["adopted", "draft", "with the partners", "withdrawn"].into()
        );
        let adopted = settlement
            .objectives
            .iter()
            .find(|objective| objective.adopted.is_some())
            .unwrap();
        assert!(adopted.versions.len() >= 2);
        assert!(adopted.versions[1].takes_up.is_some());
        assert!(
            adopted.versions[1]
                .stances
                .iter()
                .any(|stance| stance.stance == "endorse_with_reservations")
        );
    }

    #[test]
    fn the_bundled_actions_cover_every_status_with_late_and_upcoming_ones() {
        let (_, settlement) = bundled();
        let mut statuses = BTreeMap::new();
        for action in &settlement.actions {
            *statuses
                .entry(final_status(action).unwrap().as_str())
                .or_insert(0) += 1;
        }
        assert_eq!(statuses.len(), 5, "{statuses:?}");
        let late = settlement.actions.iter().filter(|action| {
            action.due.is_some_and(|due| due < 0)
                && final_status(action).is_some_and(|status| status.is_open())
        });
        assert!(late.count() >= 1);
        assert!(
            settlement
                .actions
                .iter()
                .any(|action| action.due.is_some_and(|due| due > 0))
        );
        let owners: BTreeSet<&str> = settlement
            .actions
            .iter()
            .map(|action| action.owner.as_str())
            .collect();
        assert!(owners.len() >= 4, "{owners:?}");
        assert!(
            settlement
                .actions
                .iter()
                .any(|action| !action.shared_with.is_empty())
        );
    }

    #[test]
    fn the_timeline_keeps_each_objective_in_order_and_publishes_last_on_its_day() {
        let (_, settlement) = bundled();
        let timeline = settlement.timeline();
        assert!(timeline.windows(2).all(|pair| pair[0].day <= pair[1].day));
        assert_eq!(timeline[0].event, Event::SetRule);
        let position = |event: Event| timeline.iter().position(|dated| dated.event == event);
        let discharge = settlement.objective("discharge").unwrap();
        let drafted = position(Event::Draft {
            objective: discharge,
        })
        .unwrap();
        let amended = position(Event::Amend {
            objective: discharge,
            version: 1,
        })
        .unwrap();
        let adopted = position(Event::Adopt {
            objective: discharge,
        })
        .unwrap();
        let first_action = position(Event::AddAction { action: 0 }).unwrap();
        assert!(drafted < amended && amended < adopted && adopted < first_action);
    }

    #[test]
    fn a_settlement_citing_an_unknown_statement_is_refused() {
        let error = refused(|text| text.replace("\"bus-routes\"", "\"moon-landing\""));
        assert!(error.contains("moon-landing"), "{error}");
    }

    #[test]
    fn an_objection_without_a_reason_or_reservations_without_text_are_refused() {
        let error = refused(|text| {
            text.replacen(
                "partner = \"gp\"\nday = -91\nstance = \"endorse\"",
                "partner = \"gp\"\nday = -91\nstance = \"object\"",
                1,
            )
        });
        assert!(error.contains("an objection needs a `reason`"), "{error}");
        let error = refused(|text| {
            text.replace(
                "stance = \"endorse_with_reservations\"\nreason = \"\"\"\nCarers tell",
                "stance = \"endorse_with_reservations\"\namendment = \"\"\"\nCarers tell",
            )
        });
        assert!(error.contains("writes the reservations"), "{error}");
    }

    #[test]
    fn a_version_taking_up_an_amendment_nobody_proposed_is_refused() {
        let error = refused(|text| text.replace("takes_up = \"trust\"", "takes_up = \"gp\""));
        assert!(error.contains("\"gp\""), "{error}");
    }

    #[test]
    fn an_action_under_an_objective_not_adopted_is_refused() {
        let error = refused(|text| {
            text.replacen(
                "objective = \"discharge\"\nowner = \"gp\"",
                "objective = \"falls\"\nowner = \"gp\"",
                1,
            )
        });
        assert!(error.contains("\"falls\" is not adopted"), "{error}");
    }

    #[test]
    fn events_out_of_order_or_outside_the_story_are_refused() {
        let error = refused(|text| text.replace("adopted = -80", "adopted = -87"));
        assert!(error.contains("comes before"), "{error}");
        let error = refused(|text| text.replace("published = -75", "published = 3"));
        assert!(error.contains("outside days"), "{error}");
        let error = refused(|text| text.replace("quorum_percent = 75", "quorum_percent = 175"));
        assert!(error.contains("quorum"), "{error}");
    }

    #[test]
    fn an_unknown_status_or_partner_is_refused() {
        let error = refused(|text| text.replacen("status = \"blocked\"", "status = \"stuck\"", 1));
        assert!(error.contains("stuck"), "{error}");
        let error = refused(|text| {
            text.replacen(
                "shared_with = [\"adult_care\", \"carers\"]",
                "shared_with = [\"adult_care\", \"police\"]",
                1,
            )
        });
        assert!(error.contains("police"), "{error}");
    }
}
