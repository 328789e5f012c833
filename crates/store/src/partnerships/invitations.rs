//! The records of representation: who speaks for a partner, and the single-use invitations
//! that make someone do so.

use model::{ConvenorId, Email, InvitationId, PartnerId, PartnershipId, PasswordHash};

/// A person who currently speaks for a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Representative {
    /// The partner represented.
    pub partner: PartnerId,
    /// The account that represents it.
    pub account: ConvenorId,
    /// The account's email address.
    pub email: Email,
    /// When the representation began.
    pub since: i64,
}

/// Where an invitation stands at a given time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationStatus {
    /// It can still be accepted.
    Pending,
    /// Someone accepted it.
    Accepted,
    /// A convenor revoked it before it was accepted.
    Revoked,
    /// Its time ran out before it was accepted.
    Expired,
}

/// A single-use invitation to represent a partner; the store keeps only its token's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    /// Its id.
    pub id: InvitationId,
    /// The partner the invited person will represent.
    pub partner: PartnerId,
    /// The partnership that partner belongs to.
    pub partnership: PartnershipId,
    /// The address it was sent to, if the convenor gave one.
    pub email: Option<Email>,
    /// The convenor who made it, while their account exists.
    pub created_by: Option<ConvenorId>,
    /// When it was made.
    pub created_at: i64,
    /// When it stops being valid.
    pub expires_at: i64,
    /// When it was accepted, if it was.
    pub accepted_at: Option<i64>,
    /// The account that accepted it, while that account exists.
    pub accepted_by: Option<ConvenorId>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
}

impl Invitation {
    /// Returns where the invitation stands at `now`: acceptance and revocation are final, and
    /// otherwise it expires at `expires_at`.
    pub fn status(&self, now: i64) -> InvitationStatus {
        InvitationStatus::at(self.accepted_at, self.revoked_at, self.expires_at, now)
    }
}

impl InvitationStatus {
    /// Returns where an invitation with these times stands at `now`: acceptance and
    /// revocation are final, and otherwise it expires at `expires_at`.
    pub fn at(
        accepted_at: Option<i64>,
        revoked_at: Option<i64>,
        expires_at: i64,
        now: i64,
    ) -> Self {
        if accepted_at.is_some() {
            Self::Accepted
        } else if revoked_at.is_some() {
            Self::Revoked
        } else if now >= expires_at {
            Self::Expired
        } else {
            Self::Pending
        }
    }
}

/// What is needed to invite someone to represent a partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvitation {
    /// The partner to represent; it must not be archived.
    pub partner: PartnerId,
    /// The address it is sent to, if known.
    pub email: Option<Email>,
    /// The convenor making it.
    pub created_by: ConvenorId,
    /// When it is made.
    pub created_at: i64,
    /// When it stops being valid.
    pub expires_at: i64,
}

/// Who accepts an invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AcceptInvitation {
    /// A new account with this email and password; it may convene only when the invitation
    /// is to convene.
    NewAccount {
        /// Its email address; must not be in use.
        email: Email,
        /// The argon2id hash of the chosen password.
        password_hash: PasswordHash,
    },
    /// An existing account, signed in.
    Existing(ConvenorId),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation() -> Invitation {
        Invitation {
            id: InvitationId(1),
            partner: PartnerId(2),
            partnership: PartnershipId(3),
            email: None,
            created_by: Some(ConvenorId(4)),
            created_at: 100,
            expires_at: 200,
            accepted_at: None,
            accepted_by: None,
            revoked_at: None,
        }
    }

    #[test]
    fn an_invitation_is_pending_until_it_expires_and_final_once_used_or_revoked() {
        let pending = invitation();
        assert_eq!(pending.status(199), InvitationStatus::Pending);
        assert_eq!(pending.status(200), InvitationStatus::Expired);
        let accepted = Invitation {
            accepted_at: Some(150),
            accepted_by: Some(ConvenorId(5)),
            ..invitation()
        };
        assert_eq!(accepted.status(500), InvitationStatus::Accepted);
        let revoked = Invitation {
            revoked_at: Some(150),
            ..invitation()
        };
        assert_eq!(revoked.status(120), InvitationStatus::Revoked);
        assert_eq!(revoked.status(500), InvitationStatus::Revoked);
    }
}
