//! Reads a whole dialogue from the store for an export: statements, participants, every vote
//! event, and the groups of the latest analysis.

use std::collections::{BTreeMap, BTreeSet};

use model::{DialogueId, ModerationStatus, ParticipantId, VoteChoice};
use serde_json::{Value, json};
use store::{Dialogue, Participant, StatementFilter, Store, StoreError, VoteEvent};

use super::{ExportData, ExportModeration, ExportStatement, ExportVote, export_numbers};
use crate::analysis::state_json;
use crate::time::rfc3339;

/// Events read per page of the vote history.
const HISTORY_PAGE: u32 = 10_000;

/// A dialogue read completely from the store.
pub struct DialogueDump {
    /// The dialogue.
    pub dialogue: Dialogue,
    /// Every statement, in id order.
    pub statements: Vec<store::Statement>,
    /// Every participant known from votes, memberships or authorship, in id order.
    pub participants: Vec<Participant>,
    /// Every vote event, in recording order.
    pub votes: Vec<VoteEvent>,
    /// The latest analysis snapshot, if any.
    pub snapshot: Option<store::AnalysisSnapshot>,
}

/// Reads everything an export writes about a dialogue.
pub async fn load(store: &dyn Store, id: DialogueId) -> Result<DialogueDump, StoreError> {
    let dialogue = store.get_dialogue(id).await?;
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        limit: Some(StatementFilter::MAX_LIMIT),
        ..StatementFilter::default()
    };
    loop {
        let page = store.list_statements(id, &filter).await?;
        statements.extend(page.statements);
        match page.next_after {
            Some(after) if filter.after != Some(after) => filter.after = Some(after),
            _ => break,
        }
    }
    let mut votes: Vec<VoteEvent> = Vec::new();
    loop {
        let after = votes.last().map(|event| event.id);
        let page = store.vote_history(id, after, HISTORY_PAGE).await?;
        let is_last = page.len() < HISTORY_PAGE as usize;
        votes.extend(page);
        if is_last {
            break;
        }
    }
    let mut participant_ids: BTreeSet<ParticipantId> =
        votes.iter().map(|event| event.participant).collect();
    participant_ids.extend(
        store
            .list_memberships(id)
            .await?
            .into_iter()
            .map(|(participant, _)| participant),
    );
    participant_ids.extend(statements.iter().filter_map(|statement| statement.author));
    let mut participants = Vec::with_capacity(participant_ids.len());
    for participant in participant_ids {
        participants.push(store.get_participant(participant).await?);
    }
    let snapshot = store.load_snapshot(id).await?;
    Ok(DialogueDump {
        dialogue,
        statements,
        participants,
        votes,
        snapshot,
    })
}

impl DialogueDump {
    /// Returns the export view: Pol.is-style numbers for statements and participants.
    pub fn export_data(&self, url: Option<String>) -> ExportData {
        let statement_numbers = export_numbers(
            self.statements
                .iter()
                .map(|statement| (statement.id.get(), statement.external_id.as_deref())),
        );
        let participant_numbers = export_numbers(
            self.participants
                .iter()
                .map(|participant| (participant.id.get(), participant.external_id.as_deref())),
        );
        let participant_number = |id: ParticipantId| {
            participant_numbers
                .get(&id.get())
                .copied()
                .unwrap_or_default()
        };
        let statements = self
            .statements
            .iter()
            .map(|statement| ExportStatement {
                number: statement_numbers
                    .get(&statement.id.get())
                    .copied()
                    .unwrap_or_default(),
                author: statement.author.map(participant_number),
                created_ms: statement.created_at,
                moderation: match statement.moderation {
                    ModerationStatus::Accepted => ExportModeration::Accepted,
                    ModerationStatus::Pending => ExportModeration::Pending,
                    ModerationStatus::Rejected => ExportModeration::Rejected,
                },
                is_meta: statement.is_meta,
                text: statement.text.clone(),
            })
            .collect();
        let votes = self
            .votes
            .iter()
            .map(|event| ExportVote {
                timestamp_ms: event.cast_at,
                statement: statement_numbers
                    .get(&event.statement.get())
                    .copied()
                    .unwrap_or_default(),
                participant: participant_number(event.participant),
                vote: event.choice.value(),
            })
            .collect();

        let state = self
            .snapshot
            .as_ref()
            .and_then(|snapshot| state_json::decode(&snapshot.engine_state));
        let mut group_of_participant = BTreeMap::new();
        let mut n_groups = 0;
        if let Some(state) = &state {
            let groups = state
                .smoother
                .smoothed_k
                .and_then(|k| state.group_clusterings.get(&k));
            if let Some(groups) = groups {
                n_groups = groups.len();
                for group in groups {
                    for base in &group.members {
                        let members = state
                            .base_clusters
                            .iter()
                            .filter(|cluster| cluster.id == *base)
                            .flat_map(|cluster| cluster.members.iter());
                        for member in members {
                            let number = participant_number(ParticipantId(i64::from(member.0)));
                            group_of_participant.insert(number, group.id);
                        }
                    }
                }
            }
        }
        let settings = &self.dialogue.settings;
        ExportData {
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: settings.description.as_str().to_owned(),
            url,
            statements,
            participants: self
                .participants
                .iter()
                .map(|participant| participant_number(participant.id))
                .collect(),
            votes,
            group_of_participant,
            n_in_conv: state
                .as_ref()
                .map(|state| u64::try_from(state.in_conv.len()).unwrap_or(u64::MAX)),
            n_groups,
        }
    }

