//! System maps: a partnership's maps of the factors of its local system and the signed
//! influences (links) between them, the judgments of each link by the partners and, when a
//! convenor opens the map to them, by the participants of a linked dialogue, and settlement
//! actions pinned to the factor they push.
//!
//! Every proposal records who made it: the account and, when it spoke for a partner, that
//! partner. A link joins two factors of the same map, at most once in each direction; a link
//! from a factor to itself is a self-loop, which the analysis counts as a loop of length one.
//! Each judge (a partner, or a participant) has one judgment per link, replaced when it judges
//! again. A closed map keeps everything but takes no more proposals, judgments or pins. Times
//! are milliseconds since the Unix epoch from the caller's clock.

use async_trait::async_trait;
use model::{
    ConstituencyId, ConvenorId, DialogueId, MapFactorId, MapLinkId, ParticipantId, PartnerId,
    PartnershipId, SystemMapId,
};

use crate::settlements::ActionId;
use crate::store::StoreResult;

/// The most characters in a map's title, a factor's name or a sector tag.
pub const MAX_MAP_NAME_CHARS: usize = 200;
/// The most characters in a map's description or a link's evidence note.
pub const MAX_MAP_TEXT_CHARS: usize = 4_000;
/// The most factors a map may hold.
pub const MAX_MAP_FACTORS: usize = 2_000;
/// The most links a map may hold.
pub const MAX_MAP_LINKS: usize = 20_000;

/// Whether more of one factor leads to more (`+`) or to less (`-`) of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkSign {
    /// More leads to more.
    Positive,
    /// More leads to less.
    Negative,
}

impl LinkSign {
    /// The symbol stored and used in files, `+` or `-`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkSign::Positive => "+",
            LinkSign::Negative => "-",
        }
    }

    /// Reads `+` or `-`.
    pub fn parse(text: &str) -> Option<LinkSign> {
        match text {
            "+" => Some(LinkSign::Positive),
            "-" => Some(LinkSign::Negative),
            _ => None,
        }
    }
}

/// A judge's view of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkJudgment {
    /// The influence is real, with this sign.
    Agree,
    /// It is not.
    Disagree,
    /// The judge cannot say.
    Unsure,
}

impl LinkJudgment {
    /// The word stored and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkJudgment::Agree => "agree",
            LinkJudgment::Disagree => "disagree",
            LinkJudgment::Unsure => "unsure",
        }
    }

    /// Reads the stored word.
    pub fn parse(text: &str) -> Option<LinkJudgment> {
        match text {
            "agree" => Some(LinkJudgment::Agree),
            "disagree" => Some(LinkJudgment::Disagree),
            "unsure" => Some(LinkJudgment::Unsure),
            _ => None,
        }
    }
}

/// Which way a pinned action pushes its factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PinPush {
    /// More of the factor.
    Up,
    /// Less of the factor.
    Down,
}

impl PinPush {
    /// The word stored and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            PinPush::Up => "up",
            PinPush::Down => "down",
        }
    }

    /// Reads the stored word.
    pub fn parse(text: &str) -> Option<PinPush> {
        match text {
            "up" => Some(PinPush::Up),
            "down" => Some(PinPush::Down),
            _ => None,
        }
    }
}

/// Who proposed a factor or a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proposer {
    /// The account, if known and not deleted.
    pub account: Option<ConvenorId>,
    /// The partner it spoke for; `None` when it proposed as a convenor.
    pub partner: Option<PartnerId>,
}

/// A partnership's system map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemMap {
    /// Its id.
    pub id: SystemMapId,
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its title.
    pub title: String,
    /// What it maps, possibly empty.
    pub description: String,
    /// The dialogue whose participants may judge its links, once opened to them.
    pub dialogue: Option<DialogueId>,
    /// Whether a convenor opened the judging of links to the linked dialogue's participants.
    pub participants_may_judge: bool,
    /// When it was created.
    pub created_at: i64,
    /// The convenor who created it, if known and not deleted.
    pub created_by: Option<ConvenorId>,
    /// When a convenor closed it.
    pub closed_at: Option<i64>,
}

impl SystemMap {
    /// Returns whether the map takes proposals, judgments and pins.
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// A map to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSystemMap {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its title, not blank.
    pub title: String,
    /// Its description.
    pub description: String,
    /// A dialogue of the same partnership whose participants may judge.
    pub dialogue: Option<DialogueId>,
    /// Whether they may judge from the start.
    pub participants_may_judge: bool,
    /// The convenor creating it.
    pub created_by: Option<ConvenorId>,
    /// The moment of creation.
    pub now: i64,
}

