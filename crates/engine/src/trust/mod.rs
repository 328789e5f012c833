//! Trust between partners, measured wave after wave: each partner rates its relationship with
//! every other partner, and the partnership sees who is trusted and valued, how dense and how
//! centralised its network is, whether community groups trust the agencies as much as the
//! agencies trust them, and what changed since the last wave.
//!
//! # The survey
//!
//! In a wave, a partner that answers (a *respondent*) rates each other partner: the level of
//! their relationship ([`Level`]: none, awareness, cooperation, coordination, integration) and,
//! where there is one, six items on a 1–4 scale or "don't know" ([`Item`]): *reliable*,
//! *supports the mission* and *open to discussion* measure trust; *power and influence*, *level
//! of involvement* and *resources contributed* measure value. It may also name what the other
//! partner contributes ([`Contribution`]).
//!
//! # The scores
//!
//! - **A rater's view** of a partner is the mean of the trust items it answered (and likewise
//!   of the value items); "don't know" is left out, never counted as 0, and a rater that
//!   answered none of the three gives no view.
//! - **Trust of a partner** is the mean of its raters' views, each rater counting once; a
//!   partner no rater gave a view of has no score (`None`), not zero. Value likewise.
//! - **Intervals** are 95% Student t intervals over the raters' views,
//!   `mean ± t(0.975, k − 1) · s / √k` with `k` raters and `s` their standard deviation, cut
//!   to the scale's 1–4; with one rater there is no interval.
//! - **Ties.** Two partners are tied in a wave when either reports a level above none about
//!   the other. A partner's *degree* is its number of ties. **Density** is ties ÷
//!   `n(n − 1)/2`; **Freeman degree centralisation** is `Σ_i (d_max − d_i) / ((n − 1)(n − 2))`,
//!   1 for a star and 0 for a ring or a complete graph (defined from 3 partners on).
//! - **Reciprocity** is the share of ties reported by both sides, among the pairs where each
//!   side answered about the other: a tie with a partner that did not answer cannot be
//!   reciprocated, so it is left out rather than counted as one-sided.
//! - **Response rate** is respondents ÷ partners; the partners that did not answer and the
//!   ratings respondents left out are counted and reported, never filled in.
//! - **Network trust and value** are the means over the partners that have a score, each
//!   partner counting once, with a t interval over those scores.
//! - **Asymmetry.** For each [`Divide`] (community and voluntary against statutory; lay-led
//!   against professional), the trust one side gives the other is the mean over that side's
//!   raters of each rater's mean view of the other side's partners it rated; the difference of
//!   the two directions gets a 95% Welch interval (the two sides' raters are different
//!   partners).
//! - **Change between consecutive waves**: per partner, the difference of its trust (and
//!   value) with a Welch interval over the two waves' raters' views; for the network, the
//!   mean over partners of the change in their score (trust, value) or in their normalised
//!   degree `d_i/(n − 1)`, whose mean is the density, with a paired t interval over partners.
//!   A change is flagged when its interval leaves out zero.

mod estimate;
mod network;
mod scores;

pub use estimate::{Change, Estimate, Quantiles, t_quantile_975};
pub use scores::{Asymmetry, PartnerChange, PartnerScore, TrustResults, WaveChange, WaveResult};

/// The six items, in the order they are asked and stored.
pub const ITEMS: usize = 6;

/// The lowest and highest answer to an item.
pub const SCALE: (u8, u8) = (1, 4);

/// The level of a relationship one partner reports with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// No relationship.
    None,
    /// Each knows what the other does.
    Awareness,
    /// They exchange information and take part in each other's work.
    Cooperation,
    /// They plan and work together on shared activities.
    Coordination,
    /// They share aims, resources and decisions.
    Integration,
}

impl Level {
    /// Every level, from none to integration.
    pub const ALL: [Level; 5] = [
        Level::None,
        Level::Awareness,
        Level::Cooperation,
        Level::Coordination,
        Level::Integration,
    ];

    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Awareness => "awareness",
            Level::Cooperation => "cooperation",
            Level::Coordination => "coordination",
            Level::Integration => "integration",
        }
    }

    /// Parses the word used in files and the API.
    pub fn parse(word: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == word)
    }

    /// Whether the level is a relationship (above none).
    pub fn is_tie(self) -> bool {
        self != Level::None
    }
}

/// One of the six items, in the order of [`Rating::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// Trust: the partner is reliable.
    Reliable,
    /// Trust: the partner supports the partnership's mission.
    Mission,
    /// Trust: the partner is open to discussion.
    Open,
    /// Value: the partner's power and influence.
    Influence,
    /// Value: the partner's level of involvement.
    Involvement,
    /// Value: the resources the partner contributes.
    Resources,
}

