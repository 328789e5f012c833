//! The JSON routes of facilitation: a dialogue's convenors invite facilitators; facilitators
//! (and convenors) key cards for paper and facilitated participants, and write statements on
//! their behalf.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{DialogueId, FacilitatorInvitationId, StatementId, VoteChannel, VoteChoice};
use serde::{Deserialize, Serialize};
use store::FacilitatorInvitation;
use utoipa::ToSchema;

use super::service::{self, CardEntry};
use crate::api::{StatementView, SubmitStatementRequest, VoteBody};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::partnerships::api::{CreateInvitationRequest, PlaceInvitationState, invitation_link};
use crate::state::AppState;
use crate::views::statement_view;

/// An invitation to facilitate a dialogue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FacilitatorInvitationView {
    /// The invitation's id.
    pub id: i64,
    /// The dialogue it invites to facilitate.
    pub dialogue_id: i64,
    /// Where it stands.
    #[serde(flatten)]
    pub state: PlaceInvitationState,
}

/// A new invitation to facilitate and its single-use link, shown only in this answer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedFacilitatorInvitation {
    /// The invitation.
    pub invitation: FacilitatorInvitationView,
    /// The link to send to the person invited; it opens `/invite/{token}`.
    pub link: String,
    /// The token inside the link, for `POST /api/invitations/accept`.
    pub token: String,
}

/// How a card's votes reached the dialogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardChannel {
    /// Keyed from a printed card the participant filled in.
    Paper,
    /// Keyed by a facilitator for a person at an event or on the phone.
    Facilitated,
}

impl From<CardChannel> for VoteChannel {
    fn from(channel: CardChannel) -> VoteChannel {
        match channel {
            CardChannel::Paper => VoteChannel::Paper,
            CardChannel::Facilitated => VoteChannel::Facilitated,
        }
    }
}

/// One statement ticked on a card.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardVote {
    /// The statement.
    pub statement_id: i64,
    /// The box ticked.
    pub vote: VoteBody,
}

/// `POST /api/dialogues/{id}/cards`: a card as keyed.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CardRequest {
    /// The participant code printed on the card (letters, digits and hyphens; read in capitals).
    pub code: String,
    /// The names of the constituency boxes ticked.
    #[serde(default)]
    pub constituencies: Vec<String>,
    /// The statements ticked; statements left blank are left out.
    #[serde(default)]
    pub votes: Vec<CardVote>,
    /// `paper` or `facilitated`.
    pub channel: CardChannel,
    /// Replace a card already keyed with this code (a correction); otherwise a second card
    /// with the code is refused.
    #[serde(default)]
    pub replace: bool,
}

/// A card keyed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CardEntered {
    /// The card's participant, an ordinary participant of the dialogue.
    pub participant_id: i64,
    /// The code, as stored.
    pub code: String,
    /// Whether this card made the participant (`false` when it replaced an earlier card).
    pub is_new: bool,
    /// The votes recorded from the card.
    pub votes_recorded: usize,
    /// The channel its votes carry.
    pub channel: CardChannel,
}

fn invitation_view(invitation: &FacilitatorInvitation, now: i64) -> FacilitatorInvitationView {
    FacilitatorInvitationView {
        id: invitation.id.get(),
        dialogue_id: invitation.place.get(),
        state: PlaceInvitationState::of(invitation, now),
    }
}

/// Makes a single-use link that lets a person key cards for this dialogue (its convenors): a
/// new person makes an account with it, which may not convene; a signed-in account accepts it.
/// The link is in this answer only.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/facilitator-invitations", tag = "facilitation",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, body = CreatedFacilitatorInvitation),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn invite(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<CreateInvitationRequest>,
) -> Result<(StatusCode, Json<CreatedFacilitatorInvitation>), ApiError> {
    let (invitation, token) = service::invite_facilitator(
        &state,
        &actor,
        id,
        body.email.as_deref(),
        body.expires_in_days,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedFacilitatorInvitation {
            invitation: invitation_view(&invitation, state.now_ms()),
            link: invitation_link(&state, &token),
            token: token.as_str().to_owned(),
        }),
    ))
}

/// Lists a dialogue's invitations to facilitate it, with their status (its convenors).
#[utoipa::path(
    get, path = "/api/dialogues/{id}/facilitator-invitations", tag = "facilitation",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = [FacilitatorInvitationView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_invitations(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<Vec<FacilitatorInvitationView>>, ApiError> {
    let invitations = service::list_facilitator_invitations(&state, &actor, id).await?;
    let now = state.now_ms();
    Ok(Json(
        invitations
            .iter()
            .map(|invitation| invitation_view(invitation, now))
            .collect(),
    ))
}

/// Revokes an unused invitation to facilitate the dialogue (its convenors).
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/facilitator-invitations/{invitation_id}", tag = "facilitation",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("invitation_id" = i64, Path, description = "Invitation id"),
    ),
    responses(
        (status = 200, body = FacilitatorInvitationView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`invitation_used`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn revoke_invitation(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, invitation)): ApiPath<(DialogueId, FacilitatorInvitationId)>,
) -> Result<Json<FacilitatorInvitationView>, ApiError> {
    let invitation = service::revoke_facilitator_invitation(&state, &actor, id, invitation).await?;
    Ok(Json(invitation_view(&invitation, state.now_ms())))
}

/// Keys a card for a paper or facilitated participant (the dialogue's facilitators and
/// convenors): the participant, with the constituencies ticked, counts in the analysis like
/// every participant, and every vote carries the card's channel. The whole card is stored or
/// none of it.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/cards", tag = "facilitation",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = CardRequest,
    responses(
        (status = 201, description = "A new participant", body = CardEntered),
        (status = 200, description = "An earlier card with the code replaced (`replace`)", body = CardEntered),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 409, description = "`conflict` (the code was keyed already), `dialogue_closed`, `dialogue_not_open`, `statement_not_votable`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`, `constituency_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn enter_card(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<CardRequest>,
) -> Result<(StatusCode, Json<CardEntered>), ApiError> {
    let votes: Vec<(StatementId, VoteChoice)> = body
        .votes
        .iter()
        .map(|vote| (StatementId(vote.statement_id), vote.vote.into()))
        .collect();
    let receipt = service::enter_card(
        &state,
        &actor,
        id,
        &CardEntry {
            code: &body.code,
            constituencies: &body.constituencies,
            votes: &votes,
            channel: body.channel.into(),
            replace: body.replace,
        },
    )
    .await?;
    let status = if receipt.is_new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(CardEntered {
            participant_id: receipt.participant.id.get(),
            code: service::parse_code(&body.code)?,
            is_new: receipt.is_new,
            votes_recorded: receipt.outcomes.len(),
            channel: body.channel,
        }),
    ))
}

/// Writes a statement on behalf of the participant of a keyed card (the dialogue's
/// facilitators and convenors); it is moderated as every participant's statement is.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/cards/{code}/statements", tag = "facilitation",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("code" = String, Path, description = "The card's participant code"),
    ),
    request_body = SubmitStatementRequest,
    responses(
        (status = 201, body = StatementView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`, `statements_disabled`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found` (no card with the code)", body = ErrorBody),
        (status = 409, description = "`duplicate_statement`, `dialogue_closed`, `dialogue_not_open`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn submit_statement(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, code)): ApiPath<(DialogueId, String)>,
    ApiJson(body): ApiJson<SubmitStatementRequest>,
) -> Result<(StatusCode, Json<StatementView>), ApiError> {
    let statement = service::submit_statement(&state, &actor, id, &code, &body.text).await?;
    Ok((StatusCode::CREATED, Json(statement_view(&statement))))
}
