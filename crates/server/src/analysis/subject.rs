//! The subjects whose analysis is recomputed in the background. Each kind lists its stale
//! subjects for the start-up recovery and has its own recompute; the scheduler, the analysis
//! lock and the recovery are shared.
//!
//! A new kind of subject (a priority list, a survey, a map) adds a variant to both enums, its
//! stale list in `Worker::stale` and its recompute in `Worker::recompute`; the start-up
//! recovery, the drain on stop, the run log and the figures then cover it with no other change.

use std::fmt;

use model::{DialogueId, PriorityListId};

/// One analysed subject: what the scheduler queues and the worker recomputes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// A dialogue's opinion groups and common ground.
    Dialogue(DialogueId),
    /// A priority list's results and what choosing its next pair reads.
    PriorityList(PriorityListId),
}

/// The kinds of analysed subject, each recovered in turn on start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    /// Dialogues.
    Dialogue,
    /// Priority lists.
    PriorityList,
}

impl SubjectKind {
    /// Every kind, in the order the start-up recovery visits them.
    pub const ALL: [SubjectKind; 2] = [SubjectKind::Dialogue, SubjectKind::PriorityList];

    /// The kind's name in logs and figures.
    pub fn name(self) -> &'static str {
        match self {
            SubjectKind::Dialogue => "dialogue",
            SubjectKind::PriorityList => "priority_list",
        }
    }
}

impl Subject {
    /// Returns the subject's kind.
    pub fn kind(self) -> SubjectKind {
        match self {
            Subject::Dialogue(_) => SubjectKind::Dialogue,
            Subject::PriorityList(_) => SubjectKind::PriorityList,
        }
    }

    /// Returns the subject's id within its kind.
    pub fn id(self) -> i64 {
        match self {
            Subject::Dialogue(dialogue) => dialogue.get(),
            Subject::PriorityList(list) => list.get(),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Dialogue(dialogue) => write!(formatter, "dialogue {dialogue}"),
            Subject::PriorityList(list) => write!(formatter, "priority list {list}"),
        }
    }
}
