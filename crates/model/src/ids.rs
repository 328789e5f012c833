//! Id newtypes, so that a statement id can never be passed where a dialogue id is expected.
//!
//! Ids are the database's 64-bit row ids. They serialise as bare integers.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// Returns the raw row id.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

id_type!(
    /// Identifies a partnership.
    PartnershipId
);
id_type!(
    /// Identifies a partner organisation.
    PartnerId
);
id_type!(
    /// Identifies a convenor account.
    ConvenorId
);
id_type!(
    /// Identifies an invitation to represent a partner.
    InvitationId
);
id_type!(
    /// Identifies an invitation to convene a partnership.
    ConvenorInvitationId
);
id_type!(
    /// Identifies an invitation to facilitate a dialogue.
    FacilitatorInvitationId
);
id_type!(
    /// Identifies an invitation to moderate a dialogue.
    ModeratorInvitationId
);
id_type!(
    /// Identifies a dialogue.
    DialogueId
);
id_type!(
    /// Identifies a constituency of one dialogue.
    ConstituencyId
);
id_type!(
    /// Identifies a statement; unique across dialogues.
    StatementId
);
id_type!(
    /// Identifies a participant; a participant belongs to exactly one dialogue.
    ParticipantId
);
id_type!(
    /// Identifies a priority list of a partnership.
    PriorityListId
);
id_type!(
    /// Identifies a constituency of one priority list.
    PriorityConstituencyId
);
id_type!(
    /// Identifies an option of a priority list; unique across lists.
    PriorityOptionId
);
id_type!(
    /// Identifies a participant of a priority list; a participant belongs to exactly one list.
    PriorityParticipantId
);
id_type!(
    /// Identifies one comparison of two options; larger ids were recorded later.
    ComparisonId
);
id_type!(
    /// Identifies a wave of a partnership's trust survey.
    TrustWaveId
);
id_type!(
    /// Identifies a system map of a partnership.
    SystemMapId
);
id_type!(
    /// Identifies a factor of a system map; unique across maps.
    MapFactorId
);
id_type!(
    /// Identifies a link (an influence) of a system map; unique across maps.
    MapLinkId
);
id_type!(
    /// Identifies one recorded vote event in a dialogue's history; larger ids were recorded later.
    VoteEventId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_bare_integers() {
        let json = serde_json::to_string(&DialogueId(42)).unwrap();
        assert_eq!(json, "42");
        let back: StatementId = serde_json::from_str("7").unwrap();
        assert_eq!(back, StatementId(7));
        assert_eq!(back.to_string(), "7");
    }
}
