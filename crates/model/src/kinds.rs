//! The closed sets of values the product uses: sectors, constituency kinds, moderation, votes,
//! report visibility, analysis weighting and the trust survey's levels, contributions, rater
//! naming and response status.
//!
//! Each value has one snake_case spelling, used in JSON, in the database and in forms.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A string that is not one of a vocabulary's spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} {value:?}")]
pub struct UnknownValueError {
    /// Which vocabulary was being parsed, e.g. `sector`.
    pub vocabulary: &'static str,
    /// The text that matched no value.
    pub value: String,
}

macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        $name:ident, $label:literal {
            $($(#[$vdoc:meta])* $variant:ident => $text:literal,)+
        }
    ) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Lists every value in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Returns the value's one spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValueError;

            fn from_str(text: &str) -> Result<$name, UnknownValueError> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValueError { vocabulary: $label, value: text.to_owned() }),
                }
            }
        }
    };
}

vocabulary!(
    /// The sector a partner organisation belongs to.
    Sector, "sector" {
        /// The National Health Service.
        Nhs => "nhs",
        /// A local council.
        LocalAuthority => "local_authority",
        /// A charity or voluntary organisation.
        Voluntary => "voluntary",
        /// A community group.
        Community => "community",
        /// A business.
        Business => "business",
        /// A university or research body.
        Academic => "academic",
        /// Another public body.
        Public => "public",
    }
);

vocabulary!(
    /// Whether a constituency is made of lay people or of professionals.
    ConstituencyKind, "constituency kind" {
        /// Residents, patients, carers: people speaking from lived experience.
        Lay => "lay",
        /// People speaking from their work.
        Professional => "professional",
    }
);

vocabulary!(
    /// When participants' statements are moderated.
    ModerationPolicy, "moderation policy" {
        /// Participants' statements stay hidden until a convenor accepts them.
        Pre => "pre",
        /// Participants' statements show at once; a convenor may reject them later.
        Post => "post",
    }
);

vocabulary!(
    /// Where a statement stands in moderation.
    ModerationStatus, "moderation status" {
        /// Not reviewed yet: hidden under pre-moderation, shown under post-moderation.
        Pending => "pending",
        /// Accepted by a convenor.
        Accepted => "accepted",
        /// Rejected by a convenor: hidden and left out of the analysis.
        Rejected => "rejected",
    }
);

vocabulary!(
    /// Who may read a dialogue's report.
    ReportVisibility, "report visibility" {
        /// Anyone with the link.
        Public => "public",
        /// Only the partnership's convenors.
        Convenors => "convenors",
    }
);

vocabulary!(
    /// How the analysis weighs participants in its common-ground tallies.
    AnalysisWeighting, "weighting" {
        /// Every participant counts once.
        HeadCount => "head_count",
        /// Every constituency's participants together weigh the same, and so do those in none.
        Equal => "equal",
        /// Constituencies weigh as their shares of a population frame.
        Frame => "frame",
    }
);

vocabulary!(
    /// A participant's reaction to a statement.
    VoteChoice, "vote" {
        /// The participant agrees.
        Agree => "agree",
        /// The participant disagrees.
        Disagree => "disagree",
        /// The participant saw the statement and passed.
        Pass => "pass",
    }
);

vocabulary!(
    /// How a vote reached the dialogue: every vote carries one, so the voice audit can read
    /// the analysis by channel, while the analysis itself counts every vote alike.
    VoteChannel, "channel" {
        /// The participant voted themselves, on a page or through the API.
        Online => "online",
        /// A facilitator keyed it for a person at an event or on the phone.
        Facilitated => "facilitated",
        /// A facilitator keyed it from a printed card the participant filled in.
        Paper => "paper",
    }
);

impl VoteChannel {
    /// Returns the channel's stored number (online = 0, facilitated = 1, paper = 2).
    pub fn value(self) -> i16 {
        match self {
            VoteChannel::Online => 0,
            VoteChannel::Facilitated => 1,
            VoteChannel::Paper => 2,
        }
    }

    /// Returns the channel for a stored number, or `None` for other numbers.
    pub fn from_value(value: i64) -> Option<VoteChannel> {
        match value {
            0 => Some(VoteChannel::Online),
            1 => Some(VoteChannel::Facilitated),
            2 => Some(VoteChannel::Paper),
            _ => None,
        }
    }
}

vocabulary!(
    /// A participant's answer when shown two options of a priority list.
    ComparisonChoice, "comparison choice" {
        /// The option shown on the left matters more.
        Left => "left",
        /// The option shown on the right matters more.
        Right => "right",
        /// "Can't decide".
        Neither => "neither",
    }
);

vocabulary!(
    /// Why a participant could not decide between two options, when they said.
    UndecidedReason, "reason" {
        /// Both options matter equally.
        BothMatterEqually => "both_matter_equally",
        /// The participant does not know enough to choose.
        DontKnowEnough => "dont_know_enough",
    }
);

vocabulary!(
    /// Where an option of a priority list came from.
    OptionOrigin, "option origin" {
        /// A convenor wrote it.
        Convenor => "convenor",
        /// It was drafted from a statement a dialogue found common ground on.
        CommonGround => "common_ground",
        /// A participant of the list added it.
        Participant => "participant",
    }
);

impl VoteChoice {
    /// Returns the vote in the agree = +1, disagree = -1, pass = 0 convention.
    pub fn value(self) -> i8 {
        match self {
            VoteChoice::Agree => 1,
            VoteChoice::Disagree => -1,
            VoteChoice::Pass => 0,
        }
    }

