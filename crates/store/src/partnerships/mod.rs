//! Partnerships, their partner organisations, the convenors who are members of a partnership,
//! the people who represent a partner, and the invitations that make someone a representative
//! or a convenor.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

mod invitations;
mod place_invitations;

use async_trait::async_trait;
use model::{
    ConvenorId, ConvenorInvitationId, InvitationId, PartnerId, PartnerName, PartnershipId,
    PartnershipName, Purpose, Sector, Token,
};

pub use self::invitations::{
    AcceptInvitation, Invitation, InvitationStatus, NewInvitation, Representative,
};
pub use self::place_invitations::{
    ConvenorInvitation, FacilitatorInvitation, ModeratorInvitation, NewConvenorInvitation,
    NewFacilitatorInvitation, NewModeratorInvitation, NewPlaceInvitation, PlaceInvitation,
};
use crate::accounts::Convenor;
use crate::store::StoreResult;

/// A named alliance with a purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partnership {
    /// Its id.
    pub id: PartnershipId,
    /// Its name.
    pub name: PartnershipName,
    /// What it is for.
    pub purpose: Purpose,
    /// When it was created.
    pub created_at: i64,
}

/// What is needed to create a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPartnership {
    /// Its name.
    pub name: PartnershipName,
    /// What it is for.
    pub purpose: Purpose,
    /// When it is created.
    pub created_at: i64,
    /// A convenor made its first member in the same transaction, if any.
    pub convenor: Option<ConvenorId>,
}

/// What to change in a partnership; `None` keeps the current value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnershipUpdate {
    /// A new name.
    pub name: Option<PartnershipName>,
    /// A new purpose.
    pub purpose: Option<Purpose>,
}

/// An organisation or group in a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    /// Its id.
    pub id: PartnerId,
    /// The partnership it belongs to.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: PartnerName,
    /// Its sector.
    pub sector: Sector,
    /// When it was added.
    pub created_at: i64,
    /// When it was removed while having history, which is then kept; `None` while active.
    pub archived_at: Option<i64>,
}

/// What is needed to add a partner to a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPartner {
    /// The partnership it joins.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: PartnerName,
    /// Its sector.
    pub sector: Sector,
    /// When it is added.
    pub created_at: i64,
}

/// What to change in a partner; `None` keeps the current value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerUpdate {
    /// A new name.
    pub name: Option<PartnerName>,
    /// A new sector.
    pub sector: Option<Sector>,
}

/// What removing a partner did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnerRemoval {
    /// The partner had no history and is gone.
    Deleted,
    /// The partner had representatives or invitations, so it is kept, archived, as it now is.
    Archived(Partner),
}

/// Partnerships, partners, convenor memberships, representatives and invitations.
#[async_trait]
pub trait PartnershipStore: Send + Sync {
    /// Creates a partnership; with a convenor, also makes them its first member in the same
    /// transaction (an unknown convenor is refused with `NotFound(Convenor)` and nothing is
    /// created).
    async fn create_partnership(&self, new: NewPartnership) -> StoreResult<Partnership>;

    /// Returns a partnership.
    async fn get_partnership(&self, id: PartnershipId) -> StoreResult<Partnership>;

    /// Lists every partnership.
    async fn list_partnerships(&self) -> StoreResult<Vec<Partnership>>;

    /// Changes a partnership's name or purpose and returns it as it now is.
    async fn update_partnership(
        &self,
        id: PartnershipId,
        update: PartnershipUpdate,
    ) -> StoreResult<Partnership>;

    /// Adds a partner organisation to a partnership.
    async fn create_partner(&self, new: NewPartner) -> StoreResult<Partner>;

    /// Returns a partner organisation, archived or not.
    async fn get_partner(&self, id: PartnerId) -> StoreResult<Partner>;

    /// Lists a partnership's partner organisations, archived ones included.
    async fn list_partners(&self, partnership: PartnershipId) -> StoreResult<Vec<Partner>>;

    /// Changes a partner's name or sector; refuses an archived partner with
    /// [`crate::StoreError::PartnerArchived`].
    async fn update_partner(&self, id: PartnerId, update: PartnerUpdate) -> StoreResult<Partner>;

    /// Removes a partner. One with history (a representative, past or present, or an
    /// invitation ever made) is archived at `now` and its representatives' rights end; one
    /// without is deleted. An already archived partner is returned unchanged.
    async fn remove_partner(&self, id: PartnerId, now: i64) -> StoreResult<PartnerRemoval>;

    /// Makes a convenor a member of a partnership; doing it twice changes nothing.
    async fn add_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<()>;

    /// Ends a convenor's membership of a partnership; returns whether they were a member.
    async fn remove_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<bool>;

