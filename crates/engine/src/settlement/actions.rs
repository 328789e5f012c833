//! Actions under adopted objectives: their status, whether they are late, and the accountability
//! summary per partner that the partnership's dashboard shows.

use std::collections::BTreeMap;

/// A calendar day, counted from 1970-01-01 (the server converts dates; the engine has no clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    /// Agreed, not started.
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Stuck on something the owner cannot resolve alone.
    Blocked,
    /// No longer pursued.
    Dropped,
}

impl ActionStatus {
    /// Whether the action is still expected to be done.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ActionStatus::Planned | ActionStatus::InProgress | ActionStatus::Blocked
        )
    }

    /// The word used in the API and the pages.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Blocked => "blocked",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Parses the word of [`ActionStatus::as_str`].
    pub fn parse(word: &str) -> Option<ActionStatus> {
        [
            ActionStatus::Planned,
            ActionStatus::InProgress,
            ActionStatus::Done,
            ActionStatus::Blocked,
            ActionStatus::Dropped,
        ]
        .into_iter()
        .find(|status| status.as_str() == word)
    }
}

/// What the dashboard needs of one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionFacts {
    /// The partner that owns it.
    pub owner: u64,
    /// When it is due, if a date was set.
    pub due: Option<Day>,
    /// Its status.
    pub status: ActionStatus,
}

/// The flags shown beside an action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionFlags {
    /// Still open after its due date.
    pub is_late: bool,
    /// Blocked.
    pub is_blocked: bool,
    /// Days past the due date (0 when not late).
    pub days_late: i32,
}

/// Flags one action as of `today`.
pub fn flags(action: &ActionFacts, today: Day) -> ActionFlags {
    let days_late = match action.due {
        Some(due) if action.status.is_open() && today > due => today.0 - due.0,
        _ => 0,
    };
    ActionFlags {
        is_late: days_late > 0,
        is_blocked: action.status == ActionStatus::Blocked,
        days_late,
    }
}

/// One partner's actions, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accountability {
    /// Actions not yet started.
    pub planned: usize,
    /// Actions under way.
    pub in_progress: usize,
    /// Actions finished.
    pub done: usize,
    /// Actions blocked.
    pub blocked: usize,
    /// Actions dropped.
    pub dropped: usize,
    /// Open actions past their due date.
    pub late: usize,
}

impl Accountability {
    /// Every action counted.
    pub fn total(&self) -> usize {
        self.planned + self.in_progress + self.done + self.blocked + self.dropped
    }
}

/// Counts the actions of each owning partner, partners in id order.
pub fn by_owner(actions: &[ActionFacts], today: Day) -> BTreeMap<u64, Accountability> {
    let mut summary: BTreeMap<u64, Accountability> = BTreeMap::new();
    for action in actions {
        let counts = summary.entry(action.owner).or_default();
        match action.status {
            ActionStatus::Planned => counts.planned += 1,
            ActionStatus::InProgress => counts.in_progress += 1,
            ActionStatus::Done => counts.done += 1,
            ActionStatus::Blocked => counts.blocked += 1,
            ActionStatus::Dropped => counts.dropped += 1,
        }
        if flags(action, today).is_late {
            counts.late += 1;
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(owner: u64, due: Option<i32>, status: ActionStatus) -> ActionFacts {
        ActionFacts {
            owner,
            due: due.map(Day),
            status,
        }
    }

    #[test]
    fn open_actions_past_their_date_are_late_and_closed_ones_never() {
        let today = Day(100);
        assert_eq!(
            flags(&action(1, Some(90), ActionStatus::InProgress), today),
            ActionFlags {
                is_late: true,
                is_blocked: false,
                days_late: 10
            }
        );
        assert!(!flags(&action(1, Some(100), ActionStatus::Planned), today).is_late);
        assert!(!flags(&action(1, Some(90), ActionStatus::Done), today).is_late);
        assert!(!flags(&action(1, Some(90), ActionStatus::Dropped), today).is_late);
        assert!(!flags(&action(1, None, ActionStatus::Planned), today).is_late);
        let blocked = flags(&action(1, Some(99), ActionStatus::Blocked), today);
        assert!(blocked.is_blocked && blocked.is_late);
    }

    #[test]
    fn the_dashboard_counts_each_owners_actions() {
        let actions = [
            action(2, Some(90), ActionStatus::Planned),
            action(2, Some(110), ActionStatus::InProgress),
            action(1, Some(50), ActionStatus::Done),
            action(2, None, ActionStatus::Blocked),
        ];
        let summary = by_owner(&actions, Day(100));
        assert_eq!(summary.keys().copied().collect::<Vec<_>>(), vec![1, 2]);
        let second = summary[&2];
        assert_eq!(
            (
                second.planned,
                second.in_progress,
                second.blocked,
                second.late
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(second.total(), 3);
        assert_eq!(summary[&1].done, 1);
    }

    #[test]
    fn status_words_round_trip() {
        for status in [
            ActionStatus::Planned,
            ActionStatus::InProgress,
            ActionStatus::Done,
            ActionStatus::Blocked,
            ActionStatus::Dropped,
        ] {
            assert_eq!(ActionStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ActionStatus::parse("finished"), None);
    }
}
