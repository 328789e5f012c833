//! The subjects whose analysis is recomputed in the background. Each kind lists its stale
//! subjects for the start-up recovery and has its own recompute; the scheduler, the analysis
//! lock and the recovery are shared.

use std::fmt;

use model::DialogueId;

/// One analysed subject: what the scheduler queues and the worker recomputes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// A dialogue's opinion groups and common ground.
    Dialogue(DialogueId),
}

/// The kinds of analysed subject, each recovered in turn on start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    /// Dialogues.
    Dialogue,
}

impl SubjectKind {
    /// Every kind, in the order the start-up recovery visits them.
    pub const ALL: [SubjectKind; 1] = [SubjectKind::Dialogue];
}

impl fmt::Display for Subject {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Dialogue(dialogue) => write!(formatter, "dialogue {dialogue}"),
        }
    }
}
