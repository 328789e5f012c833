//! The vote sign convention of an input file, and the check that catches a file in the raw
//! Pol.is convention (agree = -1) before it is analysed upside down.
//!
//! Pol.is casts an automatic agree vote for the author of every new statement. So in a file
//! with agree = +1 the authors' earliest votes on their own statements are agrees (or passes for
//! some seed statements), and in a raw file they are disagrees.

use std::path::Path;

use engine::{ParticipantId, StatementId, Vote, VoteRecord};
use rayon::prelude::*;

use super::Statement;

/// How the votes of an input file are signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VoteSign {
    /// Agree = +1, checked against the authors' own votes.
    Auto,
    /// Agree = +1 (Pol.is open data, red-dwarf fixtures), without the check.
    AgreePositive,
    /// Agree = -1 (the raw Pol.is convention): every vote is negated on reading.
    AgreeNegative,
}

/// Counts of the authors' earliest votes on their own statements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuthorVotes {
    /// Earliest author votes that read as agree.
    pub agree: usize,
    /// Earliest author votes that read as disagree.
    pub disagree: usize,
    /// Earliest author votes that are passes.
    pub pass: usize,
}

/// Statement ids below this are looked up in a table rather than by binary search.
const DENSE_LOOKUP_LIMIT: usize = 1 << 22;

/// Fewer decisive author votes than this cannot show a convention.
const MIN_DECISIVE_VOTES: usize = 5;

impl AuthorVotes {
    /// Returns whether the votes look like the raw convention: the authors' votes are
    /// overwhelmingly disagree (at least three disagrees for every agree, and at least five).
    ///
    /// The margin keeps files whose authors never cast the automatic vote (synthetic data,
    /// imports from other tools) from being refused on the strength of a few ordinary votes.
    pub fn looks_agree_negative(&self) -> bool {
        self.disagree >= MIN_DECISIVE_VOTES && self.disagree >= 3 * self.agree
    }
}

/// Returns the count of each vote among the authors' earliest votes on their own statements.
pub fn author_votes(votes: &[VoteRecord], statements: &[Statement]) -> AuthorVotes {
    let mut authors: Vec<(StatementId, ParticipantId)> = statements
        .iter()
        .filter_map(|statement| Some((statement.info.id, statement.info.author?)))
        .collect();
    authors.sort_unstable();
    if authors.is_empty() {
        return AuthorVotes::default();
    }
    // Statement ids are usually small and dense: index them directly, and fall back to a
    // binary search for sparse ids.
    let max_id = authors.last().map_or(0, |&(id, _)| id.0 as usize);
    let dense: Option<Vec<u32>> = (max_id < DENSE_LOOKUP_LIMIT).then(|| {
        let mut slots = vec![u32::MAX; max_id + 1];
        for (index, &(id, _)) in authors.iter().enumerate() {
            slots[id.0 as usize] = u32::try_from(index).unwrap_or(u32::MAX);
        }
        slots
    });
    let index_of = |statement: StatementId| -> Option<usize> {
        match &dense {
            Some(slots) => slots
                .get(statement.0 as usize)
                .filter(|&&slot| slot != u32::MAX)
                .map(|&slot| slot as usize),
            None => authors.binary_search_by_key(&statement, |&(id, _)| id).ok(),
        }
    };
    // The earliest author vote per statement: (timestamp, input position, vote).
    type Earliest = Vec<Option<(i64, usize, Vote)>>;
    let merge = |mut left: Earliest, right: Earliest| {
        for (slot, candidate) in left.iter_mut().zip(right) {
            if let Some(candidate) = candidate
                && slot.is_none_or(|current| (candidate.0, candidate.1) < (current.0, current.1))
            {
                *slot = Some(candidate);
            }
        }
        left
    };
    let earliest: Earliest = votes
        .par_iter()
        .enumerate()
        .fold(
            || vec![None; authors.len()],
            |mut earliest: Earliest, (position, record)| {
                if let Some(index) = index_of(record.statement)
                    && authors[index].1 == record.participant
                {
                    let candidate = (record.timestamp, position, record.vote);
                    if earliest[index]
                        .is_none_or(|current| (candidate.0, candidate.1) < (current.0, current.1))
                    {
                        earliest[index] = Some(candidate);
                    }
                }
                earliest
            },
        )
        .reduce(|| vec![None; authors.len()], merge);

    let mut counts = AuthorVotes::default();
    for (_, _, vote) in earliest.into_iter().flatten() {
        match vote {
            Vote::Agree => counts.agree += 1,
            Vote::Disagree => counts.disagree += 1,
            Vote::Pass => counts.pass += 1,
        }
    }
    counts
}

