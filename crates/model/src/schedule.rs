//! When a dialogue takes part: an optional opening time and an optional closing time, and the
//! status they give a dialogue at a moment.
//!
//! Times are milliseconds since the Unix epoch. Whether a dialogue accepts participants, votes
//! and statements is computed from its schedule, the moment asked about and whether a convenor
//! closed it by hand ([`DialogueSchedule::status_at`]); nothing is stored when a time passes, so
//! every reader and every write agrees to the millisecond.

/// A dialogue's opening and closing times; holding one proves the closing time comes after the
/// opening time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DialogueSchedule {
    opens_at: Option<i64>,
    closes_at: Option<i64>,
}

/// Why a schedule is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The closing time is at or before the opening time.
    #[error("the closing time must come after the opening time")]
    ClosesBeforeOpening,
}

/// Where a dialogue stands at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogueStatus {
    /// Its opening time has not come yet: no participants, votes or statements.
    NotYetOpen {
        /// When it opens.
        opens_at: i64,
    },
    /// It takes participants, votes and statements.
    Open,
    /// A convenor closed it, or its closing time has passed.
    Closed,
}

impl DialogueSchedule {
    /// No opening or closing time: open until a convenor closes it.
    pub const NONE: DialogueSchedule = DialogueSchedule {
        opens_at: None,
        closes_at: None,
    };

    /// Checks a schedule: when both times are given, the closing time must come after the
    /// opening time.
    pub fn new(opens_at: Option<i64>, closes_at: Option<i64>) -> Result<Self, ScheduleError> {
        if let (Some(opens), Some(closes)) = (opens_at, closes_at)
            && closes <= opens
        {
            return Err(ScheduleError::ClosesBeforeOpening);
        }
        Ok(DialogueSchedule {
            opens_at,
            closes_at,
        })
    }

    /// When the dialogue opens, if it waits for a time.
    pub fn opens_at(self) -> Option<i64> {
        self.opens_at
    }

    /// When the dialogue closes, if it closes at a time.
    pub fn closes_at(self) -> Option<i64> {
        self.closes_at
    }

    /// Returns where a dialogue with this schedule stands at `now`: closed once a convenor has
    /// closed it (`closed_by_hand`) or from its closing time on, not yet open before its opening
    /// time, open otherwise.
    pub fn status_at(self, now: i64, closed_by_hand: bool) -> DialogueStatus {
        if closed_by_hand || self.closes_at.is_some_and(|closes| now >= closes) {
            return DialogueStatus::Closed;
        }
        match self.opens_at {
            Some(opens_at) if now < opens_at => DialogueStatus::NotYetOpen { opens_at },
            _ => DialogueStatus::Open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_time_must_come_after_the_opening_time() {
        assert_eq!(
            DialogueSchedule::new(Some(10), Some(10)),
            Err(ScheduleError::ClosesBeforeOpening)
        );
        assert_eq!(
            DialogueSchedule::new(Some(10), Some(9)),
            Err(ScheduleError::ClosesBeforeOpening)
        );
        assert!(DialogueSchedule::new(Some(10), Some(11)).is_ok());
        assert!(DialogueSchedule::new(None, Some(1)).is_ok());
        assert!(DialogueSchedule::new(Some(1), None).is_ok());
    }

    #[test]
    fn the_status_follows_the_clock_and_the_convenor() {
        let schedule = DialogueSchedule::new(Some(100), Some(200)).unwrap();
        assert_eq!(
            schedule.status_at(99, false),
            DialogueStatus::NotYetOpen { opens_at: 100 }
        );
        assert_eq!(schedule.status_at(100, false), DialogueStatus::Open);
        assert_eq!(schedule.status_at(199, false), DialogueStatus::Open);
        assert_eq!(schedule.status_at(200, false), DialogueStatus::Closed);
        assert_eq!(schedule.status_at(150, true), DialogueStatus::Closed);
        assert_eq!(schedule.status_at(50, true), DialogueStatus::Closed);
        assert_eq!(
            DialogueSchedule::NONE.status_at(i64::MAX, false),
            DialogueStatus::Open
        );
    }
}