    /// Returns whether a convenor is a member of a partnership.
    async fn is_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> StoreResult<bool>;

    /// Lists the convenors who are members of a partnership.
    async fn list_partnership_members(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<Vec<Convenor>>;

    /// Lists the partnerships a convenor is a member of.
    async fn list_convenor_partnerships(
        &self,
        convenor: ConvenorId,
    ) -> StoreResult<Vec<Partnership>>;

    /// Lists a partner's current representatives, in the order they began.
    async fn list_representatives(&self, partner: PartnerId) -> StoreResult<Vec<Representative>>;

    /// Lists the partners, not archived, that an account currently represents, in id order;
    /// refuses an unknown account with `NotFound(Convenor)`.
    async fn list_account_partners(&self, account: ConvenorId) -> StoreResult<Vec<Partner>>;

    /// Returns whether an account currently represents a partner that is not archived.
    async fn is_representative(&self, partner: PartnerId, account: ConvenorId)
    -> StoreResult<bool>;

    /// Ends an account's representation of a partner, keeping it as history; returns whether
    /// it was current.
    async fn remove_representative(
        &self,
        partner: PartnerId,
        account: ConvenorId,
        now: i64,
    ) -> StoreResult<bool>;

    /// Creates an invitation to represent a partner and returns it with its single-use token,
    /// of which only the hash is stored. Refuses an archived partner with
    /// [`crate::StoreError::PartnerArchived`].
    async fn create_invitation(&self, new: NewInvitation) -> StoreResult<(Invitation, Token)>;

    /// Lists a partner's invitations, in id order.
    async fn list_invitations(&self, partner: PartnerId) -> StoreResult<Vec<Invitation>>;

    /// Returns an invitation.
    async fn get_invitation(&self, id: InvitationId) -> StoreResult<Invitation>;

    /// Finds the invitation holding this token, whatever its status.
    async fn find_invitation_by_token(&self, token: &Token) -> StoreResult<Option<Invitation>>;

    /// Revokes an invitation at `now`; revoking it again keeps the first time. Refuses an
    /// accepted invitation with [`crate::StoreError::InvitationUsed`].
    async fn revoke_invitation(&self, id: InvitationId, now: i64) -> StoreResult<Invitation>;

    /// Accepts the invitation holding this token, in one transaction: it must be pending at
    /// `now` ([`crate::StoreError::InvitationUsed`], `InvitationRevoked`, `InvitationExpired`
    /// otherwise; an unknown token is `NotFound(Invitation)`) and its partner not archived.
    /// Creates the account when asked (which may not convene; an email in use is a
    /// `Duplicate`), makes the account a current representative of the partner and marks the
    /// invitation accepted. Of two concurrent acceptances exactly one succeeds.
    async fn accept_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> StoreResult<(Invitation, Convenor)>;

    /// Creates an invitation to convene a partnership and returns it with its single-use
    /// token, of which only the hash is stored. An unknown partnership is
    /// `NotFound(Partnership)`, an unknown convenor `NotFound(Convenor)`.
    async fn create_convenor_invitation(
        &self,
        new: NewConvenorInvitation,
    ) -> StoreResult<(ConvenorInvitation, Token)>;

    /// Lists a partnership's convenor invitations, in id order.
    async fn list_convenor_invitations(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<Vec<ConvenorInvitation>>;

    /// Returns a convenor invitation.
    async fn get_convenor_invitation(
        &self,
        id: ConvenorInvitationId,
    ) -> StoreResult<ConvenorInvitation>;

    /// Finds the convenor invitation holding this token, whatever its status.
    async fn find_convenor_invitation_by_token(
        &self,
        token: &Token,
    ) -> StoreResult<Option<ConvenorInvitation>>;

    /// Revokes a convenor invitation at `now`; revoking it again keeps the first time.
    /// Refuses an accepted invitation with [`crate::StoreError::InvitationUsed`].
    async fn revoke_convenor_invitation(
        &self,
        id: ConvenorInvitationId,
        now: i64,
    ) -> StoreResult<ConvenorInvitation>;

    /// Accepts the convenor invitation holding this token, in one transaction: it must be
    /// pending at `now` ([`crate::StoreError::InvitationUsed`], `InvitationRevoked`,
    /// `InvitationExpired` otherwise; an unknown token is `NotFound(Invitation)`). Creates the
    /// account when asked (an email in use is a `Duplicate`), lets the account convene (an
    /// existing account that could only speak for partners may convene from now on), makes it
    /// a member of the partnership and marks the invitation accepted. Of two concurrent
    /// acceptances exactly one succeeds.
    async fn accept_convenor_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> StoreResult<(ConvenorInvitation, Convenor)>;
}