impl Item {
    /// Every item, in order.
    pub const ALL: [Item; ITEMS] = [
        Item::Reliable,
        Item::Mission,
        Item::Open,
        Item::Influence,
        Item::Involvement,
        Item::Resources,
    ];

    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Item::Reliable => "reliable",
            Item::Mission => "mission",
            Item::Open => "open",
            Item::Influence => "influence",
            Item::Involvement => "involvement",
            Item::Resources => "resources",
        }
    }

    /// Its position in [`Rating::items`].
    pub fn index(self) -> usize {
        match self {
            Item::Reliable => 0,
            Item::Mission => 1,
            Item::Open => 2,
            Item::Influence => 3,
            Item::Involvement => 4,
            Item::Resources => 5,
        }
    }
}

/// What a partner can contribute to the partnership, as another partner sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Contribution {
    /// Money.
    Funding,
    /// Paid staff time.
    Staff,
    /// Volunteers.
    Volunteers,
    /// Data and information.
    Data,
    /// Specialist knowledge.
    Expertise,
    /// Connections with communities and the people they serve.
    CommunityConnections,
    /// Leading, convening or facilitating.
    Leadership,
    /// Speaking up for the partnership's aims.
    Advocacy,
    /// Rooms, buildings or equipment.
    Facilities,
}

