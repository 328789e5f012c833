//! Single-use invitations to one place: to convene a partnership, or to facilitate or moderate
//! a dialogue. A convenor makes one, and the person who accepts it, with a new account or an
//! existing one, takes up the role there. Every kind keeps the same record and differs only in
//! where it leads.

use model::{
    ConvenorId, ConvenorInvitationId, DialogueId, Email, FacilitatorInvitationId,
    ModeratorInvitationId, PartnershipId,
};

use super::InvitationStatus;

/// A single-use invitation to take up a role in `Place`; the store keeps only its token's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceInvitation<Id, Place> {
    /// Its id.
    pub id: Id,
    /// Where the invited person takes up the role: the partnership to convene or the dialogue
    /// to facilitate.
    pub place: Place,
    /// When it was made.
    pub created_at: i64,
    /// The convenor who made it; `None` once their account is erased.
    pub created_by: Option<ConvenorId>,
    /// The only address that may accept it, if the convenor named one.
    pub email: Option<Email>,
    /// The moment it stops being usable.
    pub expires_at: i64,
    /// The moment it was revoked, if it was.
    pub revoked_at: Option<i64>,
    /// The moment it was accepted, if it was.
    pub accepted_at: Option<i64>,
    /// The account that accepted it; `None` until then, and once that account is erased.
    pub accepted_by: Option<ConvenorId>,
}

impl<Id, Place> PlaceInvitation<Id, Place> {
    /// Returns where the invitation stands at `now`: acceptance and revocation are final, and
    /// otherwise it expires at `expires_at`.
    pub fn status(&self, now: i64) -> InvitationStatus {
        InvitationStatus::at(self.accepted_at, self.revoked_at, self.expires_at, now)
    }
}

/// What is needed to invite someone to take up a role in `Place`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlaceInvitation<Place> {
    /// Where the role is: the partnership to convene or the dialogue to facilitate.
    pub place: Place,
    /// The address it is sent to, if known.
    pub email: Option<Email>,
    /// The convenor making it.
    pub created_by: ConvenorId,
    /// When it is made.
    pub created_at: i64,
    /// When it stops being valid.
    pub expires_at: i64,
}

/// An invitation to convene a partnership.
pub type ConvenorInvitation = PlaceInvitation<ConvenorInvitationId, PartnershipId>;
/// What is needed to invite someone to convene a partnership.
pub type NewConvenorInvitation = NewPlaceInvitation<PartnershipId>;
/// An invitation to facilitate a dialogue: to key its paper cards and enter votes for people
/// at events or on the phone.
pub type FacilitatorInvitation = PlaceInvitation<FacilitatorInvitationId, DialogueId>;
/// What is needed to invite someone to facilitate a dialogue.
pub type NewFacilitatorInvitation = NewPlaceInvitation<DialogueId>;
/// An invitation to moderate a dialogue: to work through its moderation and safeguarding
/// queues and add translations and easy-read versions of its statements.
pub type ModeratorInvitation = PlaceInvitation<ModeratorInvitationId, DialogueId>;
/// What is needed to invite someone to moderate a dialogue.
pub type NewModeratorInvitation = NewPlaceInvitation<DialogueId>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_convenor_invitation_is_pending_until_it_expires_and_final_once_used_or_revoked() {
        let pending = ConvenorInvitation {
            id: ConvenorInvitationId(1),
            place: PartnershipId(3),
            email: None,
            created_by: Some(ConvenorId(4)),
            created_at: 100,
            expires_at: 200,
            accepted_at: None,
            accepted_by: None,
            revoked_at: None,
        };
        assert_eq!(pending.status(199), InvitationStatus::Pending);
        assert_eq!(pending.status(200), InvitationStatus::Expired);
        let accepted = ConvenorInvitation {
            accepted_at: Some(150),
            accepted_by: Some(ConvenorId(5)),
            ..pending.clone()
        };
        assert_eq!(accepted.status(500), InvitationStatus::Accepted);
        let revoked = ConvenorInvitation {
            revoked_at: Some(150),
            ..pending
        };
        assert_eq!(revoked.status(500), InvitationStatus::Revoked);
    }
}
