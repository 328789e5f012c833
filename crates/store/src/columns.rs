//! How values cross the boundary between records and columns, the same for both databases:
//! vote choices as small integers, vocabularies as their spellings, validated text re-checked on
//! the way out, and counts as non-negative integers.

use model::{VoteChannel, VoteChoice};
use rand::TryRngCore as _;

use crate::error::StoreError;

/// Returns the column value of a vote choice (agree = 1, disagree = -1, pass = 0).
pub(crate) fn choice_to_column(choice: VoteChoice) -> i16 {
    i16::from(choice.value())
}

/// Reads a stored vote choice.
pub(crate) fn choice_from_column(value: i16) -> Result<VoteChoice, StoreError> {
    VoteChoice::from_value(i64::from(value)).ok_or_else(|| {
        StoreError::internal(format!("stored vote choice {value} is not -1, 0 or 1"))
    })
}

/// Reads a stored vote channel.
pub(crate) fn channel_from_column(value: i16) -> Result<VoteChannel, StoreError> {
    VoteChannel::from_value(i64::from(value)).ok_or_else(|| {
        StoreError::internal(format!("stored vote channel {value} is not 0, 1 or 2"))
    })
}

/// Re-checks a stored value with its parser; a failure means the database holds data this
/// program would not have written, which is an internal error.
pub(crate) fn stored<T, E>(column: &'static str, parsed: Result<T, E>) -> Result<T, StoreError>
where
    E: std::fmt::Display,
{
    parsed.map_err(|error| StoreError::internal(format!("stored {column} is invalid: {error}")))
}

/// Reads a stored count, which is never negative.
pub(crate) fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// Converts a caller's count to a column value.
pub(crate) fn count_to_column(value: u64) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| StoreError::Invalid("count is too large".to_owned()))
}

/// Draws a fresh token from the operating system's secure random source.
pub(crate) fn new_token() -> Result<model::Token, StoreError> {
    let mut bytes = [0u8; model::token::TOKEN_BYTES];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(StoreError::internal)?;
    Ok(model::Token::from_bytes(bytes))
}

/// The two tables bulk-loaded with vote rows `(participant, statement, choice, cast_at)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VoteTable {
    /// `vote_events`, the history.
    Events,
    /// `votes`, the latest vote per participant and statement.
    Latest,
}

impl VoteTable {
    /// Returns the table's name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            VoteTable::Events => "vote_events",
            VoteTable::Latest => "votes",
        }
    }
}

/// How a backend's multi-row inserts write their parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Parameters {
    /// `$1, $2, ...`.
    Numbered,
    /// `?, ?, ...`: SQLite looks numbered parameters up by name in a list, which makes binding
    /// thousands of them quadratic, while anonymous ones bind by position.
    Anonymous,
}

/// Returns `($1, $2, ...), (...)` (or `(?, ?, ...)`) placeholders for `rows` rows of `columns`
/// values; the statement must have no other parameters.
pub(crate) fn placeholders(rows: usize, columns: usize, style: Parameters) -> String {
    let mut sql = String::with_capacity(rows * columns * 6);
    let mut next = 1;
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            match style {
                Parameters::Numbered => {
                    sql.push('$');
                    sql.push_str(&next.to_string());
                }
                Parameters::Anonymous => sql.push('?'),
            }
            next += 1;
        }
        sql.push(')');
    }
    sql
}

/// Returns `$first, $first+1, ...` for an `IN (...)` list of `n` values.
pub(crate) fn list_placeholders(n: usize, first: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_value_in_row_order() {
        assert_eq!(
            placeholders(2, 3, Parameters::Numbered),
            "($1, $2, $3), ($4, $5, $6)"
        );
        assert_eq!(placeholders(2, 1, Parameters::Anonymous), "(?), (?)");
        assert_eq!(list_placeholders(3, 2), "$2, $3, $4");
    }

    #[test]
    fn choices_round_trip_and_odd_values_are_internal_errors() {
        for choice in VoteChoice::ALL {
            assert_eq!(
                choice_from_column(choice_to_column(*choice)).unwrap(),
                *choice
            );
        }
        assert!(matches!(
            choice_from_column(3),
            Err(StoreError::Internal(_))
        ));
    }

    #[test]
    fn tokens_are_fresh() {
        assert_ne!(new_token().unwrap(), new_token().unwrap());
    }
}