impl Contribution {
    /// Every kind, in order.
    pub const ALL: [Contribution; 9] = [
        Contribution::Funding,
        Contribution::Staff,
        Contribution::Volunteers,
        Contribution::Data,
        Contribution::Expertise,
        Contribution::CommunityConnections,
        Contribution::Leadership,
        Contribution::Advocacy,
        Contribution::Facilities,
    ];

    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Contribution::Funding => "funding",
            Contribution::Staff => "staff",
            Contribution::Volunteers => "volunteers",
            Contribution::Data => "data",
            Contribution::Expertise => "expertise",
            Contribution::CommunityConnections => "community_connections",
            Contribution::Leadership => "leadership",
            Contribution::Advocacy => "advocacy",
            Contribution::Facilities => "facilities",
        }
    }

    /// Parses the word used in files and the API.
    pub fn parse(word: &str) -> Option<Contribution> {
        Contribution::ALL
            .into_iter()
            .find(|kind| kind.as_str() == word)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of [`Contribution`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Contributions(u16);

impl Contributions {
    /// The empty set.
    pub const NONE: Contributions = Contributions(0);

    /// Returns the set with `kind` added.
    #[must_use]
    pub fn with(self, kind: Contribution) -> Contributions {
        Contributions(self.0 | kind.bit())
    }

    /// Whether the set holds `kind`.
    pub fn contains(self, kind: Contribution) -> bool {
        self.0 & kind.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in [`Contribution::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Contribution> {
        Contribution::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }
}

/// A divide between two kinds of partner, along which trust may not be returned in kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Divide {
    /// Community and voluntary organisations (first) against statutory bodies (second).
    CommunityStatutory,
    /// Lay-led organisations (first) against professional ones (second).
    LayProfessional,
}

impl Divide {
    /// Every divide, in order.
    pub const ALL: [Divide; 2] = [Divide::CommunityStatutory, Divide::LayProfessional];

    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Divide::CommunityStatutory => "community_statutory",
            Divide::LayProfessional => "lay_professional",
        }
    }

    /// The words for its first and second side.
    pub fn side_names(self) -> (&'static str, &'static str) {
        match self {
            Divide::CommunityStatutory => ("community_voluntary", "statutory"),
            Divide::LayProfessional => ("lay_led", "professional"),
        }
    }

    fn index(self) -> usize {
        match self {
            Divide::CommunityStatutory => 0,
            Divide::LayProfessional => 1,
        }
    }
}

/// A side of a [`Divide`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Community and voluntary, or lay-led.
    First,
    /// Statutory, or professional.
    Second,
}

/// A partner, as the scores need it: which side of each divide it stands on, if either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Partner {
    /// Per divide, in [`Divide::ALL`] order, its side; `None` for a partner on neither (a
    /// business or a university is neither community nor statutory).
    pub sides: [Option<Side>; 2],
}

impl Partner {
    /// Returns its side of `divide`.
    pub fn side(&self, divide: Divide) -> Option<Side> {
        self.sides[divide.index()]
    }
}

/// One partner's answer about another in one wave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rating {
    /// The wave, as an index into the waves (0 the earliest).
    pub wave: u32,
    /// The partner answering, as an index into the partners.
    pub rater: u32,
    /// The partner it answers about.
    pub ratee: u32,
    /// The level of their relationship.
    pub level: Level,
    /// The six items in [`Item::ALL`] order, 1 to 4, `None` for "don't know"; all `None` when
    /// the level is none.
    pub items: [Option<u8>; ITEMS],
    /// What the rater says the ratee contributes; empty when the level is none.
    pub contributions: Contributions,
}

impl Rating {
    /// Returns the mean of the trust items answered, or `None` when none was.
    pub fn trust_view(&self) -> Option<f64> {
        mean_of_items(&self.items[0..3])
    }

    /// Returns the mean of the value items answered, or `None` when none was.
    pub fn value_view(&self) -> Option<f64> {
        mean_of_items(&self.items[3..6])
    }

    /// Returns how many items were answered "don't know" (none when the level is none, where
    /// no item is asked).
    pub fn dont_know(&self) -> usize {
        if self.level.is_tie() {
            self.items.iter().filter(|item| item.is_none()).count()
        } else {
            0
        }
    }
}

fn mean_of_items(items: &[Option<u8>]) -> Option<f64> {
    let (sum, count) = items
        .iter()
        .flatten()
        .fold((0u32, 0u32), |(sum, count), &value| {
            (sum + u32::from(value), count + 1)
        });
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// Everything the scores need.
#[derive(Clone, Copy, Debug)]
pub struct TrustInput<'a> {
    /// The partners, indexed from 0; every partner belongs to every wave.
    pub partners: &'a [Partner],
    /// How many waves there are, in time order.
    pub waves: usize,
    /// Every rating of every wave, in any order.
    pub ratings: &'a [Rating],
}

/// Input the engine refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    /// A rating names a partner the input does not have.
    #[error("a rating in wave {wave} names partner {partner}, but there are only {partners}")]
    UnknownPartner {
        /// The wave index.
        wave: u32,
        /// The index named.
        partner: u32,
        /// How many partners there are.
        partners: usize,
    },
    /// A rating names a wave the input does not have.
    #[error("a rating names wave {wave}, but there are only {waves}")]
    UnknownWave {
        /// The wave index named.
        wave: u32,
        /// How many waves there are.
        waves: usize,
    },
    /// A partner rates itself.
    #[error("partner {partner} rates itself in wave {wave}")]
    SelfRating {
        /// The wave index.
        wave: u32,
        /// The partner.
        partner: u32,
    },
    /// An item's answer is outside 1–4.
    #[error("{item} must be 1 to 4 or \"don't know\", found {value}")]
    ItemOutOfRange {
        /// The item's word.
        item: &'static str,
        /// The answer given.
        value: u8,
    },
    /// A rating with no relationship carries item answers or contributions.
    #[error(
        "partner {rater} reports no relationship with partner {ratee} in wave {wave}, but answers items or names contributions about it"
    )]
    AnswersWithoutRelationship {
        /// The wave index.
        wave: u32,
        /// The rater.
        rater: u32,
        /// The ratee.
        ratee: u32,
    },
    /// The same rater rates the same partner twice in a wave.
    #[error("partner {rater} rates partner {ratee} twice in wave {wave}")]
    DuplicateRating {
        /// The wave index.
        wave: u32,
        /// The rater.
        rater: u32,
        /// The ratee.
        ratee: u32,
    },
}

/// Checks one rating on its own (partners, wave, items); duplicates are found by [`analyze`].
pub fn check(partners: usize, waves: usize, rating: &Rating) -> Result<(), TrustError> {
    if rating.wave as usize >= waves {
        return Err(TrustError::UnknownWave {
            wave: rating.wave,
            waves,
        });
    }
    for partner in [rating.rater, rating.ratee] {
        if partner as usize >= partners {
            return Err(TrustError::UnknownPartner {
                wave: rating.wave,
                partner,
                partners,
            });
        }
    }
    if rating.rater == rating.ratee {
        return Err(TrustError::SelfRating {
            wave: rating.wave,
            partner: rating.rater,
        });
    }
    for (item, answer) in Item::ALL.iter().zip(rating.items) {
        if let Some(value) = answer
            && !(SCALE.0..=SCALE.1).contains(&value)
        {
            return Err(TrustError::ItemOutOfRange {
                item: item.as_str(),
                value,
            });
        }
    }
    if !rating.level.is_tie()
        && (rating.items.iter().any(Option::is_some) || !rating.contributions.is_empty())
    {
        return Err(TrustError::AnswersWithoutRelationship {
            wave: rating.wave,
            rater: rating.rater,
            ratee: rating.ratee,
        });
    }
    Ok(())
}

/// Computes every wave's scores, network measures and asymmetries, and the changes between
/// consecutive waves.
pub fn analyze(input: &TrustInput<'_>) -> Result<TrustResults, TrustError> {
    scores::analyze(input)
}