    /// Returns the full JSON dump: the dialogue, statements, participants with their
    /// constituencies, every vote event, and the latest analysis.
    pub fn json(&self) -> Value {
        let dialogue = &self.dialogue;
        let settings = &dialogue.settings;
        let constituency_name = |id| {
            dialogue
                .constituencies
                .iter()
                .find(|constituency| constituency.id == id)
                .map(|constituency| constituency.name.as_str().to_owned())
        };
        let analysis = self.snapshot.as_ref().map(|snapshot| {
            json!({
                "version": snapshot.version,
                "computed_at": rfc3339(snapshot.computed_at),
                "n_votes": snapshot.n_votes,
                "result": serde_json::from_str::<Value>(&snapshot.result_json).unwrap_or(Value::Null),
            })
        });
        json!({
            "format": "commonground-dialogue-dump",
            "version": 1,
            "dialogue": {
                "id": dialogue.id.get(),
                "partnership_id": dialogue.partnership.get(),
                "title": settings.title.as_str(),
                "question": settings.question.as_str(),
                "description": settings.description.as_str(),
                "participant_statements": settings.allow_participant_statements,
                "moderation": settings.moderation.as_str(),
                "report_visibility": settings.report_visibility.as_str(),
                "is_open": dialogue.is_open,
                "opens_at": dialogue.schedule.opens_at().map(rfc3339),
                "closes_at": dialogue.schedule.closes_at().map(rfc3339),
                "external_id": dialogue.external_id,
                "created_at": rfc3339(dialogue.created_at),
                "constituencies": dialogue.constituencies.iter().map(|constituency| json!({
                    "id": constituency.id.get(),
                    "name": constituency.name.as_str(),
                    "expected_share": constituency.expected_share.map(model::ExpectedShare::get),
                    "kind": constituency.kind.map(model::ConstituencyKind::as_str),
                })).collect::<Vec<_>>(),
            },
            "statements": self.statements.iter().map(|statement| json!({
                "id": statement.id.get(),
                "text": statement.text,
                "is_seed": statement.is_seed,
                "is_meta": statement.is_meta,
                "moderation": statement.moderation.as_str(),
                "author": statement.author.map(ParticipantId::get),
                "external_id": statement.external_id,
                "created_at": rfc3339(statement.created_at),
                "created_at_ms": statement.created_at,
            })).collect::<Vec<_>>(),
            "participants": self.participants.iter().map(|participant| json!({
                "id": participant.id.get(),
                "external_id": participant.external_id,
                "constituencies": participant
                    .constituencies
                    .iter()
                    .filter_map(|&id| constituency_name(id))
                    .collect::<Vec<_>>(),
                "created_at": rfc3339(participant.created_at),
            })).collect::<Vec<_>>(),
            "vote_events": self.votes.iter().map(|event| json!({
                "id": event.id.get(),
                "participant": event.participant.get(),
                "statement": event.statement.get(),
                "vote": match event.choice {
                    VoteChoice::Agree => "agree",
                    VoteChoice::Disagree => "disagree",
                    VoteChoice::Pass => "pass",
                },
                "cast_at_ms": event.cast_at,
            })).collect::<Vec<_>>(),
            "analysis": analysis,
        })
    }
}
