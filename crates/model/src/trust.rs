//! One partner's answer about another in a trust survey: the level of their relationship and,
//! when there is one, six items on a 1–4 scale (each may be "don't know") and what the other
//! partner contributes.
//!
//! Holding a [`TrustAnswer`] proves it consistent: every item is 1 to 4, and a partner that
//! reports no relationship answers no item and names no contribution.

use std::collections::BTreeSet;

use crate::kinds::{ContributionKind, RelationshipLevel};

/// The number of items asked about each relationship.
pub const TRUST_ITEMS: usize = 6;

/// The items' names, in their order: three of trust, then three of value.
pub const TRUST_ITEM_NAMES: [&str; TRUST_ITEMS] = [
    "reliable",
    "mission",
    "open",
    "influence",
    "involvement",
    "resources",
];

/// An answer to one item: 1 (not at all) to 4 (very much).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemScore(u8);

impl ItemScore {
    /// The lowest answer.
    pub const MIN: u8 = 1;
    /// The highest answer.
    pub const MAX: u8 = 4;

    /// Checks that `value` is 1 to 4.
    pub fn new(value: i64) -> Result<ItemScore, TrustAnswerError> {
        u8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(ItemScore)
            .ok_or(TrustAnswerError::ItemOutOfRange { value })
    }

    /// Returns the answer, 1 to 4.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustAnswerError {
    /// An item's answer is not 1 to 4.
    #[error("each item must be 1 to 4, or left out for \"don't know\"; found {value}")]
    ItemOutOfRange {
        /// The answer given.
        value: i64,
    },
    /// Items or contributions were given about a partner with no relationship.
    #[error(
        "the level is none, so no item may be answered and no contribution named about that partner"
    )]
    AnswersWithoutRelationship,
}

/// A partner's answer about one other partner.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TrustAnswer {
    level: RelationshipLevel,
    items: [Option<ItemScore>; TRUST_ITEMS],
    contributions: BTreeSet<ContributionKind>,
}

impl TrustAnswer {
    /// Checks that items and contributions are given only with a relationship.
    pub fn new(
        level: RelationshipLevel,
        items: [Option<ItemScore>; TRUST_ITEMS],
        contributions: BTreeSet<ContributionKind>,
    ) -> Result<TrustAnswer, TrustAnswerError> {
        if !level.is_tie() && (items.iter().any(Option::is_some) || !contributions.is_empty()) {
            return Err(TrustAnswerError::AnswersWithoutRelationship);
        }
        Ok(TrustAnswer {
            level,
            items,
            contributions,
        })
    }

    /// The level of the relationship.
    pub fn level(&self) -> RelationshipLevel {
        self.level
    }

    /// The six items in [`TRUST_ITEM_NAMES`] order; `None` is "don't know".
    pub fn items(&self) -> [Option<ItemScore>; TRUST_ITEMS] {
        self.items
    }

    /// What the other partner contributes, in vocabulary order.
    pub fn contributions(&self) -> &BTreeSet<ContributionKind> {
        &self.contributions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_one_to_four() {
        assert_eq!(ItemScore::new(1).unwrap().get(), 1);
        assert_eq!(ItemScore::new(4).unwrap().get(), 4);
        for value in [0, 5, -1, 256] {
            assert_eq!(
                ItemScore::new(value),
                Err(TrustAnswerError::ItemOutOfRange { value })
            );
        }
    }

    #[test]
    fn no_relationship_answers_nothing_more() {
        let three = Some(ItemScore::new(3).unwrap());
        let mut items = [None; TRUST_ITEMS];
        assert!(TrustAnswer::new(RelationshipLevel::None, items, BTreeSet::new()).is_ok());
        items[0] = three;
        assert_eq!(
            TrustAnswer::new(RelationshipLevel::None, items, BTreeSet::new()),
            Err(TrustAnswerError::AnswersWithoutRelationship)
        );
        let staff = BTreeSet::from([ContributionKind::Staff]);
        assert_eq!(
            TrustAnswer::new(RelationshipLevel::None, [None; TRUST_ITEMS], staff.clone()),
            Err(TrustAnswerError::AnswersWithoutRelationship)
        );
        let answer = TrustAnswer::new(RelationshipLevel::Cooperation, items, staff).unwrap();
        assert_eq!(answer.items()[0], three);
        assert!(answer.contributions().contains(&ContributionKind::Staff));
    }
}
