//! The access-control matrix: every route of the API and of the pages, requested by each of eleven
//! roles, with the answer each role must get; a check that no route is left out of the matrix;
//! and checks that no answer hands anyone a token or another participant's raw votes.
//!
//! The roles, in the order of the matrix's columns:
//! - anonymous: no session, no participant token;
//! - participant here: a participant of the dialogue the row is about;
//! - participant elsewhere: a participant of a dialogue of another partnership;
//! - convenor here: a convenor of the partnership that owns the dialogue;
//! - convenor elsewhere: a convenor of another partnership only;
//! - admin: an administrator, member of no partnership;
//! - representative here: speaks for the partner the row is about, in the dialogue's
//!   partnership;
//! - representative of another partner: speaks for another partner of the same partnership;
//! - representative elsewhere: speaks for a partner of another partnership only;
//! - facilitator here: keys cards for the dialogue the row is about, and is nothing else to
//!   any partnership (an account that may not convene);
//! - moderator here: moderates the dialogue the row is about (its queues and its statements'
//!   versions), and is nothing else to any partnership (an account that may not convene).
//!
//! Participants send their token as a bearer token to `/api/…` routes and rely on the cookie
//! `cg_participant_<dialogue>` on pages, as browsers do. Rows run in order, and the rows that
//! change data come after the rows that read it, so that no cell changes a later cell's answer.

use std::collections::BTreeSet;
use std::sync::Arc;

use model::{
    ConvenorId, ConvenorInvitationId, DialogueId, Email, InvitationId, PartnerId, PartnerName,
    PartnershipId, PartnershipName, Password, PasswordHash, PriorityListId, PriorityOptionId,
    Purpose, Sector, StatementId, Token, VoteChannel,
};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::{Method, StatusCode, Url};
use serde_json::{Value, json};
use server::Config;
use store::{
    AcceptInvitation, Card, NewConvenor, NewConvenorInvitation, NewFacilitatorInvitation,
    NewInvitation, NewModeratorInvitation, NewPartner, NewPartnership,
};

use crate::support::{TestApp, spawn_app_on};

/// The password of every account of this file.
const PASSWORD: &str = "correct horse battery";

/// An account that signs in only in the last rows, so that signing in changes no earlier cell.
const SPARE_EMAIL: &str = "spare@example.org";

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Anonymous,
    ParticipantHere,
    ParticipantElsewhere,
    ConvenorHere,
    ConvenorElsewhere,
    Admin,
    RepresentativeHere,
    RepresentativeOtherPartner,
    RepresentativeElsewhere,
    FacilitatorHere,
    ModeratorHere,
}

/// The roles in the order of the matrix's columns.
const ROLES: [Role; 11] = [
    Role::Anonymous,
    Role::ParticipantHere,
    Role::ParticipantElsewhere,
    Role::ConvenorHere,
    Role::ConvenorElsewhere,
    Role::Admin,
    Role::RepresentativeHere,
    Role::RepresentativeOtherPartner,
    Role::RepresentativeElsewhere,
    Role::FacilitatorHere,
    Role::ModeratorHere,
];

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Anonymous => "anonymous",
            Role::ParticipantHere => "participant here",
            Role::ParticipantElsewhere => "participant elsewhere",
            Role::ConvenorHere => "convenor here",
            Role::ConvenorElsewhere => "convenor elsewhere",
            Role::Admin => "admin",
            Role::RepresentativeHere => "representative here",
            Role::RepresentativeOtherPartner => "representative of another partner",
            Role::RepresentativeElsewhere => "representative elsewhere",
            Role::FacilitatorHere => "facilitator here",
            Role::ModeratorHere => "moderator here",
        }
    }

    fn is_convenor(self) -> bool {
        matches!(
            self,
            Role::ConvenorHere | Role::ConvenorElsewhere | Role::Admin
        )
    }

    fn column(self) -> usize {
        ROLES
            .iter()
            .position(|role| *role == self)
            .expect("every role has a column")
    }
}