/// Negates every vote: agree becomes disagree and disagree agree; passes stay.
pub fn negate(votes: &mut [VoteRecord]) {
    votes.par_iter_mut().for_each(|record| {
        record.vote = match record.vote {
            Vote::Agree => Vote::Disagree,
            Vote::Disagree => Vote::Agree,
            Vote::Pass => Vote::Pass,
        };
    });
}

/// Applies the chosen convention to `votes` (negating them for `AgreeNegative`) and refuses,
/// under `Auto`, a file whose authors' votes show the raw convention. Returns the authors'
/// votes as read, and prints a warning when a negated file still looks raw.
pub fn settle(
    votes: &mut [VoteRecord],
    statements: &[Statement],
    choice: VoteSign,
    votes_path: &Path,
) -> anyhow::Result<AuthorVotes> {
    let is_negated = choice == VoteSign::AgreeNegative;
    if is_negated {
        negate(votes);
    }
    let author_votes = author_votes(votes, statements);
    if choice == VoteSign::Auto && author_votes.looks_agree_negative() {
        anyhow::bail!(
            "{}: the authors' first votes on their own statements are mostly disagree \
             ({} disagree, {} agree), as in raw Pol.is data where agree = -1; \
             pass --vote-sign agree-negative to read it that way, \
             or --vote-sign agree-positive to read it as it is",
            votes_path.display(),
            author_votes.disagree,
            author_votes.agree
        );
    }
    if is_negated && author_votes.looks_agree_negative() {
        #[allow(
            clippy::print_stderr,
            reason = "a warning for the person running the command"
        )]
        {
            eprintln!(
                "warning: after negation the authors' first votes on their own statements are \
                 mostly disagree ({} disagree, {} agree); the file may already use agree = +1",
                author_votes.disagree, author_votes.agree
            );
        }
    }
    Ok(author_votes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{Moderation, StatementInfo};

    fn statement(id: u32, author: Option<u32>) -> Statement {
        Statement {
            info: StatementInfo {
                id: StatementId(id),
                moderation: Moderation::Accepted,
                is_meta: false,
                author: author.map(ParticipantId),
            },
            text: format!("statement {id}"),
        }
    }

    fn vote(participant: u32, statement: u32, vote: Vote, timestamp: i64) -> VoteRecord {
        VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote,
            timestamp,
        }
    }

    #[test]
    fn only_the_authors_earliest_vote_counts() {
        let statements = [
            statement(1, Some(10)),
            statement(2, Some(20)),
            statement(3, None),
        ];
        let votes = [
            vote(10, 1, Vote::Disagree, 50),
            vote(10, 1, Vote::Agree, 5),
            vote(20, 2, Vote::Pass, 7),
            vote(10, 2, Vote::Disagree, 1),
            vote(30, 3, Vote::Disagree, 1),
        ];
        assert_eq!(
            author_votes(&votes, &statements),
            AuthorVotes {
                agree: 1,
                disagree: 0,
                pass: 1
            }
        );
    }

    #[test]
    fn on_equal_timestamps_the_earlier_row_counts() {
        let statements = [statement(1, Some(10))];
        let votes = [vote(10, 1, Vote::Agree, 5), vote(10, 1, Vote::Disagree, 5)];
        assert_eq!(author_votes(&votes, &statements).agree, 1);
    }

    #[test]
    fn a_flipped_file_looks_agree_negative_and_a_mixed_one_does_not() {
        let statements: Vec<Statement> = (0..10).map(|id| statement(id, Some(id + 100))).collect();
        let mut votes: Vec<VoteRecord> = (0..10)
            .map(|id| {
                vote(
                    id + 100,
                    id,
                    if id == 0 { Vote::Pass } else { Vote::Agree },
                    1,
                )
            })
            .collect();
        assert!(!author_votes(&votes, &statements).looks_agree_negative());
        negate(&mut votes);
        let flipped = author_votes(&votes, &statements);
        assert_eq!((flipped.agree, flipped.disagree, flipped.pass), (0, 9, 1));
        assert!(flipped.looks_agree_negative());

        let mixed = AuthorVotes {
            agree: 4,
            disagree: 6,
            pass: 0,
        };
        assert!(!mixed.looks_agree_negative());
        let few = AuthorVotes {
            agree: 0,
            disagree: 4,
            pass: 0,
        };
        assert!(!few.looks_agree_negative());
    }
}
