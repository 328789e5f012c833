//! The voice audit by channel: how much of the analysis each channel (online, facilitated,
//! paper) carries, and how its votes on each statement went. The analysis itself counts every
//! vote alike; this only reads the stored votes by the channel each one came through.

use std::collections::{BTreeMap, BTreeSet};

use model::VoteChannel;
use store::LatestVote;

use super::document::{ChannelStatement, ChannelVoice, Tally};

/// Returns the by-channel table of the voice audit from a dialogue's latest votes, the
/// channels in order with those without votes left out; empty when every vote came online,
/// since the table would then say nothing.
pub fn channel_voice(votes: &[LatestVote]) -> Vec<ChannelVoice> {
    if votes.iter().all(|vote| vote.channel == VoteChannel::Online) {
        return Vec::new();
    }
    let mut voters = BTreeSet::new();
    let mut by_channel: BTreeMap<VoteChannel, ChannelCount> = BTreeMap::new();
    for vote in votes {
        voters.insert(vote.participant);
        let count = by_channel.entry(vote.channel).or_default();
        count.votes += 1;
        count.participants.insert(vote.participant);
        let tally = count.statements.entry(vote.statement).or_default();
        match vote.choice {
            model::VoteChoice::Agree => tally.agree += 1,
            model::VoteChoice::Disagree => tally.disagree += 1,
            model::VoteChoice::Pass => tally.pass += 1,
        }
    }
    let n_voters = voters.len();
    let n_votes = votes.len();
    by_channel
        .into_iter()
        .map(|(channel, count)| ChannelVoice {
            channel,
            participants: count.participants.len(),
            votes: count.votes,
            participant_share: share(count.participants.len(), n_voters),
            vote_share: share(count.votes, n_votes),
            statements: count
                .statements
                .into_iter()
                .filter_map(|(statement, tally)| {
                    Some(ChannelStatement {
                        statement: u32::try_from(statement.get()).ok()?,
                        tally,
                    })
                })
                .collect(),
        })
        .collect()
}

/// What one channel holds while the votes are counted.
#[derive(Default)]
struct ChannelCount {
    participants: BTreeSet<model::ParticipantId>,
    votes: usize,
    statements: BTreeMap<model::StatementId, Tally>,
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use model::{ParticipantId, StatementId, VoteChoice};

    use super::*;

    fn vote(
        participant: i64,
        statement: i64,
        choice: VoteChoice,
        channel: VoteChannel,
    ) -> LatestVote {
        LatestVote {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            choice,
            cast_at: 0,
            channel,
        }
    }

    #[test]
    fn only_online_votes_need_no_table() {
        assert!(channel_voice(&[vote(1, 1, VoteChoice::Agree, VoteChannel::Online)]).is_empty());
        assert!(channel_voice(&[]).is_empty());
    }

    #[test]
    fn each_channel_has_its_share_of_voters_and_votes_and_its_tallies() {
        let table = channel_voice(&[
            vote(1, 1, VoteChoice::Agree, VoteChannel::Online),
            vote(1, 2, VoteChoice::Disagree, VoteChannel::Online),
            vote(2, 1, VoteChoice::Agree, VoteChannel::Paper),
            vote(3, 1, VoteChoice::Pass, VoteChannel::Paper),
        ]);
        assert_eq!(table.len(), 2);
        assert_eq!(table[0].channel, VoteChannel::Online);
        assert_eq!((table[0].participants, table[0].votes), (1, 2));
        assert!((table[0].participant_share - 1.0 / 3.0).abs() < 1e-12);
        assert!((table[0].vote_share - 0.5).abs() < 1e-12);
        assert_eq!(table[1].channel, VoteChannel::Paper);
        assert_eq!((table[1].participants, table[1].votes), (2, 2));
        assert_eq!(
            table[1].statements,
            [ChannelStatement {
                statement: 1,
                tally: Tally {
                    agree: 1,
                    disagree: 0,
                    pass: 1
                }
            }]
        );
    }
}