/// What a convenor changes about a map; `None` keeps the stored value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemMapChanges {
    /// A new title.
    pub title: Option<String>,
    /// A new description.
    pub description: Option<String>,
    /// A new linked dialogue (`Some(None)` unlinks it).
    pub dialogue: Option<Option<DialogueId>>,
    /// Whether the linked dialogue's participants may judge.
    pub participants_may_judge: Option<bool>,
    /// Whether to close the map now; a closed map is not reopened.
    pub close: bool,
}

/// A factor of a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapFactor {
    /// Its id.
    pub id: MapFactorId,
    /// The map.
    pub map: SystemMapId,
    /// What it is, e.g. "Loneliness among older people".
    pub name: String,
    /// The partner whose area it is, if any.
    pub owner: Option<PartnerId>,
    /// A sector tag, e.g. "housing".
    pub sector: Option<String>,
    /// Who proposed it.
    pub proposer: Proposer,
    /// When it was proposed.
    pub created_at: i64,
}

/// A factor to propose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMapFactor {
    /// The map.
    pub map: SystemMapId,
    /// Its name, not blank, unique in the map ignoring case.
    pub name: String,
    /// The partner whose area it is: a current partner of the map's partnership.
    pub owner: Option<PartnerId>,
    /// A sector tag.
    pub sector: Option<String>,
    /// Who proposes it.
    pub proposer: Proposer,
    /// The moment of the proposal.
    pub now: i64,
}

/// A link (a signed influence) of a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapLink {
    /// Its id.
    pub id: MapLinkId,
    /// The map.
    pub map: SystemMapId,
    /// The factor that influences.
    pub from: MapFactorId,
    /// The factor influenced.
    pub to: MapFactorId,
    /// Its sign.
    pub sign: LinkSign,
    /// Whether it takes effect after a marked delay.
    pub delayed: bool,
    /// A note on the evidence for it, possibly empty.
    pub note: String,
    /// Who proposed it.
    pub proposer: Proposer,
    /// When it was proposed.
    pub created_at: i64,
}

/// A link to propose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMapLink {
    /// The map.
    pub map: SystemMapId,
    /// The factor that influences, of the same map.
    pub from: MapFactorId,
    /// The factor influenced, of the same map (the same factor makes a self-loop).
    pub to: MapFactorId,
    /// Its sign.
    pub sign: LinkSign,
    /// Whether it is delayed.
    pub delayed: bool,
    /// The evidence note.
    pub note: String,
    /// Who proposes it.
    pub proposer: Proposer,
    /// The moment of the proposal.
    pub now: i64,
}

/// Who judges a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Judge {
    /// A partner, through one of its representatives.
    Partner(PartnerId),
    /// A participant of the map's linked dialogue.
    Participant(ParticipantId),
}

/// A judgment of a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapJudgment {
    /// The link.
    pub link: MapLinkId,
    /// The judge.
    pub judge: Judge,
    /// The judgment.
    pub judgment: LinkJudgment,
    /// For a participant, the constituencies it belongs to, in id order; empty for a partner.
    pub constituencies: Vec<ConstituencyId>,
    /// The account that recorded a partner's judgment, if known and not deleted.
    pub recorded_by: Option<ConvenorId>,
    /// When it was last given.
    pub updated_at: i64,
}

/// A judgment to record, replacing the judge's earlier one of the same link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMapJudgment {
    /// The link.
    pub link: MapLinkId,
    /// The judge: a current partner of the map's partnership, or a participant of its linked
    /// dialogue while the map is open to participants.
    pub judge: Judge,
    /// The judgment.
    pub judgment: LinkJudgment,
    /// The account recording a partner's judgment.
    pub recorded_by: Option<ConvenorId>,
    /// The moment.
    pub now: i64,
}

/// A settlement action pinned to the factor it pushes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionPin {
    /// The action.
    pub action: ActionId,
    /// The map of the factor.
    pub map: SystemMapId,
    /// The factor.
    pub factor: MapFactorId,
    /// Which way the action pushes it.
    pub push: PinPush,
    /// Who pinned it, if known and not deleted.
    pub pinned_by: Option<ConvenorId>,
    /// When it was pinned.
    pub pinned_at: i64,
}

/// A pin to make; pinning the same action to the same factor again changes its push.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewActionPin {
    /// The action, of the map's partnership.
    pub action: ActionId,
    /// The factor.
    pub factor: MapFactorId,
    /// Which way.
    pub push: PinPush,
    /// Who pins it.
    pub pinned_by: Option<ConvenorId>,
    /// The moment.
    pub now: i64,
}