/// The answer one role must get.
#[derive(Clone, Copy, Debug)]
enum Cell {
    /// Success with this status.
    Status(u16),
    /// A redirect here (`{new}` stands for a new id) after doing what was asked.
    Done(&'static str),
    /// A redirect here without doing anything.
    Away(&'static str),
    /// A redirect to the sign-in page, which is to come back to the page asked for.
    SignIn,
    /// 401; the API says `unauthenticated`.
    Unauthenticated,
    /// 403; the API says `forbidden`.
    Forbidden,
    /// Refused with this status; the API says this code.
    Refused(u16, &'static str),
}

impl Cell {
    fn is_success(self) -> bool {
        matches!(self, Cell::Status(_) | Cell::Done(_))
    }
}

const OK: Cell = Cell::Status(200);
const CREATED: Cell = Cell::Status(201);
const ACCEPTED: Cell = Cell::Status(202);
const NO_CONTENT: Cell = Cell::Status(204);
const UNAUTH: Cell = Cell::Unauthenticated;
const FORBID: Cell = Cell::Forbidden;
const SIGN_IN: Cell = Cell::SignIn;
/// 404 `not_found`: what was to be removed is gone already.
const GONE: Cell = Cell::Refused(404, "not_found");
/// 404 `not_found`: the outcomes of a partnership that has not published them.
const HIDDEN: Cell = Cell::Refused(404, "not_found");
/// 404 `not_found`: a calendar feed's secret that is not the partnership's.
const NO_FEED: Cell = Cell::Refused(404, "not_found");
/// Sent to the dialogue's start page (the join page for newcomers), nothing done.
const TO_START: Cell = Cell::Away("/d/{dialogue}");
/// Sent to the priority list's start page (the join page for newcomers), nothing done.
const TO_LIST: Cell = Cell::Away("/p/{list}");

/// What a row's request may change, read from the store before and after each cell.
#[derive(Clone, Copy, Debug)]
enum Witness {
    /// Vote events in the dialogue's history.
    VoteEvents,
    /// The dialogue's statements, whatever their status.
    Statements,
    /// The dialogue's participants.
    Participants,
    /// The dialogue's constituencies.
    Constituencies,
    /// The dialogue's description.
    Description,
    /// Whether the dialogue is open.
    IsOpen,
    /// Whether the dialogue takes statements from participants.
    TakesStatements,
    /// The moderation status of the statement a participant wrote.
    WrittenStatus,
    /// Every participant's constituencies in the dialogue.
    Memberships,
    /// The partnership's dialogues.
    PartnershipDialogues,
    /// The partnership's partner organisations.
    Partners,
    /// Every partnership.
    Partnerships,
    /// Whether the caller's own session is still valid.
    OwnSession,
    /// The partnership's purpose.
    Purpose,
    /// The name of the partner the rows are about.
    PartnerName,
    /// The partnership's convenors.
    Convenors,
    /// The invitations of the partner the rows are about, with their status.
    Invitations,
    /// The people who speak for the partner the rows are about.
    Representatives,
    /// The partnership's invitations to convene it, with their status.
    ConvenorInvitations,
    /// Whether the private dialogue is shared with partners.
    Shared,
    /// The names, shares and kinds of the dialogue's constituencies.
    ConstituencyDetails,
    /// The text of the seed statement nobody votes on.
    FreshSeedText,
    /// The length of the partnership's record of objectives, stances and actions.
    Record,
    /// The objective's language and the translations of its versions.
    ObjectiveTranslations,
    /// Whether the partnership's outcomes page is published.
    Published,
    /// Whether the partnership's calendar feed has an address.
    CalendarFeed,
    /// The partnership's priority lists.
    PriorityLists,
    /// The priority list's description.
    ListDescription,
    /// Whether the priority list is open.
    ListOpen,
    /// The priority list's options, whatever their status.
    ListOptions,
    /// The priority list's language and the translations of its options.
    OptionVersions,
    /// The moderation status of the option a participant added to the list.
    AddedOptionStatus,
    /// The priority list's comparisons.
    Comparisons,
    /// The priority list's participants.
    ListParticipants,
    /// The partnership's trust survey waves.
    TrustWaves,
    /// The open wave's title.
    WaveTitle,
    /// Whether the wave the close row acts on is closed.
    WaveClosed,
    /// The responses to the trust survey's waves, with their answers.
    TrustResponses,
    /// The partnership's system maps.
    SystemMaps,
    /// The map's title.
    MapTitle,
    /// Whether the map the close row acts on is closed.
    MapClosed,
    /// Whether the linked dialogue's participants may judge the map's links.
    MapJudging,
    /// The map's factors.
    MapFactors,
    /// The map's links.
    MapLinks,
    /// The judgments of the map's links.
    MapJudgments,
    /// The actions pinned to the map's factors.
    MapPins,
    /// The dialogue's invitations to facilitate it, with their status.
    FacilitatorInvitations,
    /// The dialogue's invitations to moderate it, with their status.
    ModeratorInvitations,
    /// The translations and easy-read versions of the dialogue's statements.
    StatementVersions,
    /// The dialogue's language settings and the languages its statements were written in.
    DialogueLanguages,
    /// The dialogue's rounds.
    Rounds,
}

/// How a row's witness must behave.
#[derive(Clone, Copy, Debug)]
enum Effect {
    /// The row changes nothing.
    None,
    /// Every success changes the witness, and nothing else does.
    Changes(Witness),
    /// No refusal changes the witness (a success may leave it as it was: closing twice).
    Guards(Witness),
}

#[derive(Clone, Copy, Debug)]
enum Verb {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Verb {
    fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Patch => "PATCH",
            Verb::Delete => "DELETE",
        }
    }

    fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Put => Method::PUT,
            Verb::Patch => Method::PATCH,
            Verb::Delete => Method::DELETE,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Payload {
    None,
    Json(&'static str),
    Form(&'static str),
}

/// One request and the answer each role must get.
///
/// Paths and bodies name the objects of the test world in braces: `{dialogue}` (the dialogue
/// the rows are about), `{private}` (a dialogue of the same partnership whose report only its
/// convenors may read), `{partnership}` (the partnership owning both), `{statement}` (a seed
/// statement), `{written}` (a statement a participant wrote), `{n}` (a number unique to the
/// cell), `{csrf}` (the caller's form token), `{spare_email}` and `{password}`.
#[derive(Clone, Copy, Debug)]
struct Row {
    verb: Verb,
    /// The route as the router declares it.
    route: &'static str,
    path: &'static str,
    payload: Payload,
    effect: Effect,
    /// Whether the participant here acts as a participant who joins just before the cell, so
    /// that erasing them leaves the world's participant for the rows after.
    is_on_fresh_participant: bool,
    cells: [Cell; 11],
}

const fn get(route: &'static str, path: &'static str, cells: [Cell; 11]) -> Row {
    Row {
        verb: Verb::Get,
        route,
        path,
        payload: Payload::None,
        effect: Effect::None,
        is_on_fresh_participant: false,
        cells,
    }
}

const fn post(route: &'static str, path: &'static str, cells: [Cell; 11]) -> Row {
    Row {
        verb: Verb::Post,
        ..get(route, path, cells)
    }
}

const fn put(route: &'static str, path: &'static str, cells: [Cell; 11]) -> Row {
    Row {
        verb: Verb::Put,
        ..get(route, path, cells)
    }
}

const fn patch(route: &'static str, path: &'static str, cells: [Cell; 11]) -> Row {
    Row {
        verb: Verb::Patch,
        ..get(route, path, cells)
    }
}

const fn delete(route: &'static str, path: &'static str, cells: [Cell; 11]) -> Row {
    Row {
        verb: Verb::Delete,
        ..get(route, path, cells)
    }
}

impl Row {
    const fn json(self, body: &'static str) -> Row {
        Row {
            payload: Payload::Json(body),
            ..self
        }
    }

    const fn form(self, body: &'static str) -> Row {
        Row {
            payload: Payload::Form(body),
            ..self
        }
    }

    const fn changes(self, witness: Witness) -> Row {
        Row {
            effect: Effect::Changes(witness),
            ..self
        }
    }

    const fn guards(self, witness: Witness) -> Row {
        Row {
            effect: Effect::Guards(witness),
            ..self
        }
    }

    const fn on_fresh_participant(self) -> Row {
        Row {
            is_on_fresh_participant: true,
            ..self
        }
    }
}

/// Every route, every role. Columns: anonymous, participant here, participant elsewhere,
/// convenor here, convenor elsewhere, admin, representative here, representative of another
/// partner, representative elsewhere, facilitator here, moderator here.
#[rustfmt::skip]
const MATRIX: &[Row] = &[
    // Reading. Public routes first, then participants' and convenors' routes.
    //                                                                                                      anonymous  part. here  part. else  conv. here  conv. else  admin  rep. here  rep. other  rep. else
    get("/healthz", "/healthz",                                                                             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/openapi.json", "/api/openapi.json",                                                           [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/session", "/api/session",                                                                     [UNAUTH, UNAUTH, UNAUTH, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/dialogues", "/api/dialogues",                                                                 [UNAUTH, UNAUTH, UNAUTH, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/dialogues/{id}", "/api/dialogues/{dialogue}",                                                 [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/dialogues/{id}/next", "/api/dialogues/{dialogue}/next",                                       [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/dialogues/{id}/me", "/api/dialogues/{dialogue}/me",                                           [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/dialogues/{id}/me", "/api/dialogues/{dialogue}/me?download=true",                             [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/dialogues/{id}/statements", "/api/dialogues/{dialogue}/statements",                           [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    get("/api/dialogues/{id}/analysis", "/api/dialogues/{dialogue}/analysis",                               [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/dialogues/{id}/analysis", "/api/dialogues/{private}/analysis",                                [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export", "/api/dialogues/{dialogue}/export?format=json",                       [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export", "/api/dialogues/{dialogue}/export?format=polis-zip",                  [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export/{file}", "/api/dialogues/{dialogue}/export/votes.csv",                  [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export/{file}", "/api/dialogues/{dialogue}/export/participants-votes.csv",     [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export/{file}", "/api/dialogues/{dialogue}/export/comments.csv",               [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/dialogues/{id}/export/{file}", "/api/dialogues/{dialogue}/export/summary.csv",                [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/", "/",                                                                                           [OK, OK, OK, Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor"), Cell::Away("/convenor")]),
    get("/static/{file}", "/static/app.css",                                                                [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/login", "/login",                                                                                 [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}", "/d/{dialogue}",                                                                         [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/write", "/d/{dialogue}/write",                                                             [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/d/{id}/me", "/d/{dialogue}/me",                                                                   [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/d/{id}/me/erase", "/d/{dialogue}/me/erase",                                                       [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/d/{id}/me/constituencies", "/d/{dialogue}/me/constituencies",                                     [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/d/{id}/report", "/d/{dialogue}/report",                                                           [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    // A private report explains itself (403, a page saying who may read it) instead of sending
    // the public to the convenors' sign-in.
    get("/d/{id}/report", "/d/{private}/report",                                                            [FORBID, FORBID, FORBID, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/d/{id}/report/statements/{statement}", "/d/{dialogue}/report/statements/{statement}",            [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/report/groups", "/d/{dialogue}/report/groups",                                             [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/d/{id}/report/events", "/d/{dialogue}/report/events",                                             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/report/events", "/d/{private}/report/events",                                              [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/d/{id}/report/map.png", "/d/{dialogue}/report/map.png",                                           [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/report/map.png", "/d/{private}/report/map.png",                                            [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/d/{id}/report/grid.png", "/d/{dialogue}/report/grid.png",                                         [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/report/grid.png", "/d/{private}/report/grid.png",                                          [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/d/{id}/report.pdf", "/d/{dialogue}/report.pdf",                                                   [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/d/{id}/report.pdf", "/d/{private}/report.pdf",                                                    [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor", "/convenor",                                                                           [SIGN_IN, SIGN_IN, SIGN_IN, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/convenor/partnerships/{pid}", "/convenor/partnerships/{partnership}",                             [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/dialogues", "/convenor/partnerships/{partnership}/dialogues",          [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}", "/convenor/dialogues/{dialogue}",                                       [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/settings", "/convenor/dialogues/{dialogue}/settings",                     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/moderation", "/convenor/dialogues/{dialogue}/moderation",                 [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    // Translations and easy read: the dialogue's convenors, administrators and moderators.
    get("/api/dialogues/{id}/versions", "/api/dialogues/{dialogue}/versions",                               [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    get("/convenor/dialogues/{id}/versions", "/convenor/dialogues/{dialogue}/versions",                     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    get("/convenor/dialogues/{id}/qr.svg", "/convenor/dialogues/{dialogue}/qr.svg",                         [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/close", "/convenor/dialogues/{dialogue}/close",                           [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/present", "/convenor/dialogues/{dialogue}/present",                       [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/present", "/convenor/dialogues/{private}/present",                        [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/facilitate", "/convenor/dialogues/{dialogue}/facilitate",                 [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/facilitate/close", "/convenor/dialogues/{dialogue}/facilitate/close",     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/poster", "/convenor/dialogues/{dialogue}/poster",                         [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    // Moderators: convenors invite them; a moderator sees neither the invitations nor this page.
    get("/api/dialogues/{id}/moderator-invitations", "/api/dialogues/{dialogue}/moderator-invitations",     [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/moderators", "/convenor/dialogues/{dialogue}/moderators",                 [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    // Facilitation: convenors invite facilitators; a facilitator keys cards and does nothing else.
    get("/api/dialogues/{id}/facilitator-invitations", "/api/dialogues/{dialogue}/facilitator-invitations", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/facilitators", "/convenor/dialogues/{dialogue}/facilitators",             [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/facilitator/dialogues/{id}/cards", "/facilitator/dialogues/{dialogue}/cards",                     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, OK, FORBID]),
    get("/facilitator/dialogues/{id}/sheet", "/facilitator/dialogues/{dialogue}/sheet?cards=3",             [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, OK, FORBID]),
    // Safeguarding: participants read their held statements' signposting and flag statements;
    // the dialogue's convenors triage; the partnership's convenors read the decisions log.
    get("/api/dialogues/{id}/support", "/api/dialogues/{dialogue}/support",                                 [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/d/{id}/support", "/d/{dialogue}/support",                                                         [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/d/{id}/statements/{statement_id}/flag", "/d/{dialogue}/statements/{statement}/flag",              [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    get("/api/dialogues/{id}/safeguarding/queue", "/api/dialogues/{dialogue}/safeguarding/queue",           [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    get("/convenor/dialogues/{id}/safeguarding", "/convenor/dialogues/{dialogue}/safeguarding",             [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK]),
    get("/api/partnerships/{id}/safeguarding/decisions", "/api/partnerships/{partnership}/safeguarding/decisions", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/safeguarding/decisions.csv", "/api/partnerships/{partnership}/safeguarding/decisions.csv", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/safeguarding/settings", "/api/partnerships/{partnership}/safeguarding/settings", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/safeguarding", "/convenor/partnerships/{partnership}/safeguarding",   [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),

    // The partnership and its partners: its convenors see everything; the people who speak
    // for its partners see the partnership and act for their own partner only.
    get("/api/partnerships", "/api/partnerships", [UNAUTH, UNAUTH, UNAUTH, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/partnerships/{id}", "/api/partnerships/{partnership}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/partners", "/api/partnerships/{partnership}/partners", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/convenors", "/api/partnerships/{partnership}/convenors", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/partners/{partner_id}/invitations", "/api/partnerships/{partnership}/partners/{partner}/invitations", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/partners/{partner_id}/representatives", "/api/partnerships/{partnership}/partners/{partner}/representatives", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/partners/{partner_id}", "/convenor/partnerships/{partnership}/partners/{partner}", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, FORBID, FORBID, FORBID, FORBID]),
    get("/invite/{token}", "/invite/{invite}", [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/invite/{token}", "/invite/{convenor_invite}", [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/partnerships/{id}/convenor-invitations", "/api/partnerships/{partnership}/convenor-invitations", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),

    // Objectives and actions: the partnership's convenors and its partners' representatives
    // read them (drafts stay with the convenors); nobody else sees anything.
    get("/api/partnerships/{id}/decision-rule", "/api/partnerships/{partnership}/decision-rule", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/objectives", "/api/partnerships/{partnership}/objectives", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/evidence-choices", "/api/partnerships/{partnership}/evidence-choices", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/actions", "/api/partnerships/{partnership}/actions", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/objectives/{id}", "/api/objectives/{objective}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/objectives/{id}", "/api/objectives/{draft_objective}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, GONE, GONE, FORBID, FORBID, FORBID]),
    get("/api/actions/{id}", "/api/actions/{action}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/objectives", "/convenor/partnerships/{partnership}/objectives", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/objectives/{id}", "/convenor/objectives/{objective}", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/objectives/{id}/translations", "/api/objectives/{objective}/translations", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/questions", "/convenor/questions", [SIGN_IN, SIGN_IN, SIGN_IN, OK, OK, OK, OK, OK, OK, OK, OK]),

    // Accountability. The outcomes are not published yet: to all but the partnership's
    // convenors (who see a preview) they do not exist. The dashboard, the record and the
    // agreement are for its convenors and its partners' representatives; the calendar feed
    // also, or for whoever holds its secret.
    get("/api/partnerships/{id}/outcomes", "/api/partnerships/{partnership}/outcomes", [HIDDEN, HIDDEN, HIDDEN, OK, HIDDEN, OK, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN]),
    get("/p/{id}/outcomes", "/p/{partnership}/outcomes", [HIDDEN, HIDDEN, HIDDEN, OK, HIDDEN, OK, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN]),
    get("/api/partnerships/{id}/outcomes/publication", "/api/partnerships/{partnership}/outcomes/publication", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/accountability", "/api/partnerships/{partnership}/accountability", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/record", "/api/partnerships/{partnership}/record", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/record.csv", "/api/partnerships/{partnership}/record.csv", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/p/{id}/actions.ics", "/p/{partnership}/actions.ics", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/p/{id}/actions.ics", "/p/{partnership}/actions.ics?token=0000000000000000000000000000000000000000000000000000000000000000", [NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED, NO_FEED]),
    get("/convenor/partnerships/{pid}/accountability", "/convenor/partnerships/{partnership}/accountability", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/agreement", "/convenor/partnerships/{partnership}/agreement", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),

    // Priority lists: anyone reads a list, and its results unless they are for its convenors;
    // its participants are shown pairs and read their own data; its partnership's convenors run
    // it.
    get("/api/partnerships/{id}/priority-lists", "/api/partnerships/{partnership}/priority-lists", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/priority-lists/{id}", "/api/priority-lists/{list}",                                           [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/api/priority-lists/{id}/results", "/api/priority-lists/{list}/results",                           [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    // A list whose results only its partnership's convenors may read.
    get("/api/priority-lists/{id}/results", "/api/priority-lists/{private_list}/results",                   [FORBID, FORBID, FORBID, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/partnerships/{pid}/priority-lists", "/convenor/partnerships/{partnership}/priority-lists", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/priority-lists/{id}", "/convenor/priority-lists/{list}",                                 [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/priority-lists/{id}/versions", "/api/priority-lists/{list}/versions",                         [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/priority-lists/{id}/versions", "/convenor/priority-lists/{list}/versions",               [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/priority-lists/{id}/common-ground", "/convenor/priority-lists/{list}/common-ground",     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/priority-lists/{id}/close", "/convenor/priority-lists/{list}/close",                     [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/priority-lists/{id}/qr.svg", "/convenor/priority-lists/{list}/qr.svg",                   [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/priority-lists/{id}/options", "/api/priority-lists/{list}/options",                           [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/priority-lists/{id}/export", "/api/priority-lists/{list}/export",                             [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/priority-lists/{id}/next", "/api/priority-lists/{list}/next",                                 [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/priority-lists/{id}/me", "/api/priority-lists/{list}/me",                                     [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/priority-lists/{id}/me", "/api/priority-lists/{list}/me?download=true",                       [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    // The list's pages: anyone reads its start page and results; only its participant compares
    // and reads their data, and everyone else is sent to the start page.
    get("/p/{id}", "/p/{list}",                                                                             [OK, Cell::Away("/p/{list}/compare"), OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    get("/p/{id}/compare", "/p/{list}/compare",                                                             [TO_LIST, OK, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST]),
    get("/p/{id}/me", "/p/{list}/me",                                                                       [TO_LIST, OK, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST]),
    get("/p/{id}/me/erase", "/p/{list}/me/erase",                                                           [TO_LIST, OK, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST]),
    get("/p/{id}/results", "/p/{list}/results",                                                             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    // Comparing and adding options: only a participant of this list. A pair is answered once,
    // so exactly one cell may succeed.
    post("/api/priority-lists/{id}/comparisons", "/api/priority-lists/{list}/comparisons",                  [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"left_option_id": {option_a}, "right_option_id": {option_b}, "choice": "left"}"#).changes(Witness::Comparisons),
    post("/api/priority-lists/{id}/me/options", "/api/priority-lists/{list}/me/options",                    [UNAUTH, CREATED, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"text": "A walking group {n}"}"#).changes(Witness::ListOptions),
    // Running a list: its partnership's convenors and administrators only.
    post("/api/partnerships/{id}/priority-lists", "/api/partnerships/{partnership}/priority-lists",         [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "First steps {n}", "question": "Which first?", "constituencies": [{"name": "carer"}]}"#).changes(Witness::PriorityLists),
    patch("/api/priority-lists/{id}", "/api/priority-lists/{list}",                                         [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"description": "Our first year {n}"}"#).changes(Witness::ListDescription),
    post("/api/priority-lists/{id}/options", "/api/priority-lists/{list}/options",                          [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"text": "Free swimming {n}"}"#).changes(Witness::ListOptions),
    post("/api/priority-lists/{id}/options/from-common-ground", "/api/priority-lists/{list}/options/from-common-ground", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ListOptions),
    put("/api/priority-lists/{id}/options/{option_id}/moderation", "/api/priority-lists/{list}/options/{added_option}/moderation", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"status": "rejected", "reason": "Off the question {n}"}"#).guards(Witness::AddedOptionStatus),
    post("/api/priority-lists/{id}/close", "/api/priority-lists/{list}/close",                              [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ListOpen),
    post("/api/priority-lists/{id}/reopen", "/api/priority-lists/{list}/reopen",                            [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ListOpen),
    // Translations of options: the list's convenors; what one convenor removed is gone for the
    // next.
    put("/api/priority-lists/{id}/options/{option_id}/versions/{language}", "/api/priority-lists/{list}/options/{option_a}/versions/cy", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"text": "Nofio am ddim {n}"}"#).changes(Witness::OptionVersions),
    delete("/api/priority-lists/{id}/options/{option_id}/versions/{language}", "/api/priority-lists/{list}/options/{option_a}/versions/cy", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::OptionVersions),
    put("/api/priority-lists/{id}/language", "/api/priority-lists/{list}/language",                        [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"language": "en"}"#).guards(Witness::OptionVersions),
    // The same through the convenors' pages.
    post("/convenor/partnerships/{pid}/priority-lists", "/convenor/partnerships/{partnership}/priority-lists", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{new}"), FORBID, Cell::Done("/convenor/priority-lists/{new}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Health+walks+{n}&question=Which+first%3F&description=&constituencies=carer+%7C+lay&options=Walks+{n}&dialogue=&participant_options=yes&moderation=pre&results_visibility=public&csrf={csrf}").changes(Witness::PriorityLists),
    post("/convenor/priority-lists/{id}/settings", "/convenor/priority-lists/{list}/settings",               [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}?notice=saved"), FORBID, Cell::Done("/convenor/priority-lists/{list}?notice=saved"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=First+steps&question=Which+should+the+partnership+do+first%3F&description=Our+first+year+on+the+page+{n}&participant_options=yes&moderation=pre&results_visibility=public&csrf={csrf}").changes(Witness::ListDescription),
    post("/convenor/priority-lists/{id}/options", "/convenor/priority-lists/{list}/options",                 [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}?notice=option-added"), FORBID, Cell::Done("/convenor/priority-lists/{list}?notice=option-added"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("text=Free+swimming+lessons+{n}&csrf={csrf}").changes(Witness::ListOptions),
    post("/convenor/priority-lists/{id}/options/{option_id}/moderation", "/convenor/priority-lists/{list}/options/{added_option}/moderation", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}?notice=moderated"), FORBID, Cell::Done("/convenor/priority-lists/{list}?notice=moderated"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("decision=reject&reason=Not+for+this+list+{n}&csrf={csrf}").guards(Witness::AddedOptionStatus),
    // Drafting with no statement ticked is refused, to its convenors only.
    post("/convenor/priority-lists/{id}/common-ground", "/convenor/priority-lists/{list}/common-ground",     [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Refused(422, "validation_failed"), FORBID, Cell::Refused(422, "validation_failed"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::ListOptions),
    post("/convenor/priority-lists/{id}/close", "/convenor/priority-lists/{list}/close",                     [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}?notice=closed"), FORBID, Cell::Done("/convenor/priority-lists/{list}?notice=closed"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::ListOpen),
    post("/convenor/priority-lists/{id}/reopen", "/convenor/priority-lists/{list}/reopen",                   [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}?notice=reopened"), FORBID, Cell::Done("/convenor/priority-lists/{list}?notice=reopened"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::ListOpen),
    post("/convenor/priority-lists/{id}/versions", "/convenor/priority-lists/{list}/versions",               [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/priority-lists/{list}/versions?done=put"), FORBID, Cell::Done("/convenor/priority-lists/{list}/versions?done=put"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("action=put&option_id={option_a}&language=pl&text=Basen+{n}&csrf={csrf}").changes(Witness::OptionVersions),
    // The list's forms: only its participant, and only with the form token of their pages
    // (these carry none, so even the participant is refused); everyone else is sent to the
    // start page. Nothing changes.
    post("/p/{id}/compare", "/p/{list}/compare",                                                            [TO_LIST, FORBID, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST])
        .form("left={option_a}&right={option_b}&choice=left").guards(Witness::Comparisons),
    post("/p/{id}/options", "/p/{list}/options",                                                            [TO_LIST, FORBID, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST])
        .form("text=A cycling club {n}").guards(Witness::ListOptions),
    post("/p/{id}/me/erase", "/p/{list}/me/erase",                                                          [TO_LIST, FORBID, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST, TO_LIST])
        .form("confirm=yes").guards(Witness::ListParticipants),
    // Erasing one's own data in a list: only its participant, only themselves.
    delete("/api/priority-lists/{id}/me", "/api/priority-lists/{list}/me",                                  [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .changes(Witness::ListParticipants),
    // Joining through the page keeps the token in a cookie, so it comes after every other row
    // of the list's pages; the participant here was erased above, so everyone joins.
    post("/p/{id}/join", "/p/{list}/join",                                                                  [Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare"), Cell::Done("/p/{list}/compare")])
        .form("constituency=carer").changes(Witness::ListParticipants),
    // Joining a list is open to anyone.
    post("/api/priority-lists/{id}/participants", "/api/priority-lists/{list}/participants",                [CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED])
        .json(r#"{"constituencies": ["carer"]}"#).changes(Witness::ListParticipants),

    // The trust survey: convenors and the partners' representatives read waves and results;
    // convenors open, change, close and export; a partner's own representatives, and nobody
    // else, answer for it, and only while the wave is open.
    get("/api/partnerships/{id}/trust-waves", "/api/partnerships/{partnership}/trust-waves", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/trust-waves/{id}", "/api/trust-waves/{wave}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/trust-waves/{id}/results", "/api/trust-waves/{wave}/results", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/trust", "/api/partnerships/{partnership}/trust", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/partnerships/{id}/trust/export", "/api/partnerships/{partnership}/trust/export", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/api/trust-waves/{id}/my-response", "/api/trust-waves/{wave}/my-response?partner={partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, OK, FORBID, FORBID, FORBID, FORBID]),
    // The same through the pages: the form is its partner's own representatives' only.
    get("/convenor/partnerships/{pid}/trust", "/convenor/partnerships/{partnership}/trust", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/trust-waves/{id}", "/convenor/trust-waves/{wave}", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/trust-waves/{id}/answer", "/convenor/trust-waves/{wave}/answer?partner={partner}", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, OK, FORBID, FORBID, FORBID, FORBID]),
    put("/api/trust-waves/{id}/my-response", "/api/trust-waves/{wave}/my-response?partner={partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, OK, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"answers": []}"#).guards(Witness::TrustResponses),
    put("/api/trust-waves/{id}/my-response", "/api/trust-waves/{closed_wave}/my-response?partner={partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"answers": []}"#).guards(Witness::TrustResponses),
    post("/api/trust-waves/{id}/my-response/submit", "/api/trust-waves/{closed_wave}/my-response/submit?partner={partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID])
        .json(r#"{}"#).guards(Witness::TrustResponses),
    post("/api/partnerships/{id}/trust-waves", "/api/partnerships/{partnership}/trust-waves", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Autumn {n}", "closes_at": "2099-01-01T00:00:00Z"}"#).changes(Witness::TrustWaves),
    patch("/api/trust-waves/{id}", "/api/trust-waves/{wave}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Spring {n}"}"#).changes(Witness::WaveTitle),
    post("/api/trust-waves/{id}/close", "/api/trust-waves/{closing_wave}/close", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::WaveClosed),
    // The same through the pages: saving a draft is the partner's own representatives' only,
    // and nobody's once the wave is closed; convenors open, change and close waves.
    post("/convenor/trust-waves/{id}/answer", "/convenor/trust-waves/{wave}/answer?partner={partner}", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Done("/convenor/trust-waves/{wave}/answer?partner={partner}&notice=saved"), FORBID, FORBID, FORBID, FORBID])
        .form("action=save&csrf={csrf}").guards(Witness::TrustResponses),
    post("/convenor/trust-waves/{id}/answer", "/convenor/trust-waves/{closed_wave}/answer?partner={partner}", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID])
        .form("action=save&csrf={csrf}").guards(Witness::TrustResponses),
    post("/convenor/partnerships/{pid}/trust", "/convenor/partnerships/{partnership}/trust", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/trust-waves/{new}?notice=opened"), FORBID, Cell::Done("/convenor/trust-waves/{new}?notice=opened"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Winter {n}&closes_at=2099-01-01T00:00&rater_naming=protected&csrf={csrf}").changes(Witness::TrustWaves),
    post("/convenor/trust-waves/{id}/settings", "/convenor/trust-waves/{wave}/settings", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/trust-waves/{wave}?notice=saved"), FORBID, Cell::Done("/convenor/trust-waves/{wave}?notice=saved"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Summer {n}&csrf={csrf}").changes(Witness::WaveTitle),
    post("/convenor/trust-waves/{id}/close", "/convenor/trust-waves/{closing_wave}/close", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Refused(409, "conflict"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::WaveClosed),

    // System maps: convenors and the partners' representatives read maps, analyses, ripples
    // and exports; convenors create, change, close and import; convenors (as themselves) and
    // representatives (for their own partner) propose; a partner's own representatives judge
    // for it and the linked dialogue's participants for themselves; the representatives of an
    // action's owner and the convenors pin it.
    get("/api/partnerships/{id}/maps", "/api/partnerships/{partnership}/maps", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/maps/{id}", "/api/maps/{map}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/maps/{id}/for-participants", "/api/maps/{map}/for-participants", [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    get("/api/maps/{id}/analysis", "/api/maps/{map}/analysis", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/maps/{id}/ripple", "/api/maps/{map}/ripple?from={map_factor}&push=up", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/maps/{id}/export", "/api/maps/{map}/export?format=graphml", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/api/actions/{id}/ripple", "/api/actions/{action}/ripple", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    post("/api/partnerships/{id}/maps", "/api/partnerships/{partnership}/maps", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Map {n}"}"#).changes(Witness::SystemMaps),
    post("/api/partnerships/{id}/maps/import", "/api/partnerships/{partnership}/maps/import", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Imported {n}", "format": "csv", "factors_csv": "factor,name\n1,A\n2,B\n", "links_csv": "from,to,sign\n1,2,+\n"}"#).changes(Witness::SystemMaps),
    patch("/api/maps/{id}", "/api/maps/{map}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Ageing well {n}"}"#).changes(Witness::MapTitle),
    post("/api/maps/{id}/factors", "/api/maps/{map}/factors", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Factor {n}"}"#).changes(Witness::MapFactors),
    post("/api/maps/{id}/factors", "/api/maps/{map}/factors", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Partner factor {n}", "as_partner": {partner}}"#).changes(Witness::MapFactors),
    // The second success proposes the same link again and is refused.
    post("/api/maps/{id}/links", "/api/maps/{map}/links", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"from": {map_factor_b}, "to": {map_factor}, "sign": "-"}"#).guards(Witness::MapLinks),
    post("/api/maps/{id}/links", "/api/maps/{map}/links", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"from": {map_factor}, "to": {map_factor}, "sign": "+", "as_partner": {partner}}"#).changes(Witness::MapLinks),
    put("/api/maps/{id}/links/{link}/judgment", "/api/maps/{map}/links/{map_link}/judgment?partner={partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, OK, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"judgment": "disagree"}"#).guards(Witness::MapJudgments),
    put("/api/maps/{id}/links/{link}/participant-judgment", "/api/maps/{map}/links/{map_link}/participant-judgment", [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"judgment": "agree"}"#).guards(Witness::MapJudgments),
    post("/api/maps/{id}/pins", "/api/maps/{map}/pins", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"action_id": {action}, "factor_id": {map_factor}, "push": "up"}"#).guards(Witness::MapPins),
    post("/api/maps/{id}/close", "/api/maps/{closing_map}/close", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::MapClosed),
    // The same through the pages.
    get("/convenor/partnerships/{pid}/maps", "/convenor/partnerships/{partnership}/maps", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    get("/convenor/maps/{id}", "/convenor/maps/{map}?from={map_factor}&push=down", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, OK, OK, FORBID, FORBID, FORBID]),
    post("/convenor/partnerships/{pid}/maps", "/convenor/partnerships/{partnership}/maps", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/maps/{new}?notice=created"), FORBID, Cell::Done("/convenor/maps/{new}?notice=created"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Page map {n}&csrf={csrf}").changes(Witness::SystemMaps),
    post("/convenor/maps/{id}/factors", "/convenor/maps/{map}/factors", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/maps/{map}?notice=factor#propose"), FORBID, Cell::Done("/convenor/maps/{map}?notice=factor#propose"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("name=Page factor {n}&as=convenor&csrf={csrf}").changes(Witness::MapFactors),
    post("/convenor/maps/{id}/factors", "/convenor/maps/{map}/factors", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Done("/convenor/maps/{map}?notice=factor#propose"), FORBID, FORBID, FORBID, FORBID])
        .form("name=Partner page factor {n}&as={partner}&owner={partner}&csrf={csrf}").changes(Witness::MapFactors),
    // Every pair of the two factors is linked by now but one: the first success takes it, and
    // each later one that passes the access check is refused as a duplicate.
    post("/convenor/maps/{id}/links", "/convenor/maps/{map}/links", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/maps/{map}?notice=link#propose"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("from={map_factor_b}&to={map_factor_b}&sign=%2B&as=convenor&csrf={csrf}").guards(Witness::MapLinks),
    post("/convenor/maps/{id}/links", "/convenor/maps/{map}/links", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID])
        .form("from={map_factor_b}&to={map_factor_b}&sign=-&delayed=yes&as={partner}&csrf={csrf}").guards(Witness::MapLinks),
    post("/convenor/maps/{id}/judgments", "/convenor/maps/{map}/judgments", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Done("/convenor/maps/{map}?notice=judged#link-{map_link}"), FORBID, FORBID, FORBID, FORBID])
        .form("link={map_link}&partner={partner}&judgment=unsure&csrf={csrf}").changes(Witness::MapJudgments),
    post("/convenor/maps/{id}/pins", "/convenor/maps/{map}/pins", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/maps/{map}?notice=pinned#pins"), FORBID, Cell::Done("/convenor/maps/{map}?notice=pinned#pins"), Cell::Done("/convenor/maps/{map}?notice=pinned#pins"), FORBID, FORBID, FORBID, FORBID])
        .form("action={action}&factor={map_factor}&push=down&csrf={csrf}").guards(Witness::MapPins),
    // The linked dialogue's participants judge on their own page while judging is open.
    get("/d/{id}/maps/{map}", "/d/{dialogue}/maps/{map}", [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START]),
    post("/d/{id}/maps/{map}", "/d/{dialogue}/maps/{map}", [TO_START, Cell::Done("/d/{dialogue}/maps/{map}?notice=judged#link-{map_link}"), TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("link={map_link}&judgment=unsure").changes(Witness::MapJudgments),
    post("/convenor/maps/{id}/settings", "/convenor/maps/{map}/settings", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/maps/{map}?notice=saved#settings"), FORBID, Cell::Done("/convenor/maps/{map}?notice=saved#settings"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::MapJudging),
    post("/convenor/maps/{id}/close", "/convenor/maps/{closing_map}/close", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Refused(409, "conflict"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::MapClosed),

    // Participating: only a participant of this dialogue votes and writes.
    post("/api/dialogues/{id}/votes", "/api/dialogues/{dialogue}/votes",                                    [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"statement_id": {statement}, "vote": "disagree"}"#).changes(Witness::VoteEvents),
    post("/api/dialogues/{id}/statements", "/api/dialogues/{dialogue}/statements",                          [UNAUTH, CREATED, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"text": "Shade over the playground {n}"}"#).changes(Witness::Statements),
    post("/d/{id}/vote", "/d/{dialogue}/vote",                                                              [TO_START, Cell::Done("/d/{dialogue}"), TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("statement_id={statement}&vote=agree").changes(Witness::VoteEvents),
    post("/d/{id}/write", "/d/{dialogue}/write",                                                            [TO_START, Cell::Done("/d/{dialogue}?notice=written"), TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("text=Drinking+fountains+{n}").changes(Witness::Statements),
    put("/api/dialogues/{id}/me/constituencies", "/api/dialogues/{dialogue}/me/constituencies",             [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"constituencies": ["resident"]}"#).guards(Witness::Memberships),
    post("/d/{id}/me/constituencies", "/d/{dialogue}/me/constituencies",                                    [TO_START, Cell::Done("/d/{dialogue}/me?notice=constituencies-changed"), TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("constituency=GP").guards(Witness::Memberships),

    // Keying cards and their statements: the dialogue's facilitator and its convenors only.
    post("/api/dialogues/{id}/cards", "/api/dialogues/{dialogue}/cards",                                    [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, CREATED, FORBID])
        .json(r#"{"code": "M{n}", "channel": "paper"}"#).changes(Witness::Participants),
    post("/facilitator/dialogues/{id}/cards", "/facilitator/dialogues/{dialogue}/cards",                    [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/facilitator/dialogues/{dialogue}/cards?channel=paper&votes=0&replaced=false&saved=F{new}"), FORBID, Cell::Done("/facilitator/dialogues/{dialogue}/cards?channel=paper&votes=0&replaced=false&saved=F{new}"), FORBID, FORBID, FORBID, Cell::Done("/facilitator/dialogues/{dialogue}/cards?channel=paper&votes=0&replaced=false&saved=F{new}"), FORBID])
        .form("csrf={csrf}&channel=paper&code=F{n}").changes(Witness::Participants),
    post("/api/dialogues/{id}/cards/{code}/statements", "/api/dialogues/{dialogue}/cards/WORLD1/statements", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, CREATED, FORBID])
        .json(r#"{"text": "Keyed from card number {n}"}"#).changes(Witness::Statements),
    post("/facilitator/dialogues/{id}/statements", "/facilitator/dialogues/{dialogue}/statements",          [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/facilitator/dialogues/{dialogue}/cards?statement=WORLD1"), FORBID, Cell::Done("/facilitator/dialogues/{dialogue}/cards?statement=WORLD1"), FORBID, FORBID, FORBID, Cell::Done("/facilitator/dialogues/{dialogue}/cards?statement=WORLD1"), FORBID])
        .form("csrf={csrf}&code=WORLD1&text=Said+on+the+phone+{n}").changes(Witness::Statements),
    post("/api/dialogues/{id}/facilitator-invitations", "/api/dialogues/{dialogue}/facilitator-invitations", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{}"#).changes(Witness::FacilitatorInvitations),
    post("/convenor/dialogues/{id}/facilitators", "/convenor/dialogues/{dialogue}/facilitators",            [SIGN_IN, SIGN_IN, SIGN_IN, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}&email=").changes(Witness::FacilitatorInvitations),
    delete("/api/dialogues/{id}/facilitator-invitations/{invitation_id}", "/api/dialogues/{dialogue}/facilitator-invitations/{fac_revocable}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::FacilitatorInvitations),
    post("/api/dialogues/{id}/moderator-invitations", "/api/dialogues/{dialogue}/moderator-invitations",    [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"email": "mod{n}@example.org"}"#).changes(Witness::ModeratorInvitations),
    post("/convenor/dialogues/{id}/moderators", "/convenor/dialogues/{dialogue}/moderators",                [SIGN_IN, SIGN_IN, SIGN_IN, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}&email=").changes(Witness::ModeratorInvitations),
    delete("/api/dialogues/{id}/moderator-invitations/{invitation_id}", "/api/dialogues/{dialogue}/moderator-invitations/{mod_revocable}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ModeratorInvitations),

    // Convening through the API: the partnership's convenors and administrators only.
    post("/api/dialogues", "/api/dialogues",                                                                [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"partnership_id": {partnership}, "title": "Play streets {n}", "question": "Where should streets close for play?"}"#)
        .changes(Witness::PartnershipDialogues),
    patch("/api/dialogues/{id}", "/api/dialogues/{dialogue}",                                               [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"description": "Parks near home {n}"}"#).changes(Witness::Description),
    patch("/api/dialogues/{id}/statements/{statement_id}", "/api/dialogues/{dialogue}/statements/{written}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK])
        .json(r#"{"status": "rejected", "reason": "Off the question {n}"}"#).guards(Witness::WrittenStatus),
    post("/api/dialogues/{id}/moderation", "/api/dialogues/{dialogue}/moderation",                          [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK])
        .json(r#"{"statement_ids": [{written}], "status": "accepted"}"#).guards(Witness::WrittenStatus),
    post("/api/dialogues/{id}/analysis", "/api/dialogues/{dialogue}/analysis",                              [UNAUTH, UNAUTH, UNAUTH, ACCEPTED, FORBID, ACCEPTED, FORBID, FORBID, FORBID, FORBID, FORBID]),
    // Naming a group the latest analysis does not have: refused with nothing stored.
    put("/api/dialogues/{id}/groups/{group}/label", "/api/dialogues/{dialogue}/groups/999/label",        [UNAUTH, UNAUTH, UNAUTH, GONE, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"label": "for shade {n}"}"#),

    // Convening through the pages: every form carries the caller's form token.
    post("/convenor/partnerships", "/convenor/partnerships",                                                [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{new}"), Cell::Done("/convenor/partnerships/{new}"), Cell::Done("/convenor/partnerships/{new}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("name=Walking+group+{n}&purpose=&csrf={csrf}").changes(Witness::Partnerships),
    post("/convenor/partnerships/{pid}/partners", "/convenor/partnerships/{partnership}/partners",           [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("name=Library+{n}&sector=nhs&csrf={csrf}").changes(Witness::Partners),
    post("/convenor/partnerships/{pid}/dialogues", "/convenor/partnerships/{partnership}/dialogues",         [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{new}"), FORBID, Cell::Done("/convenor/dialogues/{new}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Bus+routes+{n}&question=Which+routes+matter+most%3F&description=&constituencies=&statements=&participant_statements=yes&moderation=post&report_visibility=public&csrf={csrf}")
        .changes(Witness::PartnershipDialogues),
    post("/convenor/dialogues/{id}/settings", "/convenor/dialogues/{dialogue}/settings",                     [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=saved"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=saved"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Our+parks&question=What+would+make+the+parks+better+for+health%3F&description=Parks+for+all+{n}&participant_statements=yes&moderation=post&report_visibility=public&csrf={csrf}")
        .changes(Witness::Description),
    post("/convenor/dialogues/{id}/constituencies", "/convenor/dialogues/{dialogue}/constituencies",         [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=constituency"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=constituency"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("name=Carer+{n}&expected_share=&kind=lay&csrf={csrf}").changes(Witness::Constituencies),
    post("/convenor/dialogues/{id}/statements", "/convenor/dialogues/{dialogue}/statements",                 [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=statements&added=1&skipped=0"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=statements&added=1&skipped=0"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("statements=Cycle+lanes+{n}&csrf={csrf}").changes(Witness::Statements),
    // Editing and removing constituencies and seed statements; what one caller removed is gone
    // for the next.
    put("/api/dialogues/{id}/constituencies/{constituency_id}", "/api/dialogues/{dialogue}/constituencies/{constituency}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Pharmacist {n}", "expected_share": 0.05, "kind": "professional"}"#).changes(Witness::ConstituencyDetails),
    delete("/api/dialogues/{id}/constituencies/{constituency_id}", "/api/dialogues/{dialogue}/constituencies/{removable_constituency}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Constituencies),
    put("/api/dialogues/{id}/seed-statements/{statement_id}", "/api/dialogues/{dialogue}/seed-statements/{fresh_seed}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"text": "Picnic tables {n}"}"#).changes(Witness::FreshSeedText),
    delete("/api/dialogues/{id}/seed-statements/{statement_id}", "/api/dialogues/{dialogue}/seed-statements/{removable_seed}", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, Cell::Refused(404, "statement_not_found"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Statements),
    post("/convenor/dialogues/{id}/constituencies/{constituency_id}", "/convenor/dialogues/{dialogue}/constituencies/{constituency}", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=constituency-saved"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=constituency-saved"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("name=Pharmacy+{n}&expected_share=5%25&kind=professional&csrf={csrf}").changes(Witness::ConstituencyDetails),
    post("/convenor/dialogues/{id}/constituencies/{constituency_id}/remove", "/convenor/dialogues/{dialogue}/constituencies/{removable_constituency_page}/remove", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=constituency-removed"), FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Constituencies),
    post("/convenor/dialogues/{id}/seed-statements/{statement_id}", "/convenor/dialogues/{dialogue}/seed-statements/{fresh_seed}", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=statement-saved"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=statement-saved"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("text=Picnic+benches+{n}&csrf={csrf}").changes(Witness::FreshSeedText),
    post("/convenor/dialogues/{id}/seed-statements/{statement_id}/remove", "/convenor/dialogues/{dialogue}/seed-statements/{removable_seed_page}/remove", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/settings?notice=statement-removed"), FORBID, Cell::Refused(404, "statement_not_found"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Statements),
    post("/api/dialogues/{id}/copy", "/api/dialogues/{dialogue}/copy",                                      [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .changes(Witness::PartnershipDialogues),
    post("/convenor/dialogues/{id}/copy", "/convenor/dialogues/{dialogue}/copy",                             [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{new}/settings?notice=copied"), FORBID, Cell::Done("/convenor/dialogues/{new}/settings?notice=copied"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").changes(Witness::PartnershipDialogues),
    // The administrator rejects a statement the convenor has just rejected: nothing changes.
    post("/convenor/dialogues/{id}/moderation", "/convenor/dialogues/{dialogue}/moderation",                 [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/moderation?status=all&updated=1"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/moderation?status=all&updated=0"), FORBID, FORBID, FORBID, FORBID, Cell::Done("/convenor/dialogues/{dialogue}/moderation?status=all&updated=0")])
        .form("action=reject&statement={written}&status=all&csrf={csrf}").guards(Witness::WrittenStatus),
    // Translations and easy read: what one convenor removed is gone for the next.
    put("/api/dialogues/{id}/statements/{statement_id}/versions/{language}/{kind}", "/api/dialogues/{dialogue}/statements/{statement}/versions/cy/translation", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK])
        .json(r#"{"text": "Mwy o feinciau {n}"}"#).changes(Witness::StatementVersions),
    delete("/api/dialogues/{id}/statements/{statement_id}/versions/{language}/{kind}", "/api/dialogues/{dialogue}/statements/{statement}/versions/cy/translation", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, Cell::Refused(404, "not_found"), FORBID, FORBID, FORBID, FORBID, Cell::Refused(404, "not_found")])
        .guards(Witness::StatementVersions),
    put("/api/dialogues/{id}/languages", "/api/dialogues/{dialogue}/languages",                             [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"language": "en", "untranslated": "wait"}"#).guards(Witness::DialogueLanguages),
    put("/api/dialogues/{id}/statements/{statement_id}/language", "/api/dialogues/{dialogue}/statements/{statement}/language", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, OK])
        .json(r#"{"language": "en"}"#).guards(Witness::DialogueLanguages),
    post("/convenor/dialogues/{id}/versions", "/convenor/dialogues/{dialogue}/versions",                     [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/versions?done=put"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/versions?done=put"), FORBID, FORBID, FORBID, FORBID, Cell::Done("/convenor/dialogues/{dialogue}/versions?done=put")])
        .form("action=put&statement_id={statement}&language=pl&kind=easy-read&text=Lawki+{n}&csrf={csrf}").changes(Witness::StatementVersions),
    post("/d/{id}/report/groups", "/d/{dialogue}/report/groups",                                            [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/d/{dialogue}/report/groups?saved=1"), FORBID, Cell::Done("/d/{dialogue}/report/groups?saved=1"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("label-999=for+shade+{n}&csrf={csrf}"),
    // Safeguarding: a participant flags once per statement; convenors decide and set the
    // signposting text.
    post("/api/dialogues/{id}/statements/{statement_id}/flags", "/api/dialogues/{dialogue}/statements/{statement}/flags", [UNAUTH, CREATED, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .json(r#"{"reason": "misinformation", "note": "Not true {n}"}"#),
    post("/d/{id}/statements/{statement_id}/flag", "/d/{dialogue}/statements/{written}/flag",               [TO_START, Cell::Done("/d/{dialogue}?notice=flagged"), TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("reason=other&note=Please+check+{n}"),
    post("/api/dialogues/{id}/safeguarding/statements/{statement_id}/decisions", "/api/dialogues/{dialogue}/safeguarding/statements/{written}/decisions", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, CREATED])
        .json(r#"{"action": "reject", "reason": "off_topic", "note": "Off the question {n}"}"#).guards(Witness::WrittenStatus),
    post("/convenor/dialogues/{id}/safeguarding", "/convenor/dialogues/{dialogue}/safeguarding",             [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/safeguarding?decided=reject"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/safeguarding?decided=reject"), FORBID, FORBID, FORBID, FORBID, Cell::Done("/convenor/dialogues/{dialogue}/safeguarding?decided=reject")])
        .form("statement_id={written}&action=reject&reason=off_topic&note=&csrf={csrf}").guards(Witness::WrittenStatus),
    put("/api/partnerships/{id}/safeguarding/settings", "/api/partnerships/{partnership}/safeguarding/settings", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"signposting": "Call Samaritans on 116 123 ({n})"}"#),
    post("/convenor/partnerships/{pid}/safeguarding", "/convenor/partnerships/{partnership}/safeguarding",  [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/safeguarding?saved=1"), FORBID, Cell::Done("/convenor/partnerships/{partnership}/safeguarding?saved=1"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("signposting=Call+116+123+{n}&disclosure_terms=&abuse_terms=&csrf={csrf}"),

    // Objectives and actions. Convenors manage; a partner's stance is recorded (and
    // withdrawn) only by its own representatives, never by a convenor for it; progress on an
    // action is reported by its owner's representatives or a convenor. A refusal leaves the
    // partnership's record as it was.
    put("/api/partnerships/{id}/decision-rule", "/api/partnerships/{partnership}/decision-rule", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"rule": "consent", "quorum_percent": 1}"#).guards(Witness::Record),
    post("/convenor/partnerships/{pid}/decision-rule", "/convenor/partnerships/{partnership}/decision-rule", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/objectives"), FORBID, Cell::Done("/convenor/partnerships/{partnership}/objectives"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("rule=consent&quorum=1&csrf={csrf}").guards(Witness::Record),
    post("/api/partnerships/{id}/objectives", "/api/partnerships/{partnership}/objectives", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Warm spaces {n}", "text": "Every library opens a warm space on winter evenings."}"#).changes(Witness::Record),
    post("/convenor/partnerships/{pid}/objectives", "/convenor/partnerships/{partnership}/objectives", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{new}"), FORBID, Cell::Done("/convenor/objectives/{new}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Warm+rooms+{n}&text=Open+them+in+winter&csrf={csrf}").changes(Witness::Record),
    post("/api/objectives/{id}/stances", "/api/objectives/{objective}/stances", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"partner_id": {partner}, "version": 1, "stance": "object", "reason": "Too vague {n}", "amendment": "Name the clinics and the hours"}"#).changes(Witness::Record),
    delete("/api/objectives/{id}/stances/{partner_id}", "/api/objectives/{objective}/stances/{partner}", [UNAUTH, UNAUTH, UNAUTH, FORBID, FORBID, FORBID, OK, FORBID, FORBID, FORBID, FORBID])
        .changes(Witness::Record),
    post("/convenor/objectives/{id}/stances", "/convenor/objectives/{objective}/stances", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Done("/convenor/objectives/{objective}"), FORBID, FORBID, FORBID, FORBID])
        .form("partner={partner}&version=1&stance=endorse_with_reservations&reason=Funding+{n}&csrf={csrf}").changes(Witness::Record),
    post("/convenor/objectives/{id}/stances/{partner_id}/withdraw", "/convenor/objectives/{objective}/stances/{partner}/withdraw", [SIGN_IN, SIGN_IN, SIGN_IN, FORBID, FORBID, FORBID, Cell::Done("/convenor/objectives/{objective}"), FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").changes(Witness::Record),
    post("/api/objectives/{id}/versions", "/api/objectives/{objective}/versions", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Evening clinics {n}", "text": "Two clinics open until 8pm on weekdays."}"#).changes(Witness::Record),
    post("/convenor/objectives/{id}/versions", "/convenor/objectives/{objective}/versions", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{objective}"), FORBID, Cell::Done("/convenor/objectives/{objective}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("title=Evening+clinics+{n}&text=Three+clinics+open+late&amends=&csrf={csrf}").changes(Witness::Record),
    // Translations of an objective's versions: its partnership's convenors only; what one
    // convenor removed is gone for the next.
    put("/api/objectives/{id}/versions/{version}/translations/{language}", "/api/objectives/{objective}/versions/1/translations/cy", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"title": "Meinciau {n}", "text": "Meinciau ym mhob parc {n}"}"#).changes(Witness::ObjectiveTranslations),
    delete("/api/objectives/{id}/versions/{version}/translations/{language}", "/api/objectives/{objective}/versions/1/translations/cy", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ObjectiveTranslations),
    put("/api/objectives/{id}/language", "/api/objectives/{objective}/language",                         [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"language": "en"}"#).guards(Witness::ObjectiveTranslations),
    post("/convenor/objectives/{id}/translations", "/convenor/objectives/{objective}/translations", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{objective}"), FORBID, Cell::Done("/convenor/objectives/{objective}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("action=put&language=pl&title=Lawki+{n}&text=Lawki+w+parku+{n}&csrf={csrf}").changes(Witness::ObjectiveTranslations),
    post("/api/objectives/{id}/put-to-partners", "/api/objectives/{draft_objective}/put-to-partners", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Record),
    post("/convenor/objectives/{id}/put-to-partners", "/convenor/objectives/{page_draft}/put-to-partners", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{page_draft}"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Record),
    post("/api/objectives/{id}/adopt", "/api/objectives/{adoptable}/adopt", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Record),
    post("/convenor/objectives/{id}/adopt", "/convenor/objectives/{page_adoptable}/adopt", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{page_adoptable}"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Record),
    post("/api/objectives/{id}/withdraw", "/api/objectives/{withdrawable}/withdraw", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Record),
    post("/convenor/objectives/{id}/withdraw", "/convenor/objectives/{page_withdrawable}/withdraw", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{page_withdrawable}"), FORBID, Cell::Refused(409, "conflict"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Record),
    post("/api/objectives/{id}/actions", "/api/objectives/{adopted}/actions", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"owner_partner_id": {partner}, "title": "Open the library late {n}", "lead_role": "Library manager", "due_on": "2027-03-31"}"#).changes(Witness::Record),
    post("/convenor/objectives/{id}/actions", "/convenor/objectives/{adopted}/actions", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{adopted}"), FORBID, Cell::Done("/convenor/objectives/{adopted}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("owner={partner}&title=Heat+the+hall+{n}&lead_role=Caretaker&due_on=2027-01-31&status=planned&csrf={csrf}").changes(Witness::Record),
    post("/api/actions/{id}/notes", "/api/actions/{action}/notes", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, CREATED, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"status": "in_progress", "note": "Staff rota agreed {n}"}"#).changes(Witness::Record),
    post("/convenor/actions/{id}/notes", "/convenor/actions/{action}/notes", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/objectives/{adopted}"), FORBID, Cell::Done("/convenor/objectives/{adopted}"), Cell::Done("/convenor/objectives/{adopted}"), FORBID, FORBID, FORBID, FORBID])
        .form("status=in_progress&note=Heating+fixed+{n}&csrf={csrf}").changes(Witness::Record),

    // Partnerships through the API.
    post("/api/partnerships", "/api/partnerships", [UNAUTH, UNAUTH, UNAUTH, CREATED, CREATED, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Falls prevention {n}"}"#).changes(Witness::Partnerships),
    patch("/api/partnerships/{id}", "/api/partnerships/{partnership}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"purpose": "Healthier later lives {n}"}"#).changes(Witness::Purpose),
    post("/api/partnerships/{id}/partners", "/api/partnerships/{partnership}/partners", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Men's shed {n}", "sector": "community"}"#).changes(Witness::Partners),
    patch("/api/partnerships/{id}/partners/{partner_id}", "/api/partnerships/{partnership}/partners/{partner}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, OK, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"name": "Northvale Carers {n}"}"#).changes(Witness::PartnerName),
    post("/api/partnerships/{id}/convenors", "/api/partnerships/{partnership}/convenors", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"email": "{spare_email}"}"#).guards(Witness::Convenors),
    delete("/api/partnerships/{id}/convenors/{convenor_id}", "/api/partnerships/{partnership}/convenors/{spare_id}", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Convenors),
    post("/api/partnerships/{id}/partners/{partner_id}/invitations", "/api/partnerships/{partnership}/partners/{partner}/invitations", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"email": "new{n}@example.org"}"#).changes(Witness::Invitations),
    delete("/api/partnerships/{id}/partners/{partner_id}/invitations/{invitation_id}", "/api/partnerships/{partnership}/partners/{partner}/invitations/{revocable}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Invitations),
    delete("/api/partnerships/{id}/partners/{partner_id}/representatives/{account_id}", "/api/partnerships/{partnership}/partners/{partner}/representatives/{spare_rep}", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Representatives),
    delete("/api/partnerships/{id}/partners/{partner_id}", "/api/partnerships/{partnership}/partners/{removable}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::Partners),
    post("/api/invitations/accept", "/api/invitations/accept", [Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed")])
        .json(r#"{"token": "{used_invite}", "email": "late{n}@example.org", "password": "{password}"}"#).guards(Witness::Representatives),
    post("/api/partnerships/{id}/convenor-invitations", "/api/partnerships/{partnership}/convenor-invitations", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"email": "co{n}@example.org", "expires_in_days": 3}"#).changes(Witness::ConvenorInvitations),
    delete("/api/partnerships/{id}/convenor-invitations/{invitation_id}", "/api/partnerships/{partnership}/convenor-invitations/{conv_revocable}", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::ConvenorInvitations),
    post("/api/invitations/accept", "/api/invitations/accept", [Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed"), Cell::Refused(422, "validation_failed")])
        .json(r#"{"token": "{used_convenor_invite}", "email": "late{n}@example.org", "password": "{password}"}"#).guards(Witness::Convenors),

    // Partnerships through the pages.
    post("/convenor/partnerships/{pid}/convenors", "/convenor/partnerships/{partnership}/convenors", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("email={spare_email}&csrf={csrf}").guards(Witness::Convenors),
    post("/convenor/partnerships/{pid}/partners/{partner_id}", "/convenor/partnerships/{partnership}/partners/{partner}", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=saved"), FORBID, Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=saved"), Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=saved"), FORBID, FORBID, FORBID, FORBID])
        .form("name=Carers+Centre+{n}&sector=voluntary&csrf={csrf}").changes(Witness::PartnerName),
    post("/convenor/partnerships/{pid}/partners/{partner_id}/invitations", "/convenor/partnerships/{partnership}/partners/{partner}/invitations", [SIGN_IN, SIGN_IN, SIGN_IN, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("email=&days=7&csrf={csrf}").changes(Witness::Invitations),
    post("/convenor/partnerships/{pid}/partners/{partner_id}/invitations/{invitation_id}/revoke", "/convenor/partnerships/{partnership}/partners/{partner}/invitations/{revocable_page}/revoke", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=revoked"), FORBID, Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=revoked"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Invitations),
    post("/convenor/partnerships/{pid}/partners/{partner_id}/representatives/{account_id}/remove", "/convenor/partnerships/{partnership}/partners/{partner}/representatives/{spare_rep_page}/remove", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/partners/{partner}?notice=left"), FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Representatives),
    post("/convenor/partnerships/{pid}/partners/{partner_id}/remove", "/convenor/partnerships/{partnership}/partners/{removable_page}/remove", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, GONE, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::Partners),
    post("/convenor/dialogues/{id}/sharing", "/convenor/dialogues/{private}/sharing", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("share=yes&csrf={csrf}").guards(Witness::Shared),
    post("/convenor/partnerships/{pid}/convenor-invitations", "/convenor/partnerships/{partnership}/convenor-invitations", [SIGN_IN, SIGN_IN, SIGN_IN, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("email=&days=7&csrf={csrf}").changes(Witness::ConvenorInvitations),
    post("/convenor/partnerships/{pid}/convenor-invitations/{invitation_id}/revoke", "/convenor/partnerships/{partnership}/convenor-invitations/{conv_revocable_page}/revoke", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}?notice=invitation-revoked"), FORBID, Cell::Done("/convenor/partnerships/{partnership}?notice=invitation-revoked"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::ConvenorInvitations),
    post("/invite/{token}", "/invite/{used_convenor_invite}", [Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used")])
        .form("email=late{n}%40example.org&password={password}&csrf={csrf}").guards(Witness::Convenors),
    // Publishing the outcomes and the calendar feed's address: the partnership's convenors.
    put("/api/partnerships/{id}/outcomes/publication", "/api/partnerships/{partnership}/outcomes/publication", [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"published": true}"#).guards(Witness::Published),
    post("/convenor/partnerships/{pid}/outcomes/publication", "/convenor/partnerships/{partnership}/outcomes/publication", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, Cell::Done("/convenor/partnerships/{partnership}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("published=no&csrf={csrf}").guards(Witness::Published),
    post("/api/partnerships/{id}/calendar-feed", "/api/partnerships/{partnership}/calendar-feed", [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::CalendarFeed),
    delete("/api/partnerships/{id}/calendar-feed", "/api/partnerships/{partnership}/calendar-feed", [UNAUTH, UNAUTH, UNAUTH, NO_CONTENT, FORBID, NO_CONTENT, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::CalendarFeed),
    post("/convenor/partnerships/{pid}/calendar-feed", "/convenor/partnerships/{partnership}/calendar-feed", [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::CalendarFeed),
    post("/convenor/partnerships/{pid}/calendar-feed/revoke", "/convenor/partnerships/{partnership}/calendar-feed/revoke", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/partnerships/{partnership}/accountability"), FORBID, Cell::Done("/convenor/partnerships/{partnership}/accountability"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::CalendarFeed),
    post("/invite/{token}", "/invite/{used_invite}", [Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used"), Cell::Refused(409, "invitation_used")])
        .form("email=late{n}%40example.org&password={password}&csrf={csrf}").guards(Witness::Representatives),

    // Closing and reopening, in pairs, so that the dialogue is open again for the rows after.
    post("/api/dialogues/{id}/close", "/api/dialogues/{dialogue}/close",                                    [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::IsOpen),
    post("/api/dialogues/{id}/reopen", "/api/dialogues/{dialogue}/reopen",                                  [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID])
        .guards(Witness::IsOpen),
    post("/convenor/dialogues/{id}/close", "/convenor/dialogues/{dialogue}/close",                           [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::IsOpen),
    post("/convenor/dialogues/{id}/reopen", "/convenor/dialogues/{dialogue}/reopen",                         [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::IsOpen),
    // The facilitator's controls: pausing and resuming new statements, in a pair; closing after
    // the confirmation, then reopening.
    post("/convenor/dialogues/{id}/facilitate/statements", "/convenor/dialogues/{dialogue}/facilitate/statements", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=paused"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=paused"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("statements=pause&csrf={csrf}").guards(Witness::TakesStatements),
    post("/convenor/dialogues/{id}/facilitate/statements", "/convenor/dialogues/{dialogue}/facilitate/statements", [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=resumed"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=resumed"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("statements=resume&csrf={csrf}").guards(Witness::TakesStatements),
    post("/convenor/dialogues/{id}/facilitate/close", "/convenor/dialogues/{dialogue}/facilitate/close",     [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=closed"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/facilitate?notice=closed"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("confirm=yes&csrf={csrf}").guards(Witness::IsOpen),
    post("/convenor/dialogues/{id}/reopen", "/convenor/dialogues/{dialogue}/reopen",                         [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("csrf={csrf}").guards(Witness::IsOpen),

    // Erasing one's own data: only a participant of this dialogue erases, and only themselves;
    // a convenor's session is no way in. The page's form carries the participant's form token.
    delete("/api/dialogues/{id}/me", "/api/dialogues/{dialogue}/me",                                        [UNAUTH, OK, FORBID, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH])
        .on_fresh_participant().changes(Witness::Participants),
    post("/d/{id}/me/erase", "/d/{dialogue}/me/erase",                                                      [TO_START, OK, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START, TO_START])
        .form("csrf={csrf}&confirm=yes").on_fresh_participant().changes(Witness::Participants),

    // Rounds: starting one moves the dialogue's latest votes into the round that ends, so it
    // comes after every row that reads or casts votes.
    get("/api/dialogues/{id}/rounds", "/api/dialogues/{dialogue}/rounds",                                   [UNAUTH, UNAUTH, UNAUTH, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    get("/convenor/dialogues/{id}/rounds", "/convenor/dialogues/{dialogue}/rounds",                         [SIGN_IN, SIGN_IN, SIGN_IN, OK, FORBID, OK, FORBID, FORBID, FORBID, FORBID, FORBID]),
    post("/api/dialogues/{id}/rounds", "/api/dialogues/{dialogue}/rounds",                                  [UNAUTH, UNAUTH, UNAUTH, CREATED, FORBID, CREATED, FORBID, FORBID, FORBID, FORBID, FORBID])
        .json(r#"{"label": "Round {n}"}"#).changes(Witness::Rounds),
    post("/convenor/dialogues/{id}/rounds", "/convenor/dialogues/{dialogue}/rounds",                        [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/convenor/dialogues/{dialogue}/rounds?started=1"), FORBID, Cell::Done("/convenor/dialogues/{dialogue}/rounds?started=1"), FORBID, FORBID, FORBID, FORBID, FORBID])
        .form("label=Round+{n}&confirm=yes&csrf={csrf}").changes(Witness::Rounds),

    // Joining is open to anyone; it sets a participant cookie, so it comes after every row
    // that tells participants from the others. The page lets an existing participant through.
    post("/d/{id}/join", "/d/{dialogue}/join",                                                              [Cell::Done("/d/{dialogue}"), TO_START, Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}"), Cell::Done("/d/{dialogue}")])
        .form("").changes(Witness::Participants),
    post("/api/dialogues/{id}/participants", "/api/dialogues/{dialogue}/participants",                      [CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED])
        .json("{}").changes(Witness::Participants),

    // Signing out and in last: they change who every later request would come from.
    post("/logout", "/logout",                                                                              [SIGN_IN, SIGN_IN, SIGN_IN, Cell::Done("/"), Cell::Done("/"), Cell::Done("/"), Cell::Done("/"), Cell::Done("/"), Cell::Done("/"), Cell::Done("/"), Cell::Done("/")])
        .form("csrf={csrf}").changes(Witness::OwnSession),
    get("/api/session", "/api/session",                                                                     [UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    delete("/api/session", "/api/session",                                                                  [NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT, NO_CONTENT]),
    post("/api/session", "/api/session",                                                                    [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK])
        .json(r#"{"email": "{spare_email}", "password": "{password}"}"#),
    post("/login", "/login",                                                                                [Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor"), Cell::Done("/convenor")])
        .form("email={spare_email}&password={password}&next=%2Fconvenor"),
];

/// One role's browser.
struct Actor {
    client: reqwest::Client,
    /// Participant tokens by dialogue.
    tokens: Vec<(i64, String)>,
    /// Participant tokens by priority list.
    list_tokens: Vec<(i64, String)>,
    /// The session token, for convenors.
    session: Option<String>,
    /// The form token of the session's pages for convenors; of the erase page for a fresh
    /// participant.
    csrf: String,
}

impl Actor {
    /// Returns the token a participant presents for a dialogue: theirs for that dialogue, or
    /// the only one they have.
    fn token_for(&self, dialogue: Option<i64>) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(id, _)| Some(*id) == dialogue)
            .or_else(|| self.tokens.first())
            .map(|(_, token)| token.as_str())
    }
}

/// A value no answer may show to anyone but its owner.
struct Secret {
    owner: Option<Role>,
    what: String,
    text: String,
}

/// An answer, as the checks need it.
struct Reply {
    status: StatusCode,
    location: Option<String>,
    code: Option<String>,
    body: Vec<u8>,
}

/// The instance the matrix runs against, with its objects and its six browsers.
struct World {
    app: TestApp,
    actors: Vec<Actor>,
    jars: Vec<Arc<Jar>>,
    base: Url,
    secrets: Vec<Secret>,
    dialogue: i64,
    private: i64,
    partnership: i64,
    statement: i64,
    written: i64,
    partner: i64,
    spare_id: i64,
    spare_rep: i64,
    spare_rep_page: i64,
    removable: i64,
    removable_page: i64,
    revocable: i64,
    revocable_page: i64,
    conv_revocable: i64,
    conv_revocable_page: i64,
    fac_revocable: i64,
    /// An invitation to moderate the dialogue that nobody accepted, for the revoking row.
    mod_revocable: i64,
    constituency: i64,
    removable_constituency: i64,
    removable_constituency_page: i64,
    fresh_seed: i64,
    removable_seed: i64,
    removable_seed_page: i64,
    invite: String,
    used_invite: String,
    convenor_invite: String,
    used_convenor_invite: String,
    settled: Settled,
    listed: Listed,
    waves: Waves,
    mapped: Mapped,
    _data_dir: tempfile::TempDir,
}

/// The system maps the matrix's rows act on, in the partnership here.
struct Mapped {
    /// Linked to the dialogue and open to its participants' judgments.
    map: i64,
    /// Open until the close row closes it.
    closing_map: i64,
    /// Two factors of `map` and the link from the first to the second.
    factor: i64,
    factor_b: i64,
    link: i64,
}

/// Creates the maps of [`Mapped`] in the partnership.
async fn make_maps(app: &TestApp, partnership: PartnershipId, dialogue: i64) -> Mapped {
    use store::{LinkSign, NewMapFactor, NewMapLink, NewSystemMap, Proposer};
    let store = app.state.store();
    let now = app.state.now_ms();
    let mut maps = Vec::new();
    for title in ["Ageing well", "Last year's map"] {
        let map = store
            .create_system_map(NewSystemMap {
                partnership,
                title: title.to_owned(),
                description: String::new(),
                dialogue: Some(DialogueId(dialogue)),
                participants_may_judge: true,
                created_by: None,
                now,
            })
            .await
            .unwrap();
        maps.push(map);
    }
    let proposer = Proposer {
        account: None,
        partner: None,
    };
    let mut factors = Vec::new();
    for name in ["Loneliness", "GP visits"] {
        let factor = store
            .add_map_factor(NewMapFactor {
                map: maps[0].id,
                name: name.to_owned(),
                owner: None,
                sector: None,
                proposer,
                now,
            })
            .await
            .unwrap();
        factors.push(factor.id);
    }
    let link = store
        .add_map_link(NewMapLink {
            map: maps[0].id,
            from: factors[0],
            to: factors[1],
            sign: LinkSign::Positive,
            delayed: false,
            note: String::new(),
            proposer,
            now,
        })
        .await
        .unwrap();
    Mapped {
        map: maps[0].id.get(),
        closing_map: maps[1].id.get(),
        factor: factors[0].get(),
        factor_b: factors[1].get(),
        link: link.id.get(),
    }
}

/// The trust survey waves the matrix's rows act on, in the partnership here.
struct Waves {
    /// Open all along.
    wave: i64,
    /// Closed by a convenor before the rows run.
    closed_wave: i64,
    /// Open until the close row closes it.
    closing_wave: i64,
}

/// Opens the waves of [`Waves`] in the partnership.
async fn open_waves(app: &TestApp, partnership: PartnershipId) -> Waves {
    use model::{RaterNaming, WaveTitle};
    use store::{NewTrustWave, TrustWaveChanges};
    let store = app.state.store();
    let now = app.state.now_ms();
    let mut ids = Vec::new();
    for title in ["Spring", "Winter", "Summer"] {
        let wave = store
            .open_trust_wave(NewTrustWave {
                partnership,
                title: WaveTitle::parse(title).unwrap(),
                opened_at: now,
                closes_at: now + 365 * 86_400_000,
                rater_naming: RaterNaming::Protected,
                created_by: None,
            })
            .await
            .unwrap();
        ids.push(wave.id);
    }
    store
        .change_trust_wave(
            ids[1],
            TrustWaveChanges {
                close: true,
                ..TrustWaveChanges::default()
            },
            now,
        )
        .await
        .unwrap();
    Waves {
        wave: ids[0].get(),
        closed_wave: ids[1].get(),
        closing_wave: ids[2].get(),
    }
}

/// The priority list the matrix's rows act on.
struct Listed {
    /// A list of the partnership, linked to the dialogue.
    list: i64,
    /// Two convenor's options, for the comparison.
    option_a: i64,
    option_b: i64,
    /// An option a participant added, to moderate.
    added_option: i64,
    /// A list of the partnership whose results only its convenors may read.
    private_list: i64,
}

/// Sets up [`Listed`], with the participant here (and the one elsewhere, in a list of the
/// other partnership) joined through the API.
async fn list_priorities(
    app: &TestApp,
    convenor: &reqwest::Client,
    elsewhere_convenor: &reqwest::Client,
    here: PartnershipId,
    elsewhere: PartnershipId,
    dialogue: i64,
) -> (Listed, String, String) {
    let create = |client: &reqwest::Client, partnership: PartnershipId, body: Value| {
        let request = client
            .post(app.url(&format!("/api/partnerships/{partnership}/priority-lists")))
            .json(&body);
        async move {
            let created = request.send().await.unwrap();
            assert_eq!(created.status(), StatusCode::CREATED);
            created.json::<Value>().await.unwrap()["id"]
                .as_i64()
                .unwrap()
        }
    };
    let list = create(
        convenor,
        here,
        json!({
            "title": "First steps",
            "question": "Which should the partnership do first?",
            "dialogue_id": dialogue,
            "constituencies": [{"name": "carer", "kind": "lay"}, {"name": "GP", "kind": "professional"}],
            "moderation": "pre",
        }),
    )
    .await;
    let private_list = create(
        convenor,
        here,
        json!({
            "title": "Kept among convenors",
            "question": "Which should the partnership fund first?",
            "results_visibility": "convenors",
        }),
    )
    .await;
    let other = create(
        elsewhere_convenor,
        elsewhere,
        json!({"title": "Riverside first", "question": "Which first by the river?"}),
    )
    .await;
    let mut options = Vec::new();
    for text in ["Evening clinics", "A bus to the hospital"] {
        let added = convenor
            .post(app.url(&format!("/api/priority-lists/{list}/options")))
            .json(&json!({ "text": text }))
            .send()
            .await
            .unwrap();
        assert_eq!(added.status(), StatusCode::CREATED);
        options.push(added.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    let join = |id: i64| {
        let request = reqwest::Client::new()
            .post(app.url(&format!("/api/priority-lists/{id}/participants")))
            .json(&json!({ "constituencies": [] }));
        async move {
            let joined = request.send().await.unwrap();
            assert_eq!(joined.status(), StatusCode::CREATED);
            joined.json::<Value>().await.unwrap()["token"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let here_token = join(list).await;
    let elsewhere_token = join(other).await;
    let author = join(list).await;
    let added = reqwest::Client::new()
        .post(app.url(&format!("/api/priority-lists/{list}/me/options")))
        .bearer_auth(&author)
        .json(&json!({ "text": "Benches on the way to the shops" }))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::CREATED);
    let added_option = added.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    (
        Listed {
            list,
            option_a: options[0],
            option_b: options[1],
            added_option,
            private_list,
        },
        here_token,
        elsewhere_token,
    )
}

/// The objectives and the action the matrix's rows act on.
struct Settled {
    /// With the partners, for stances and new versions.
    objective: i64,
    /// Drafts to put to the partners, through the API and the page.
    draft_objective: i64,
    page_draft: i64,
    /// With the partners and endorsed, so the rule is met.
    adoptable: i64,
    page_adoptable: i64,
    /// With the partners, to withdraw.
    withdrawable: i64,
    page_withdrawable: i64,
    /// Adopted, with an action owned by the partner the rows are about.
    adopted: i64,
    action: i64,
}

/// Sets up the objectives of [`Settled`] in a partnership whose partner `partner` is
/// represented by `representative`, under consent with a quorum of 1%.
async fn settle(
    app: &TestApp,
    partnership: PartnershipId,
    partner: PartnerId,
    convenor: ConvenorId,
    representative: ConvenorId,
) -> Settled {
    use store::{NewAction, NewStance, NewVersion, ObjectiveId, Phase, StoredRule, StoredStance};
    let store = app.state.store();
    let now = app.state.now_ms();
    store
        .set_decision_rule(
            partnership,
            StoredRule::Consent { quorum_percent: 1 },
            convenor,
            now,
        )
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (index, phase) in [
        Phase::WithPartners,
        Phase::Draft,
        Phase::Draft,
        Phase::WithPartners,
        Phase::WithPartners,
        Phase::WithPartners,
        Phase::WithPartners,
        Phase::WithPartners,
    ]
    .into_iter()
    .enumerate()
    {
        let objective = store
            .create_objective(
                partnership,
                NewVersion {
                    title: format!("Shared objective {index}"),
                    body: "Clinics open in the evening.".to_owned(),
                    evidence: r#"{"version":1,"source":null}"#.to_owned(),
                    amends: None,
                    actor: convenor,
                    now,
                },
            )
            .await
            .unwrap();
        if phase != Phase::Draft {
            store
                .set_phase(objective.id, phase, convenor, now)
                .await
                .unwrap();
        }
        ids.push(objective.id);
    }
    // The adoptable ones and the adopted one are endorsed by the partner.
    for &objective in &[ids[3], ids[4], ids[7]] {
        store
            .record_stance(NewStance {
                objective,
                version: 1,
                partner,
                stance: Some(StoredStance::Endorse),
                reason: None,
                amendment: None,
                actor: representative,
                now,
            })
            .await
            .unwrap();
    }
    store
        .set_phase(ids[7], Phase::Decided, convenor, now)
        .await
        .unwrap();
    let action = store
        .create_action(NewAction {
            objective: ids[7],
            owner: partner,
            shared_with: Vec::new(),
            title: "Open two clinics late".to_owned(),
            lead_role: "Head of primary care".to_owned(),
            due_on: Some("2027-06-30".to_owned()),
            status: "planned".to_owned(),
            actor: convenor,
            now,
        })
        .await
        .unwrap();
    let id = |objective: ObjectiveId| objective.0;
    Settled {
        objective: id(ids[0]),
        draft_objective: id(ids[1]),
        page_draft: id(ids[2]),
        adoptable: id(ids[3]),
        page_adoptable: id(ids[4]),
        withdrawable: id(ids[5]),
        page_withdrawable: id(ids[6]),
        adopted: id(ids[7]),
        action: action.id.0,
    }
}

fn browser(jar: &Arc<Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(Arc::clone(jar))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn create_convenor(app: &TestApp, email: &str, is_admin: bool) -> store::Convenor {
    let password = Password::parse(PASSWORD).unwrap();
    app.state
        .store()
        .create_convenor(NewConvenor {
            email: Email::parse(email).unwrap(),
            password_hash: PasswordHash::create(&password, &[9; 16]).unwrap(),
            is_admin,
            may_convene: true,
            created_at: 0,
        })
        .await
        .unwrap()
}

async fn create_partnership(app: &TestApp, name: &str) -> PartnershipId {
    app.state
        .store()
        .create_partnership(NewPartnership {
            name: PartnershipName::parse(name).unwrap(),
            purpose: Purpose::parse("").unwrap(),
            created_at: 0,
            convenor: None,
        })
        .await
        .unwrap()
        .id
}

async fn create_partner(app: &TestApp, partnership: PartnershipId, name: &str) -> PartnerId {
    app.state
        .store()
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector: Sector::Voluntary,
            created_at: 0,
        })
        .await
        .unwrap()
        .id
}

/// Makes a pending invitation to speak for a partner; returns its id and token.
async fn pending_invitation(
    app: &TestApp,
    partner: PartnerId,
    by: ConvenorId,
) -> (InvitationId, String) {
    let (invitation, token) = app
        .state
        .store()
        .create_invitation(NewInvitation {
            partner,
            email: None,
            created_by: by,
            created_at: app.state.now_ms(),
            expires_at: app.state.now_ms() + 86_400_000,
        })
        .await
        .unwrap();
    (invitation.id, token.as_str().to_owned())
}

/// Makes a pending invitation to convene a partnership; returns its id and token.
async fn pending_convenor_invitation(
    app: &TestApp,
    partnership: PartnershipId,
    by: ConvenorId,
) -> (ConvenorInvitationId, String) {
    let (invitation, token) = app
        .state
        .store()
        .create_convenor_invitation(NewConvenorInvitation {
            place: partnership,
            email: None,
            created_by: by,
            created_at: app.state.now_ms(),
            expires_at: app.state.now_ms() + 86_400_000,
        })
        .await
        .unwrap();
    (invitation.id, token.as_str().to_owned())
}

/// Makes a new account speak for a partner through an accepted invitation; returns the
/// (now used) invitation token.
async fn invite_representative(
    app: &TestApp,
    partner: PartnerId,
    by: ConvenorId,
    email: Option<&str>,
) -> String {
    let (_, token) = pending_invitation(app, partner, by).await;
    let password = Password::parse(PASSWORD).unwrap();
    app.state
        .store()
        .accept_invitation(
            &Token::parse(&token).unwrap(),
            AcceptInvitation::NewAccount {
                email: Email::parse(email.unwrap()).unwrap(),
                password_hash: PasswordHash::create(&password, &[9; 16]).unwrap(),
            },
            app.state.now_ms(),
        )
        .await
        .unwrap();
    token
}

async fn account_id(app: &TestApp, email: &str) -> ConvenorId {
    app.state
        .store()
        .find_convenor_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .convenor
        .id
}

/// Returns the value of a cookie the jar would send to the server.
fn cookie_value(jar: &Jar, base: &Url, name: &str) -> Option<String> {
    let header = jar.cookies(base)?;
    header.to_str().ok()?.split("; ").find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.to_owned())
    })
}

/// Returns the value of the first hidden form field with this name.
fn form_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// Returns the id of the dialogue a path is about.
fn dialogue_in(path: &str) -> Option<i64> {
    let rest = path
        .strip_prefix("/api/dialogues/")
        .or_else(|| path.strip_prefix("/d/"))
        .or_else(|| path.strip_prefix("/convenor/dialogues/"))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Returns where the sign-in page is to send someone back to, encoded as the server does.
fn sign_in_location(path: &str) -> String {
    let mut encoded = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("/login?next={encoded}")
}

/// Returns whether a location matches a pattern in which `{new}` stands for a number.
fn location_matches(pattern: &str, location: &str) -> bool {
    match pattern.split_once("{new}") {
        None => pattern == location,
        Some((before, after)) => location
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|byte| byte.is_ascii_digit())),
    }
}

impl World {
    async fn build() -> World {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let database = format!("sqlite:{}", data_dir.path().join("access.db").display());
        // Ten browsers sign in from one address, more often than the sign-in limit allows.
        let app = spawn_app_on(Config {
            database,
            analysis_enabled: false,
            login_address_rate: server::rate_limit::RateLimit {
                burst: 1_000,
                per_minute: 1_000,
            },
            ..Config::for_tests()
        })
        .await;
        let store = app.state.store();
        let here = create_partnership(&app, "Healthy Town").await;
        let elsewhere = create_partnership(&app, "Riverside Health").await;
        let convenor_here = create_convenor(&app, "here@example.org", false).await;
        let convenor_elsewhere = create_convenor(&app, "elsewhere@example.org", false).await;
        create_convenor(&app, "admin@example.org", true).await;
        create_convenor(&app, SPARE_EMAIL, false).await;
        store
            .add_partnership_member(here, convenor_here.id)
            .await
            .unwrap();
        store
            .add_partnership_member(elsewhere, convenor_elsewhere.id)
            .await
            .unwrap();

        let base = Url::parse(&app.url("/")).unwrap();
        let mut jars = Vec::new();
        let mut actors = Vec::new();
        for _ in ROLES {
            let jar = Arc::new(Jar::default());
            actors.push(Actor {
                client: browser(&jar),
                tokens: Vec::new(),
                list_tokens: Vec::new(),
                session: None,
                csrf: String::new(),
            });
            jars.push(jar);
        }
        // The partners and the people who speak for them, each invited and accepted.
        let partner = create_partner(&app, here, "Northvale Carers").await;
        let other_partner = create_partner(&app, here, "Northvale Council").await;
        let partner_elsewhere = create_partner(&app, elsewhere, "Riverside Trust").await;
        let removable = create_partner(&app, here, "Library").await;
        let removable_page = create_partner(&app, here, "Leisure centre").await;
        let used_invite = invite_representative(
            &app,
            partner,
            convenor_here.id,
            Some("rep.here@example.org"),
        )
        .await;
        invite_representative(
            &app,
            other_partner,
            convenor_here.id,
            Some("rep.other@example.org"),
        )
        .await;
        invite_representative(
            &app,
            partner_elsewhere,
            convenor_elsewhere.id,
            Some("rep.elsewhere@example.org"),
        )
        .await;
        invite_representative(
            &app,
            partner,
            convenor_here.id,
            Some("spare.rep@example.org"),
        )
        .await;
        invite_representative(
            &app,
            partner,
            convenor_here.id,
            Some("spare.rep2@example.org"),
        )
        .await;
        let spare_rep = account_id(&app, "spare.rep@example.org").await;
        let spare_rep_page = account_id(&app, "spare.rep2@example.org").await;
        let spare_id = account_id(&app, SPARE_EMAIL).await;
        let (revocable, _) = pending_invitation(&app, partner, convenor_here.id).await;
        let (revocable_page, _) = pending_invitation(&app, partner, convenor_here.id).await;
        let (_, invite) = pending_invitation(&app, partner, convenor_here.id).await;
        let (conv_revocable, _) = pending_convenor_invitation(&app, here, convenor_here.id).await;
        let (conv_revocable_page, _) =
            pending_convenor_invitation(&app, here, convenor_here.id).await;
        let (_, convenor_invite) = pending_convenor_invitation(&app, here, convenor_here.id).await;
        let (_, used_convenor_invite) =
            pending_convenor_invitation(&app, here, convenor_here.id).await;
        app.state
            .store()
            .accept_convenor_invitation(
                &Token::parse(&used_convenor_invite).unwrap(),
                AcceptInvitation::Existing(convenor_here.id),
                app.state.now_ms(),
            )
            .await
            .unwrap();

        let mut secrets = Vec::new();
        for (role, email) in [
            (Role::ConvenorHere, "here@example.org"),
            (Role::ConvenorElsewhere, "elsewhere@example.org"),
            (Role::Admin, "admin@example.org"),
            (Role::RepresentativeHere, "rep.here@example.org"),
            (Role::RepresentativeOtherPartner, "rep.other@example.org"),
            (Role::RepresentativeElsewhere, "rep.elsewhere@example.org"),
        ] {
            let actor = &mut actors[role.column()];
            let signed_in = actor
                .client
                .post(app.url("/api/session"))
                .json(&json!({ "email": email, "password": PASSWORD }))
                .send()
                .await
                .unwrap();
            assert_eq!(signed_in.status(), StatusCode::OK, "{email} signs in");
            let session = cookie_value(&jars[role.column()], &base, "cg_session")
                .expect("signing in sets the session cookie");
            let home = actor.client.get(app.url("/convenor")).send().await.unwrap();
            actor.csrf = form_field(&home.text().await.unwrap(), "csrf")
                .expect("the convenor's home carries a form token");
            secrets.push(Secret {
                owner: Some(role),
                what: format!("the session token of the {}", role.name()),
                text: session.clone(),
            });
            secrets.push(Secret {
                owner: Some(role),
                what: format!("the session token hash of the {}", role.name()),
                text: Token::parse(&session).unwrap().hash().to_hex(),
            });
            actor.session = Some(session);
        }

        let convenor = &actors[Role::ConvenorHere.column()].client;
        let create = |body: Value| {
            let request = convenor.post(app.url("/api/dialogues")).json(&body);
            async move {
                let created = request.send().await.unwrap();
                assert_eq!(created.status(), StatusCode::CREATED);
                created.json::<Value>().await.unwrap()["id"]
                    .as_i64()
                    .unwrap()
            }
        };
        let dialogue = create(json!({
            "partnership_id": here.get(),
            "title": "Our parks",
            "question": "What would make the parks better for health?",
            "constituencies": [{"name": "resident", "kind": "lay"}, {"name": "GP", "kind": "professional"}],
            "statements": ["More benches", "Free outdoor gyms", "Longer opening hours"],
        }))
        .await;
        let private = create(json!({
            "partnership_id": here.get(),
            "title": "Our clinics",
            "question": "What would make the clinics easier to reach?",
            "statements": ["Evening hours", "A bus stop at the door"],
        }))
        .await;
        let made_private = convenor
            .patch(app.url(&format!("/api/dialogues/{private}")))
            .json(&json!({ "report_visibility": "convenors" }))
            .send()
            .await
            .unwrap();
        assert_eq!(made_private.status(), StatusCode::OK);
        store
            .set_dialogue_shared_with_partners(DialogueId(private), true)
            .await
            .unwrap();
        let elsewhere_dialogue = actors[Role::ConvenorElsewhere.column()]
            .client
            .post(app.url("/api/dialogues"))
            .json(&json!({
                "partnership_id": elsewhere.get(),
                "title": "Our river",
                "question": "How should the riverside change?",
                "statements": ["Fewer cars by the water"],
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(elsewhere_dialogue.status(), StatusCode::CREATED);
        let elsewhere_dialogue = elsewhere_dialogue.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();

        // The facilitator accepts an invitation to the dialogue here, signs in, and finds one
        // card keyed already, whose participant the statement rows write for.
        let now = app.state.now_ms();
        let facilitator_invitation = |email: Option<&str>| {
            store.create_facilitator_invitation(NewFacilitatorInvitation {
                place: DialogueId(dialogue),
                email: email.map(|email| Email::parse(email).unwrap()),
                created_by: convenor_here.id,
                created_at: now,
                expires_at: now + 14 * 24 * 3600 * 1000,
            })
        };
        let (_, facilitator_token) = facilitator_invitation(Some("facilitator@example.org"))
            .await
            .unwrap();
        let (fac_revocable, _) = facilitator_invitation(None).await.unwrap();
        store
            .accept_facilitator_invitation(
                &facilitator_token,
                AcceptInvitation::NewAccount {
                    email: Email::parse("facilitator@example.org").unwrap(),
                    password_hash: PasswordHash::create(
                        &Password::parse(PASSWORD).unwrap(),
                        &[3; 16],
                    )
                    .unwrap(),
                },
                now,
            )
            .await
            .unwrap();
        store
            .enter_card(Card {
                dialogue: DialogueId(dialogue),
                code: "WORLD1".to_owned(),
                constituencies: Vec::new(),
                votes: Vec::new(),
                channel: VoteChannel::Paper,
                replace: false,
                entered_at: now,
            })
            .await
            .unwrap();
        // The moderator accepts an invitation to the dialogue here too; one more invitation to
        // moderate stays unused for the revoking row.
        let moderator_invitation = |email: Option<&str>| {
            store.create_moderator_invitation(NewModeratorInvitation {
                place: DialogueId(dialogue),
                email: email.map(|email| Email::parse(email).unwrap()),
                created_by: convenor_here.id,
                created_at: now,
                expires_at: now + 14 * 24 * 3600 * 1000,
            })
        };
        let (_, moderator_token) = moderator_invitation(None).await.unwrap();
        let (mod_revocable, _) = moderator_invitation(None).await.unwrap();
        store
            .accept_moderator_invitation(
                &moderator_token,
                AcceptInvitation::NewAccount {
                    email: Email::parse("moderator@example.org").unwrap(),
                    password_hash: PasswordHash::create(
                        &Password::parse(PASSWORD).unwrap(),
                        &[4; 16],
                    )
                    .unwrap(),
                },
                now,
            )
            .await
            .unwrap();
        for (role, email) in [
            (Role::FacilitatorHere, "facilitator@example.org"),
            (Role::ModeratorHere, "moderator@example.org"),
        ] {
            let actor = &mut actors[role.column()];
            let signed_in = actor
                .client
                .post(app.url("/api/session"))
                .json(&json!({ "email": email, "password": PASSWORD }))
                .send()
                .await
                .unwrap();
            assert_eq!(
                signed_in.status(),
                StatusCode::OK,
                "the {} signs in",
                role.name()
            );
            let session = cookie_value(&jars[role.column()], &base, "cg_session")
                .expect("signing in sets the session cookie");
            let home = actor.client.get(app.url("/convenor")).send().await.unwrap();
            actor.csrf = form_field(&home.text().await.unwrap(), "csrf")
                .expect("the account's home carries a form token");
            secrets.push(Secret {
                owner: Some(role),
                what: format!("the session token of the {}", role.name()),
                text: session.clone(),
            });
            secrets.push(Secret {
                owner: Some(role),
                what: format!("the session token hash of the {}", role.name()),
                text: Token::parse(&session).unwrap().hash().to_hex(),
            });
            actor.session = Some(session);
        }
        let convenor = &actors[Role::ConvenorHere.column()].client;

        let seeds = |id: i64| {
            let request = convenor.get(app.url(&format!("/api/dialogues/{id}/statements")));
            async move {
                let listed = request.send().await.unwrap().json::<Value>().await.unwrap();
                listed["statements"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|statement| statement["id"].as_i64().unwrap())
                    .collect::<Vec<_>>()
            }
        };
        let statements = seeds(dialogue).await;
        let private_statements = seeds(private).await;

        // Participants join through the API; their browsers get the cookie the join sets.
        let participant_here = app.join(dialogue, &["resident"]).await;
        let participant_here_private = app.join(private, &[]).await;
        let participant_elsewhere = app.join(elsewhere_dialogue, &[]).await;
        let other_participant = app.join(dialogue, &["GP"]).await;
        for (role, dialogue_id, participant) in [
            (Role::ParticipantHere, dialogue, &participant_here),
            (Role::ParticipantHere, private, &participant_here_private),
            (
                Role::ParticipantElsewhere,
                elsewhere_dialogue,
                &participant_elsewhere,
            ),
        ] {
            jars[role.column()].add_cookie_str(
                &format!("cg_participant_{dialogue_id}={}; Path=/", participant.token),
                &base,
            );
            actors[role.column()]
                .tokens
                .push((dialogue_id, participant.token.clone()));
        }
        for (owner, what, participant) in [
            (
                Some(Role::ParticipantHere),
                "the token of the participant here",
                &participant_here,
            ),
            (
                Some(Role::ParticipantHere),
                "the private dialogue's token of the participant here",
                &participant_here_private,
            ),
            (
                Some(Role::ParticipantElsewhere),
                "the token of the participant elsewhere",
                &participant_elsewhere,
            ),
            (
                None,
                "the token of another participant of the dialogue",
                &other_participant,
            ),
        ] {
            secrets.push(Secret {
                owner,
                what: what.to_owned(),
                text: participant.token.clone(),
            });
            secrets.push(Secret {
                owner,
                what: format!("the hash of {what}"),
                text: Token::parse(&participant.token).unwrap().hash().to_hex(),
            });
        }

        let written = app
            .submit_statement(dialogue, &other_participant, "Water fountains by the pond")
            .await;
        assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
        let written = written.body["id"].as_i64().unwrap();
        for statement in statements.iter().copied().chain([written]) {
            let voted = app
                .vote(dialogue, &other_participant, statement, "agree")
                .await;
            assert_eq!(voted.status, StatusCode::OK, "{voted:?}");
        }
        let voted = app
            .vote(dialogue, &participant_here, statements[0], "agree")
            .await;
        assert_eq!(voted.status, StatusCode::OK, "{voted:?}");
        let voted = app
            .vote(
                private,
                &participant_here_private,
                private_statements[0],
                "agree",
            )
            .await;
        assert_eq!(voted.status, StatusCode::OK, "{voted:?}");
        // Constituencies nobody chooses and seed statements nobody votes on, to edit and remove.
        let mut unchosen = Vec::new();
        for name in ["Pharmacist", "Dentist", "Optician"] {
            let added = store
                .add_constituency(
                    DialogueId(dialogue),
                    store::NewConstituency {
                        name: model::ConstituencyName::parse(name).unwrap(),
                        expected_share: None,
                        kind: None,
                    },
                )
                .await
                .unwrap();
            unchosen.push(added.id.get());
        }
        let mut unvoted = Vec::new();
        for text in [
            "Shade by the swings",
            "Dog-free lawns",
            "A café by the gate",
        ] {
            let added = store
                .submit_statement(store::NewStatement {
                    dialogue: DialogueId(dialogue),
                    text: model::StatementText::parse(text).unwrap(),
                    author: None,
                    is_meta: false,
                    created_at: app.state.now_ms(),
                })
                .await
                .unwrap();
            unvoted.push(added.id.get());
        }
        for id in [dialogue, private] {
            assert_eq!(
                app.recompute_now(id).await,
                server::analysis::RunOutcome::Computed
            );
        }

        let rep_here = account_id(&app, "rep.here@example.org").await;
        let settled = settle(&app, here, partner, convenor_here.id, rep_here).await;
        let waves = open_waves(&app, here).await;
        let mapped = make_maps(&app, here, dialogue).await;
        let (listed, list_token_here, list_token_elsewhere) = list_priorities(
            &app,
            &actors[Role::ConvenorHere.column()].client,
            &actors[Role::ConvenorElsewhere.column()].client,
            here,
            elsewhere,
            dialogue,
        )
        .await;
        for (role, token, what) in [
            (
                Role::ParticipantHere,
                list_token_here,
                "the priority list token of the participant here",
            ),
            (
                Role::ParticipantElsewhere,
                list_token_elsewhere,
                "the priority list token of the participant elsewhere",
            ),
        ] {
            secrets.push(Secret {
                owner: Some(role),
                what: what.to_owned(),
                text: token.clone(),
            });
            actors[role.column()].list_tokens.push((0, token));
        }
        // Browsers present the list's participant token to its pages in a cookie.
        let (_, list_token_here) = &actors[Role::ParticipantHere.column()].list_tokens[0];
        jars[Role::ParticipantHere.column()].add_cookie_str(
            &format!("cg_priority_{}={list_token_here}; Path=/", listed.list),
            &base,
        );

        World {
            app,
            actors,
            jars,
            base,
            secrets,
            dialogue,
            private,
            partnership: here.get(),
            statement: statements[0],
            written,
            partner: partner.get(),
            spare_id: spare_id.get(),
            spare_rep: spare_rep.get(),
            spare_rep_page: spare_rep_page.get(),
            removable: removable.get(),
            removable_page: removable_page.get(),
            revocable: revocable.get(),
            revocable_page: revocable_page.get(),
            conv_revocable: conv_revocable.get(),
            conv_revocable_page: conv_revocable_page.get(),
            fac_revocable: fac_revocable.id.get(),
            mod_revocable: mod_revocable.id.get(),
            constituency: unchosen[0],
            removable_constituency: unchosen[1],
            removable_constituency_page: unchosen[2],
            fresh_seed: unvoted[0],
            removable_seed: unvoted[1],
            removable_seed_page: unvoted[2],
            invite,
            used_invite,
            convenor_invite,
            used_convenor_invite,
            settled,
            listed,
            waves,
            mapped,
            _data_dir: data_dir,
        }
    }

    /// Fills a path, body or location with this world's objects and the caller's values.
    fn fill(&self, template: &str, actor: &Actor, cell_number: usize) -> String {
        template
            .replace("{dialogue}", &self.dialogue.to_string())
            .replace("{private}", &self.private.to_string())
            .replace("{partnership}", &self.partnership.to_string())
            .replace("{statement}", &self.statement.to_string())
            .replace("{written}", &self.written.to_string())
            .replace("{partner}", &self.partner.to_string())
            .replace("{spare_id}", &self.spare_id.to_string())
            .replace("{spare_rep_page}", &self.spare_rep_page.to_string())
            .replace("{spare_rep}", &self.spare_rep.to_string())
            .replace("{removable_page}", &self.removable_page.to_string())
            .replace("{removable}", &self.removable.to_string())
            .replace(
                "{conv_revocable_page}",
                &self.conv_revocable_page.to_string(),
            )
            .replace("{conv_revocable}", &self.conv_revocable.to_string())
            .replace("{fac_revocable}", &self.fac_revocable.to_string())
            .replace("{mod_revocable}", &self.mod_revocable.to_string())
            .replace("{revocable_page}", &self.revocable_page.to_string())
            .replace("{revocable}", &self.revocable.to_string())
            .replace(
                "{removable_constituency_page}",
                &self.removable_constituency_page.to_string(),
            )
            .replace(
                "{removable_constituency}",
                &self.removable_constituency.to_string(),
            )
            .replace("{constituency}", &self.constituency.to_string())
            .replace(
                "{removable_seed_page}",
                &self.removable_seed_page.to_string(),
            )
            .replace("{removable_seed}", &self.removable_seed.to_string())
            .replace("{fresh_seed}", &self.fresh_seed.to_string())
            .replace("{used_convenor_invite}", &self.used_convenor_invite)
            .replace("{convenor_invite}", &self.convenor_invite)
            .replace("{used_invite}", &self.used_invite)
            .replace("{invite}", &self.invite)
            .replace(
                "{draft_objective}",
                &self.settled.draft_objective.to_string(),
            )
            .replace("{page_draft}", &self.settled.page_draft.to_string())
            .replace("{page_adoptable}", &self.settled.page_adoptable.to_string())
            .replace("{adoptable}", &self.settled.adoptable.to_string())
            .replace(
                "{page_withdrawable}",
                &self.settled.page_withdrawable.to_string(),
            )
            .replace("{withdrawable}", &self.settled.withdrawable.to_string())
            .replace("{adopted}", &self.settled.adopted.to_string())
            .replace("{objective}", &self.settled.objective.to_string())
            .replace("{action}", &self.settled.action.to_string())
            .replace("{private_list}", &self.listed.private_list.to_string())
            .replace("{list}", &self.listed.list.to_string())
            .replace("{closing_map}", &self.mapped.closing_map.to_string())
            .replace("{map_factor_b}", &self.mapped.factor_b.to_string())
            .replace("{map_factor}", &self.mapped.factor.to_string())
            .replace("{map_link}", &self.mapped.link.to_string())
            .replace("{map}", &self.mapped.map.to_string())
            .replace("{closed_wave}", &self.waves.closed_wave.to_string())
            .replace("{closing_wave}", &self.waves.closing_wave.to_string())
            .replace("{wave}", &self.waves.wave.to_string())
            .replace("{option_a}", &self.listed.option_a.to_string())
            .replace("{option_b}", &self.listed.option_b.to_string())
            .replace("{added_option}", &self.listed.added_option.to_string())
            .replace("{n}", &cell_number.to_string())
            .replace("{csrf}", &actor.csrf)
            .replace("{spare_email}", SPARE_EMAIL)
            .replace("{password}", PASSWORD)
    }

    async fn observe(&self, witness: Witness, actor: &Actor) -> String {
        let store = self.app.state.store();
        let dialogue = DialogueId(self.dialogue);
        let partnership = PartnershipId(self.partnership);
        match witness {
            Witness::VoteEvents => store
                .count_votes(dialogue)
                .await
                .unwrap()
                .vote_events
                .to_string(),
            Witness::Statements => {
                let counts = store.count_statements(dialogue).await.unwrap();
                (counts.pending + counts.accepted + counts.rejected).to_string()
            }
            Witness::Participants => store
                .count_votes(dialogue)
                .await
                .unwrap()
                .participants
                .to_string(),
            Witness::Constituencies => store
                .get_dialogue(dialogue)
                .await
                .unwrap()
                .constituencies
                .len()
                .to_string(),
            Witness::Description => store
                .get_dialogue(dialogue)
                .await
                .unwrap()
                .settings
                .description
                .as_str()
                .to_owned(),
            Witness::IsOpen => store
                .get_dialogue(dialogue)
                .await
                .unwrap()
                .is_open
                .to_string(),
            Witness::TakesStatements => store
                .get_dialogue(dialogue)
                .await
                .unwrap()
                .settings
                .allow_participant_statements
                .to_string(),
            Witness::Memberships => {
                format!("{:?}", store.list_memberships(dialogue).await.unwrap())
            }
            Witness::WrittenStatus => format!(
                "{:?}",
                store
                    .get_statement(StatementId(self.written))
                    .await
                    .unwrap()
                    .moderation
            ),
            Witness::PartnershipDialogues => store
                .list_dialogues(partnership)
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::Partners => store
                .list_partners(partnership)
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::Partnerships => store.list_partnerships().await.unwrap().len().to_string(),
            Witness::Purpose => store
                .get_partnership(partnership)
                .await
                .unwrap()
                .purpose
                .as_str()
                .to_owned(),
            Witness::PartnerName => store
                .get_partner(PartnerId(self.partner))
                .await
                .unwrap()
                .name
                .as_str()
                .to_owned(),
            Witness::Convenors => format!(
                "{:?}",
                store
                    .list_partnership_members(partnership)
                    .await
                    .unwrap()
                    .iter()
                    .map(|member| member.id)
                    .collect::<Vec<_>>()
            ),
            Witness::StatementVersions => {
                format!("{:?}", store.statement_versions(dialogue).await.unwrap())
            }
            Witness::Rounds => format!("{:?}", store.rounds(dialogue).await.unwrap()),
            Witness::DialogueLanguages => format!(
                "{:?} {:?}",
                store.dialogue_languages(dialogue).await.unwrap(),
                store.statement_languages(dialogue).await.unwrap()
            ),
            Witness::FacilitatorInvitations => format!(
                "{:?}",
                store
                    .list_facilitator_invitations(dialogue)
                    .await
                    .unwrap()
                    .iter()
                    .map(|invitation| (invitation.id, invitation.status(self.app.state.now_ms())))
                    .collect::<Vec<_>>()
            ),
            Witness::ModeratorInvitations => format!(
                "{:?}",
                store
                    .list_moderator_invitations(dialogue)
                    .await
                    .unwrap()
                    .iter()
                    .map(|invitation| (invitation.id, invitation.status(self.app.state.now_ms())))
                    .collect::<Vec<_>>()
            ),
            Witness::ConvenorInvitations => format!(
                "{:?}",
                store
                    .list_convenor_invitations(partnership)
                    .await
                    .unwrap()
                    .iter()
                    .map(|invitation| (invitation.id, invitation.status(self.app.state.now_ms())))
                    .collect::<Vec<_>>()
            ),
            Witness::Invitations => format!(
                "{:?}",
                store
                    .list_invitations(PartnerId(self.partner))
                    .await
                    .unwrap()
                    .iter()
                    .map(|invitation| (invitation.id, invitation.status(self.app.state.now_ms())))
                    .collect::<Vec<_>>()
            ),
            Witness::Representatives => format!(
                "{:?}",
                store
                    .list_representatives(PartnerId(self.partner))
                    .await
                    .unwrap()
                    .iter()
                    .map(|representative| representative.account)
                    .collect::<Vec<_>>()
            ),
            Witness::ConstituencyDetails => format!(
                "{:?}",
                store
                    .get_dialogue(dialogue)
                    .await
                    .unwrap()
                    .constituencies
                    .iter()
                    .map(|c| (c.name.as_str().to_owned(), c.expected_share, c.kind))
                    .collect::<Vec<_>>()
            ),
            Witness::FreshSeedText => {
                store
                    .get_statement(StatementId(self.fresh_seed))
                    .await
                    .unwrap()
                    .text
            }
            Witness::ObjectiveTranslations => format!(
                "{} {:?}",
                store
                    .objective_language(store::ObjectiveId(self.settled.objective))
                    .await
                    .unwrap(),
                store
                    .objective_translations(store::ObjectiveId(self.settled.objective))
                    .await
                    .unwrap()
            ),
            Witness::Record => store
                .read_record(partnership)
                .await
                .unwrap()
                .0
                .len()
                .to_string(),
            Witness::Published => store
                .publication(PartnershipId(self.partnership))
                .await
                .unwrap()
                .published_at
                .is_some()
                .to_string(),
            Witness::CalendarFeed => store
                .publication(PartnershipId(self.partnership))
                .await
                .unwrap()
                .has_calendar_feed
                .to_string(),
            Witness::PriorityLists => store
                .list_priority_lists(partnership)
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::ListDescription => store
                .get_priority_list(PriorityListId(self.listed.list))
                .await
                .unwrap()
                .settings
                .description
                .to_string(),
            Witness::ListOpen => store
                .get_priority_list(PriorityListId(self.listed.list))
                .await
                .unwrap()
                .is_open
                .to_string(),
            Witness::OptionVersions => format!(
                "{} {:?}",
                store
                    .priority_list_language(PriorityListId(self.listed.list))
                    .await
                    .unwrap(),
                store
                    .option_versions(PriorityListId(self.listed.list))
                    .await
                    .unwrap()
            ),
            Witness::ListOptions => store
                .list_priority_options(PriorityListId(self.listed.list))
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::AddedOptionStatus => store
                .get_priority_option(PriorityOptionId(self.listed.added_option))
                .await
                .unwrap()
                .moderation
                .to_string(),
            Witness::Comparisons => store
                .list_comparisons(PriorityListId(self.listed.list))
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::TrustWaves => store
                .list_trust_waves(partnership)
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::WaveTitle => store
                .get_trust_wave(model::TrustWaveId(self.waves.wave))
                .await
                .unwrap()
                .title
                .to_string(),
            Witness::WaveClosed => store
                .get_trust_wave(model::TrustWaveId(self.waves.closing_wave))
                .await
                .unwrap()
                .closed
                .to_string(),
            Witness::TrustResponses => {
                let mut responses = String::new();
                for wave in [self.waves.wave, self.waves.closed_wave] {
                    let listed = store
                        .list_trust_responses(model::TrustWaveId(wave))
                        .await
                        .unwrap();
                    responses.push_str(&format!("{listed:?}"));
                }
                responses
            }
            Witness::SystemMaps => store
                .list_system_maps(partnership)
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::MapTitle => {
                store
                    .get_system_map(model::SystemMapId(self.mapped.map))
                    .await
                    .unwrap()
                    .title
            }
            Witness::MapClosed => store
                .get_system_map(model::SystemMapId(self.mapped.closing_map))
                .await
                .unwrap()
                .closed_at
                .is_some()
                .to_string(),
            Witness::MapJudging => store
                .get_system_map(model::SystemMapId(self.mapped.map))
                .await
                .unwrap()
                .participants_may_judge
                .to_string(),
            Witness::MapFactors => format!(
                "{:?}",
                store
                    .list_map_factors(model::SystemMapId(self.mapped.map))
                    .await
                    .unwrap()
            ),
            Witness::MapLinks => format!(
                "{:?}",
                store
                    .list_map_links(model::SystemMapId(self.mapped.map))
                    .await
                    .unwrap()
            ),
            Witness::MapJudgments => format!(
                "{:?}",
                store
                    .list_map_judgments(model::SystemMapId(self.mapped.map))
                    .await
                    .unwrap()
                    .iter()
                    .map(|judgment| (judgment.judge, judgment.judgment))
                    .collect::<Vec<_>>()
            ),
            Witness::MapPins => format!(
                "{:?}",
                store
                    .list_map_pins(model::SystemMapId(self.mapped.map))
                    .await
                    .unwrap()
                    .iter()
                    .map(|pin| (pin.action, pin.factor, pin.push))
                    .collect::<Vec<_>>()
            ),
            Witness::ListParticipants => store
                .list_priority_participants(PriorityListId(self.listed.list))
                .await
                .unwrap()
                .len()
                .to_string(),
            Witness::Shared => store
                .get_dialogue(DialogueId(self.private))
                .await
                .unwrap()
                .shared_with_partners
                .to_string(),
            Witness::OwnSession => match &actor.session {
                None => "no session".to_owned(),
                Some(token) => {
                    let token = Token::parse(token).unwrap();
                    let found = store
                        .find_session(&token, self.app.state.now_ms())
                        .await
                        .unwrap();
                    format!("session valid: {}", found.is_some())
                }
            },
        }
    }

    async fn send(&self, actor: &Actor, row: &Row, path: &str, cell_number: usize) -> Reply {
        let mut request = actor.client.request(row.verb.method(), self.app.url(path));
        if path.starts_with("/api/priority-lists/") {
            // A list's participant presents their token for lists; they have at most one.
            if let Some((_, token)) = actor.list_tokens.first() {
                request = request.bearer_auth(token);
            }
        } else if path.starts_with("/api/")
            && let Some(token) = actor.token_for(dialogue_in(path))
        {
            request = request.bearer_auth(token);
        }
        match row.payload {
            Payload::None => {}
            Payload::Json(template) => {
                let text = self.fill(template, actor, cell_number);
                let body: Value = serde_json::from_str(&text).unwrap_or_else(|error| {
                    panic!("the body of {} is not JSON: {error}", row.path)
                });
                request = request.json(&body);
            }
            Payload::Form(template) => {
                // The values filled in hold no character a form must escape but the space.
                let body = self.fill(template, actor, cell_number).replace(' ', "+");
                request = request
                    .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(body);
            }
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let is_stream = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/event-stream"));
        // An event stream never ends: its status and headers are the answer.
        let body = if is_stream {
            Vec::new()
        } else {
            response.bytes().await.expect("body").to_vec()
        };
        let code = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|json| json["error"]["code"].as_str().map(str::to_owned));
        Reply {
            status,
            location,
            code,
            body,
        }
    }

    /// Lets the participant here act, for one cell, as a participant of the dialogue who has
    /// just joined; returns their own token and form token, to put back afterwards.
    async fn swap_in_fresh_participant(&mut self) -> (String, String) {
        let fresh = self.app.join(self.dialogue, &[]).await;
        let column = Role::ParticipantHere.column();
        self.jars[column].add_cookie_str(
            &format!("cg_participant_{}={}; Path=/", self.dialogue, fresh.token),
            &self.base,
        );
        let actor = &mut self.actors[column];
        let erase_page = actor
            .client
            .get(self.app.url(&format!("/d/{}/me/erase", self.dialogue)))
            .send()
            .await
            .unwrap();
        let csrf = form_field(&erase_page.text().await.unwrap(), "csrf")
            .expect("the erase page carries a form token");
        let slot = actor
            .tokens
            .iter_mut()
            .find(|(id, _)| *id == self.dialogue)
            .expect("the participant here has a token for the dialogue");
        let own_token = std::mem::replace(&mut slot.1, fresh.token);
        let own_csrf = std::mem::replace(&mut actor.csrf, csrf);
        (own_token, own_csrf)
    }

    fn restore_participant(&mut self, (token, csrf): (String, String)) {
        let column = Role::ParticipantHere.column();
        self.jars[column].add_cookie_str(
            &format!("cg_participant_{}={token}; Path=/", self.dialogue),
            &self.base,
        );
        let actor = &mut self.actors[column];
        if let Some(slot) = actor.tokens.iter_mut().find(|(id, _)| *id == self.dialogue) {
            slot.1 = token;
        }
        actor.csrf = csrf;
    }

    /// Runs one cell and returns everything wrong with its answer.
    async fn check(&mut self, row: &Row, role: Role, cell_number: usize) -> Vec<String> {
        let saved = if row.is_on_fresh_participant && role == Role::ParticipantHere {
            Some(self.swap_in_fresh_participant().await)
        } else {
            None
        };
        let problems = self.check_cell(row, role, cell_number).await;
        if let Some(saved) = saved {
            self.restore_participant(saved);
        }
        problems
    }

    /// Sends one cell's request and returns everything wrong with the answer.
    async fn check_cell(&self, row: &Row, role: Role, cell_number: usize) -> Vec<String> {
        let actor = &self.actors[role.column()];
        let cell = row.cells[role.column()];
        let path = self.fill(row.path, actor, cell_number);
        let label = format!("{} {path} as {}", row.verb.as_str(), role.name());
        let witness = match row.effect {
            Effect::None => None,
            Effect::Changes(witness) | Effect::Guards(witness) => Some(witness),
        };
        let before = match witness {
            Some(witness) => Some(self.observe(witness, actor).await),
            None => None,
        };
        let reply = self.send(actor, row, &path, cell_number).await;
        let mut problems = Vec::new();
        if let Some(problem) = self.judge(cell, &reply, &path, actor) {
            problems.push(format!("{label}: {problem}"));
        }
        if let (Some(witness), Some(before)) = (witness, before) {
            let after = self.observe(witness, actor).await;
            let must_change = matches!(row.effect, Effect::Changes(_)) && cell.is_success();
            if !cell.is_success() && after != before {
                problems.push(format!(
                    "{label}: was refused but changed {witness:?} from {before:?} to {after:?}"
                ));
            }
            if must_change && after == before {
                problems.push(format!(
                    "{label}: succeeded but left {witness:?} at {before:?}"
                ));
            }
        }
        problems.extend(
            self.leaks(role, &reply.body)
                .into_iter()
                .map(|leak| format!("{label}: {leak}")),
        );
        if role.is_convenor() && cell.is_success() && is_raw_data_export(&path) {
            // The detector must see the raw votes a raw export holds, or its silence on
            // participants' answers would prove nothing.
            if raw_votes(&reply.body).is_none() {
                problems.push(format!(
                    "{label}: the raw-vote detector found no votes in a raw export"
                ));
            }
        }
        problems
    }

    /// Returns what is wrong with an answer, given the cell's expectation.
    fn judge(&self, cell: Cell, reply: &Reply, path: &str, actor: &Actor) -> Option<String> {
        let is_api = path.starts_with("/api/") || path == "/healthz";
        let got = format!(
            "got {} (code {:?}, location {:?}): {}",
            reply.status,
            reply.code,
            reply.location,
            String::from_utf8_lossy(&reply.body[..reply.body.len().min(300)])
        );
        let redirect_to = |expected: &str| {
            let matches = reply.status == StatusCode::SEE_OTHER
                && reply
                    .location
                    .as_deref()
                    .is_some_and(|location| location_matches(expected, location));
            (!matches).then(|| format!("expected a redirect to {expected}, {got}"))
        };
        let refused = |status: StatusCode, code: &str| {
            let code_matches = !is_api || reply.code.as_deref() == Some(code);
            (reply.status != status || !code_matches)
                .then(|| format!("expected {status} {code}, {got}"))
        };
        match cell {
            Cell::Status(status) => {
                (reply.status.as_u16() != status).then(|| format!("expected {status}, {got}"))
            }
            Cell::Done(pattern) | Cell::Away(pattern) => redirect_to(&self.fill(pattern, actor, 0)),
            Cell::SignIn => redirect_to(&sign_in_location(path)),
            Cell::Unauthenticated => refused(StatusCode::UNAUTHORIZED, "unauthenticated"),
            Cell::Forbidden => refused(StatusCode::FORBIDDEN, "forbidden"),
            Cell::Refused(status, code) => {
                refused(StatusCode::from_u16(status).expect("a valid status"), code)
            }
        }
    }

    /// Returns every secret an answer shows that is not the caller's own, and, for anyone but
    /// a convenor, any raw per-participant vote it carries.
    fn leaks(&self, role: Role, body: &[u8]) -> Vec<String> {
        let text = String::from_utf8_lossy(body);
        let mut leaks: Vec<String> = self
            .secrets
            .iter()
            .filter(|secret| secret.owner != Some(role) && text.contains(&secret.text))
            .map(|secret| format!("the answer shows {}", secret.what))
            .collect();
        if !role.is_convenor()
            && let Some(found) = raw_votes(body)
        {
            leaks.push(format!("the answer carries raw votes: {found}"));
        }
        leaks
    }
}

/// Returns whether a path asks for an export that holds every participant's votes (a priority
/// list's export holds comparisons, not votes).
fn is_raw_data_export(path: &str) -> bool {
    path.starts_with("/api/dialogues/")
        && path.contains("/export")
        && !path.ends_with("/comments.csv")
        && !path.ends_with("/summary.csv")
}

/// Keys that name a participant in a record.
const PARTICIPANT_KEYS: &[&str] = &["participant", "participant_id", "voter", "voter_id", "pid"];

/// Keys that hold a vote's choice in a record.
const CHOICE_KEYS: &[&str] = &["vote", "choice"];

/// The fields the analysis gives each participant: their place on the map and counts, never
/// how they voted on each statement.
const AGGREGATE_PARTICIPANT_FIELDS: &[&str] = &[
    "id",
    "group",
    "in_conv",
    "votes",
    "projection",
    "constituencies",
];

/// Returns a description of the raw per-participant votes a body carries, if any: a record
/// naming a participant and a choice, a participant entry with more than the aggregate
/// fields, or a Pol.is vote table.
fn raw_votes(body: &[u8]) -> Option<String> {
    if let Ok(json) = serde_json::from_slice::<Value>(body) {
        return raw_votes_in_json(&json, "$");
    }
    let text = String::from_utf8_lossy(body);
    if text.contains("voter-id") {
        return Some("a table with a voter-id column".to_owned());
    }
    text.lines()
        .any(|line| line.starts_with("participant,group-id"))
        .then(|| "a table of each participant's vote on each statement".to_owned())
}

fn raw_votes_in_json(value: &Value, at: &str) -> Option<String> {
    match value {
        Value::Object(map) => {
            let names_participant = PARTICIPANT_KEYS.iter().any(|key| map.contains_key(*key));
            let names_choice = CHOICE_KEYS
                .iter()
                .any(|key| map.get(*key).is_some_and(Value::is_string));
            if names_participant && names_choice {
                return Some(format!("a vote record at {at}"));
            }
            if let Some(Value::Array(entries)) = map.get("participants") {
                for (index, entry) in entries.iter().enumerate() {
                    let Value::Object(fields) = entry else {
                        continue;
                    };
                    if let Some(extra) = fields
                        .keys()
                        .find(|key| !AGGREGATE_PARTICIPANT_FIELDS.contains(&key.as_str()))
                    {
                        return Some(format!(
                            "the field {extra:?} of the participant at {at}.participants[{index}]"
                        ));
                    }
                    if fields.get("votes").is_some_and(|votes| !votes.is_number()) {
                        return Some(format!(
                            "the votes of the participant at {at}.participants[{index}]"
                        ));
                    }
                }
            }
            map.iter()
                .find_map(|(key, child)| raw_votes_in_json(child, &format!("{at}.{key}")))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| raw_votes_in_json(item, &format!("{at}[{index}]"))),
        _ => None,
    }
}

#[tokio::test]
async fn every_role_gets_the_answer_the_matrix_gives_on_every_route() {
    let mut world = World::build().await;
    let mut problems = Vec::new();
    let mut cell_number = 0;
    for row in MATRIX {
        for role in ROLES {
            cell_number += 1;
            problems.extend(world.check(row, role, cell_number).await);
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {} cells:\n{}",
        problems.len(),
        cell_number,
        problems.join("\n")
    );
}

/// The HTTP methods a router may chain.
const METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "trace",
];

/// Returns the (method, route) pairs of the `.route(…)` calls in a router's source, or why
/// they cannot all be read.
fn scan_routes(source: &str) -> Result<Vec<(String, String)>, String> {
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for unreadable in [".nest(", ".nest_service(", ".route_service("] {
        if code.contains(unreadable) {
            return Err(format!(
                "the router uses {unreadable}…): list its routes in the matrix by hand"
            ));
        }
    }
    let mut routes = Vec::new();
    let mut rest = code.as_str();
    while let Some(start) = rest.find(".route(") {
        rest = &rest[start + ".route(".len()..];
        let after_quote = rest
            .trim_start()
            .strip_prefix('"')
            .ok_or_else(|| "a .route( call does not start with a literal path".to_owned())?;
        let end = after_quote
            .find('"')
            .ok_or_else(|| "a route's path is not closed".to_owned())?;
        let path = &after_quote[..end];
        let mut depth = 1;
        let mut word = String::new();
        let mut methods = Vec::new();
        let mut in_string = false;
        let mut consumed = 0;
        for (offset, character) in after_quote[end + 1..].char_indices() {
            consumed = offset;
            if in_string {
                in_string = character != '"';
                continue;
            }
            match character {
                '"' => in_string = true,
                '(' => {
                    if depth == 1 && !word.is_empty() {
                        if !METHODS.contains(&word.as_str()) {
                            return Err(format!("{path} uses `{word}`, which is not a method"));
                        }
                        methods.push(word.to_ascii_uppercase());
                    }
                    depth += 1;
                }
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            if character.is_ascii_alphanumeric() || character == '_' {
                word.push(character);
            } else {
                word.clear();
            }
        }
        if depth != 0 || methods.is_empty() {
            return Err(format!("the methods of {path} cannot be read"));
        }
        routes.extend(methods.into_iter().map(|method| (method, path.to_owned())));
        rest = &after_quote[end + 1 + consumed..];
    }
    Ok(routes)
}

/// Returns the (method, route) pairs of the committed OpenAPI document.
fn documented_routes() -> Vec<(String, String)> {
    let document: Value = serde_json::from_str(include_str!("../../../../openapi.json"))
        .expect("openapi.json is JSON");
    let paths = document["paths"]
        .as_object()
        .expect("openapi.json has paths");
    paths
        .iter()
        .flat_map(|(path, operations)| {
            operations
                .as_object()
                .into_iter()
                .flat_map(|operations| operations.keys())
                .filter(|method| METHODS.contains(&method.as_str()))
                .map(move |method| (method.to_ascii_uppercase(), path.clone()))
        })
        .collect()
}

/// The source files that declare routes: the API router, the pages, and every room.
const ROUTERS: &[(&str, &str)] = &[
    ("routes/mod.rs", include_str!("../../src/routes/mod.rs")),
    ("web/mod.rs", include_str!("../../src/web/mod.rs")),
    (
        "dialogues/mod.rs",
        include_str!("../../src/dialogues/mod.rs"),
    ),
    (
        "participation/mod.rs",
        include_str!("../../src/participation/mod.rs"),
    ),
    (
        "moderation/mod.rs",
        include_str!("../../src/moderation/mod.rs"),
    ),
    ("accounts/mod.rs", include_str!("../../src/accounts/mod.rs")),
    (
        "partnerships/mod.rs",
        include_str!("../../src/partnerships/mod.rs"),
    ),
    ("report/mod.rs", include_str!("../../src/report/mod.rs")),
    ("event/mod.rs", include_str!("../../src/event/mod.rs")),
    (
        "settlements/mod.rs",
        include_str!("../../src/settlements/mod.rs"),
    ),
    (
        "settlements/accountability/mod.rs",
        include_str!("../../src/settlements/accountability/mod.rs"),
    ),
    (
        "priorities/mod.rs",
        include_str!("../../src/priorities/mod.rs"),
    ),
    ("trust/mod.rs", include_str!("../../src/trust/mod.rs")),
    (
        "system_map/mod.rs",
        include_str!("../../src/system_map/mod.rs"),
    ),
    (
        "facilitation/mod.rs",
        include_str!("../../src/facilitation/mod.rs"),
    ),
    (
        "safeguarding/mod.rs",
        include_str!("../../src/safeguarding/mod.rs"),
    ),
    ("versions/mod.rs", include_str!("../../src/versions/mod.rs")),
    ("rounds/mod.rs", include_str!("../../src/rounds/mod.rs")),
];

/// Returns every route the server answers: the documented API, the API router and the pages.
fn every_route() -> BTreeSet<(String, String)> {
    let mut routes: BTreeSet<(String, String)> = documented_routes().into_iter().collect();
    for &(name, source) in ROUTERS {
        let found = scan_routes(source).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(!found.is_empty(), "{name} declares no route");
        routes.extend(found);
    }
    routes
}

#[test]
fn the_matrix_covers_every_route_and_no_other() {
    let routes = every_route();
    let covered: BTreeSet<(String, String)> = MATRIX
        .iter()
        .map(|row| (row.verb.as_str().to_owned(), row.route.to_owned()))
        .collect();
    let missing: Vec<_> = routes.difference(&covered).collect();
    let unknown: Vec<_> = covered.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "routes with no row in the access matrix: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "matrix rows for routes the server does not have: {unknown:?}"
    );
}

#[test]
fn the_route_scanner_reads_chained_and_wrapped_method_routers() {
    let source = r#"
        // .route("/commented", get(nothing))
        Router::new()
            .route("/one", get(handlers::one))
            .route(
                "/two/{id}",
                post(handlers::create)
                    .get(handlers::read)
                    .delete(handlers::remove),
            )
            .route("/three", axum::routing::patch(handlers::change))
            .layer(layer(")"))
    "#;
    assert_eq!(
        scan_routes(source).unwrap(),
        vec![
            ("GET".to_owned(), "/one".to_owned()),
            ("POST".to_owned(), "/two/{id}".to_owned()),
            ("GET".to_owned(), "/two/{id}".to_owned()),
            ("DELETE".to_owned(), "/two/{id}".to_owned()),
            ("PATCH".to_owned(), "/three".to_owned()),
        ]
    );
    assert!(scan_routes(r#".route("/any", any(handler))"#).is_err());
    assert!(scan_routes(r#".nest("/api", api())"#).is_err());
}

#[tokio::test]
async fn every_convenor_page_sends_a_visitor_without_a_session_to_sign_in() {
    let app = spawn_app_on(Config {
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    let client = browser(&Arc::new(Jar::default()));
    let mut checked = Vec::new();
    let declared = ROUTERS
        .iter()
        .flat_map(|(_, source)| scan_routes(source).unwrap());
    for (method, route) in declared {
        if !(route.starts_with("/convenor") || route == "/logout") {
            continue;
        }
        // Any id will do: the session is checked before anything is looked up.
        let path = route
            .replace("{id}", "1")
            .replace("{pid}", "1")
            .replace("{partner_id}", "1")
            .replace("{invitation_id}", "1")
            .replace("{account_id}", "1")
            .replace("{constituency_id}", "1")
            .replace("{statement_id}", "1")
            .replace("{option_id}", "1")
            .replace("{file}", "x");
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let response = client
            .request(method.clone(), app.url(&path))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .send()
            .await
            .unwrap();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        assert_eq!(
            (response.status(), location.as_deref()),
            (
                StatusCode::SEE_OTHER,
                Some(sign_in_location(&path).as_str())
            ),
            "{method} {path}"
        );
        checked.push(format!("{method} {route}"));
    }
    assert!(
        checked.contains(&"GET /convenor".to_owned())
            && checked.contains(&"POST /convenor/dialogues/{id}/close".to_owned()),
        "the convenor pages were not all found: {checked:?}"
    );
}

#[tokio::test]
async fn a_refusal_of_access_is_said_in_the_readers_language_and_in_the_apis_english() {
    use crate::fixtures::{
        ApiBrowser, PageBrowser, REPRESENTATIVE_PASSWORD, add_partner, add_representative,
    };
    let app = crate::support::spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let carers = add_partner(&app, partnership, "Northvale Carers", Sector::Voluntary).await;
    add_representative(&app, partnership, carers, "carers@example.org").await;
    let council = add_partner(
        &app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;

    // A partner's representative opens the page of a partner they do not speak for: the
    // forbidden page says why in the language asked for, whichever of the five it is.
    let reader = PageBrowser::signed_in(&app, "carers@example.org", REPRESENTATIVE_PASSWORD).await;
    let page = format!("/convenor/partnerships/{pid}/partners/{council}");
    for (language, said) in [
        (
            "cy",
            "Dim ond cynrychiolwyr y partner hwn a chynullwyr y bartneriaeth all wneud hyn.",
        ),
        (
            "pl",
            "Tylko przedstawiciele tego partnera i koordynatorzy partnerstwa mogą to zrobić.",
        ),
        (
            "ur",
            "یہ کام صرف اس شراکت دار کے نمائندے اور شراکت کے منتظمین کر سکتے ہیں",
        ),
        (
            "ro",
            "Doar reprezentanții acestui partener și coordonatorii parteneriatului pot face asta.",
        ),
        (
            "en",
            "Only this partner's representatives and the partnership's convenors may do this.",
        ),
    ] {
        let refused = reader.get(&app, &format!("{page}?lang={language}")).await;
        assert_eq!(
            refused.status,
            StatusCode::FORBIDDEN,
            "{language}: {refused:?}"
        );
        let text = refused.text.replace("&#x27;", "'");
        assert!(text.contains(said), "{language} lacks {said:?}: {text}");
        if language != "en" {
            assert!(
                !text.contains("representatives and the partnership's convenors"),
                "{language} still says it in English: {text}"
            );
        }
    }

    // The JSON API refuses the same account the same partner in its English, whatever the
    // browser prefers.
    let api = ApiBrowser::signed_in(&app, "carers@example.org", REPRESENTATIVE_PASSWORD).await;
    let answer = api
        .get(&format!(
            "/api/partnerships/{pid}/partners/{council}/representatives?lang=cy"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{answer:?}");
    assert_eq!(answer.code(), "forbidden");
    assert_eq!(
        answer.body["error"]["message"],
        "only this partner's representatives and the partnership's convenors may do this"
    );
}