    /// Returns the vote for a value in the agree = +1 convention, or `None` for other values.
    pub fn from_value(value: i64) -> Option<VoteChoice> {
        match value {
            1 => Some(VoteChoice::Agree),
            -1 => Some(VoteChoice::Disagree),
            0 => Some(VoteChoice::Pass),
            _ => None,
        }
    }
}

impl ModerationStatus {
    /// Returns whether a statement with this status is shown to participants (and can be voted
    /// on) in a dialogue with the given policy.
    pub fn is_visible_under(self, policy: ModerationPolicy) -> bool {
        match self {
            ModerationStatus::Accepted => true,
            ModerationStatus::Pending => policy == ModerationPolicy::Post,
            ModerationStatus::Rejected => false,
        }
    }
}

vocabulary!(
    /// How closely a partner works with another, as it reports in a trust survey.
    RelationshipLevel, "relationship level" {
        /// No relationship.
        None => "none",
        /// Aware of each other's work.
        Awareness => "awareness",
        /// Sharing information and support now and then.
        Cooperation => "cooperation",
        /// Planning and acting together on shared tasks.
        Coordination => "coordination",
        /// Shared goals, resources and decisions.
        Integration => "integration",
    }
);

impl RelationshipLevel {
    /// Returns whether the level is a relationship at all (above none).
    pub fn is_tie(self) -> bool {
        self != RelationshipLevel::None
    }
}

vocabulary!(
    /// What a partner contributes to the partnership, as another partner sees it.
    ContributionKind, "contribution" {
        /// Money.
        Funding => "funding",
        /// Paid staff time.
        Staff => "staff",
        /// Volunteers.
        Volunteers => "volunteers",
        /// Data and information.
        Data => "data",
        /// Specialist knowledge.
        Expertise => "expertise",
        /// Links into communities.
        CommunityConnections => "community_connections",
        /// Leadership.
        Leadership => "leadership",
        /// Speaking up for the partnership's cause.
        Advocacy => "advocacy",
        /// Rooms, buildings and equipment.
        Facilities => "facilities",
    }
);

vocabulary!(
    /// Whether a trust survey's results may say which partner gave which answer.
    RaterNaming, "rater naming" {
        /// Only aggregates are shown: no answer can be traced to its partner (the default).
        Protected => "protected",
        /// The partnership agreed that each partner's answers are shown with its name.
        Named => "named",
    }
);

vocabulary!(
    /// Where a partner's answer to a trust survey wave stands.
    ResponseStatus, "response status" {
        /// Saved to finish later; not counted in the results.
        Draft => "draft",
        /// Submitted: counted in the results, and still editable until the wave closes.
        Submitted => "submitted",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_spelling_and_json() {
        for sector in Sector::ALL {
            assert_eq!(sector.as_str().parse::<Sector>().unwrap(), *sector);
            let json = serde_json::to_string(sector).unwrap();
            assert_eq!(json, format!("\"{}\"", sector.as_str()));
        }
        for choice in VoteChoice::ALL {
            assert_eq!(
                VoteChoice::from_value(i64::from(choice.value())),
                Some(*choice)
            );
        }
        assert_eq!(
            "local_authority".parse::<Sector>().unwrap(),
            Sector::LocalAuthority
        );
    }

    #[test]
    fn unknown_spellings_are_refused_with_the_vocabulary_named() {
        let error = "NHS".parse::<Sector>().unwrap_err();
        assert_eq!(error.to_string(), "unknown sector \"NHS\"");
        assert!(serde_json::from_str::<VoteChoice>("\"maybe\"").is_err());
        assert_eq!(VoteChoice::from_value(2), None);
    }

    #[test]
    fn pending_statements_show_only_under_post_moderation() {
        use ModerationPolicy::{Post, Pre};
        assert!(!ModerationStatus::Pending.is_visible_under(Pre));
        assert!(ModerationStatus::Pending.is_visible_under(Post));
        assert!(ModerationStatus::Accepted.is_visible_under(Pre));
        assert!(!ModerationStatus::Rejected.is_visible_under(Post));
    }
}

vocabulary!(
    /// Why a statement needs a safeguarding moderator, from the highest risk to the lowest: the
    /// concern of a screening finding or the reason a participant gave for a flag.
    SafeguardingConcern, "safeguarding concern" {
        /// Possible disclosure of harm or a crisis.
        Disclosure => "disclosure",
        /// Personal or patient-identifiable details.
        PersonalDetails => "personal_details",
        /// Abuse aimed at people.
        Abuse => "abuse",
        /// Possible health misinformation (flagged by people, never guessed).
        Misinformation => "misinformation",
        /// Something else a participant flagged.
        Other => "other",
    }
);

vocabulary!(
    /// What a moderator decided about a statement, as the decisions log records it.
    ModerationAction, "moderation action" {
        /// Accepted as written.
        Accept => "accept",
        /// Rejected, with a reason from [`RejectionReason`].
        Reject => "reject",
        /// Accepted with the text edited (the author's original kept).
        Edit => "edit",
        /// Accepted with personal details replaced by `[removed]` (the original kept).
        Redact => "redact",
    }
);

vocabulary!(
    /// The reasons a moderator may give for rejecting a statement.
    RejectionReason, "rejection reason" {
        /// It names or identifies a person, or holds their contact or health details.
        PersonalDetails => "personal_details",
        /// It is abusive.
        Abusive => "abusive",
        /// It spreads health information that is not true.
        Misinformation => "misinformation",
        /// It is not about the dialogue's question.
        OffTopic => "off_topic",
        /// It says what another statement already says.
        Duplicate => "duplicate",
        /// It is not a statement people could agree or disagree with.
        NotAStatement => "not_a_statement",
        /// It asks for help, which a moderator follows up outside the dialogue.
        NeedsFollowUp => "needs_follow_up",
    }
);