/// A factor of an imported map, named by its position in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedFactor {
    /// Its name.
    pub name: String,
    /// The partner whose area it is.
    pub owner: Option<PartnerId>,
    /// A sector tag.
    pub sector: Option<String>,
}

/// A link of an imported map, between positions in the factor list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedLink {
    /// The position of the factor that influences.
    pub from: usize,
    /// The position of the factor influenced.
    pub to: usize,
    /// Its sign.
    pub sign: LinkSign,
    /// Whether it is delayed.
    pub delayed: bool,
    /// Its evidence note.
    pub note: String,
}

/// A whole map to import at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapImport {
    /// The map to create.
    pub map: NewSystemMap,
    /// Its factors.
    pub factors: Vec<ImportedFactor>,
    /// Its links.
    pub links: Vec<ImportedLink>,
    /// Who is recorded as proposing every factor and link.
    pub proposer: Proposer,
}

/// System maps, their factors, links, judgments and action pins.
#[async_trait]
pub trait SystemMapStore: Send + Sync {
    /// Creates a map. Refuses an unknown partnership ([`crate::StoreError::NotFound`]), a
    /// dialogue of another partnership ([`crate::StoreError::NotInPartnership`]) and a blank
    /// or over-long title ([`crate::StoreError::Invalid`]).
    async fn create_system_map(&self, new: NewSystemMap) -> StoreResult<SystemMap>;

    /// Creates a map with all its factors and links in one transaction: either all of it is
    /// stored or nothing is. Refuses what the single writes refuse, and links naming positions
    /// outside the factor list.
    async fn import_system_map(&self, import: MapImport) -> StoreResult<SystemMap>;

    /// Returns a map.
    async fn get_system_map(&self, id: SystemMapId) -> StoreResult<SystemMap>;

    /// Lists a partnership's maps by id.
    async fn list_system_maps(&self, partnership: PartnershipId) -> StoreResult<Vec<SystemMap>>;

    /// Changes a map under its lock. A closed map refuses every change
    /// ([`crate::StoreError::MapClosed`]).
    async fn change_system_map(
        &self,
        id: SystemMapId,
        changes: SystemMapChanges,
        now: i64,
    ) -> StoreResult<SystemMap>;

    /// Adds a factor. Refuses a closed map, a name already on it
    /// ([`crate::StoreError::Duplicate`]), an owner or proposing partner of another
    /// partnership ([`crate::StoreError::NotInPartnership`]) or archived.
    async fn add_map_factor(&self, new: NewMapFactor) -> StoreResult<MapFactor>;

    /// Returns a factor.
    async fn get_map_factor(&self, id: MapFactorId) -> StoreResult<MapFactor>;

    /// Lists a map's factors by id.
    async fn list_map_factors(&self, map: SystemMapId) -> StoreResult<Vec<MapFactor>>;

    /// Adds a link. Refuses a closed map, an unknown factor ([`crate::StoreError::NotFound`]),
    /// a factor of another map ([`crate::StoreError::NotInMap`]), and a second link between
    /// the same factors in the same direction ([`crate::StoreError::Duplicate`]).
    async fn add_map_link(&self, new: NewMapLink) -> StoreResult<MapLink>;

    /// Returns a link.
    async fn get_map_link(&self, id: MapLinkId) -> StoreResult<MapLink>;

    /// Lists a map's links by id.
    async fn list_map_links(&self, map: SystemMapId) -> StoreResult<Vec<MapLink>>;

    /// Records a judgment, replacing the judge's earlier one of the link. Refuses a closed map,
    /// a partner of another partnership or archived, a participant of another dialogue than
    /// the map's ([`crate::StoreError::NotInDialogue`]) or while the map is not open to
    /// participants ([`crate::StoreError::Invalid`]).
    async fn record_map_judgment(&self, new: NewMapJudgment) -> StoreResult<MapJudgment>;

    /// Lists the judgments of a map's links, by link id and then partners before
    /// participants, each by id.
    async fn list_map_judgments(&self, map: SystemMapId) -> StoreResult<Vec<MapJudgment>>;

    /// Pins an action to a factor (again: changes its push). Refuses a closed map and an
    /// action of another partnership ([`crate::StoreError::NotInPartnership`]).
    async fn pin_action(&self, new: NewActionPin) -> StoreResult<ActionPin>;

    /// Lists the pins on a map's factors, by action id and then factor id.
    async fn list_map_pins(&self, map: SystemMapId) -> StoreResult<Vec<ActionPin>>;

    /// Lists the pins of an action, by factor id.
    async fn list_action_pins(&self, action: ActionId) -> StoreResult<Vec<ActionPin>>;
}
