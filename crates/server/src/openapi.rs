//! The OpenAPI document of the JSON API, generated from the handlers and body types.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api;
use crate::error::{ErrorBody, ErrorDetail};
use crate::routes;
use crate::{accounts, partnerships};

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "participant_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The token returned when joining a dialogue (also sent as the cookie cg_participant_<dialogue id>)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "convenor_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("cg_session"))),
        );
    }
}

/// The API's OpenAPI description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Common Ground API",
        description = "Dialogues for health partnerships: statements, votes, moderation and the analysis. Errors are `{\"error\": {\"code\", \"message\"}}` with stable snake_case codes.",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        routes::health::health,
        accounts::api::login,
        accounts::api::current,
        accounts::api::logout,
        accounts::api::accept_invitation,
        partnerships::api::create,
        partnerships::api::list,
        partnerships::api::get,
        partnerships::api::update,
        partnerships::api::add_partner,
        partnerships::api::list_partners,
        partnerships::api::update_partner,
        partnerships::api::remove_partner,
        partnerships::api::list_convenors,
        partnerships::api::add_convenor,
        partnerships::api::remove_convenor,
        partnerships::api::invite_convenor,
        partnerships::api::list_convenor_invitations,
        partnerships::api::revoke_convenor_invitation,
        partnerships::api::invite,
        partnerships::api::list_invitations,
        partnerships::api::revoke_invitation,
        partnerships::api::list_representatives,
        partnerships::api::remove_representative,
        crate::dialogues::api::create,
        crate::dialogues::api::list,
        crate::dialogues::api::get,
        crate::dialogues::api::update,
        crate::dialogues::api::close,
        crate::dialogues::api::reopen,
        crate::dialogues::api::update_constituency,
        crate::dialogues::api::remove_constituency,
        crate::dialogues::api::edit_seed_statement,
        crate::dialogues::api::remove_seed_statement,
        crate::dialogues::api::copy,
        crate::participation::api::join,
        crate::participation::api::next,
        crate::participation::api::vote,
        crate::participation::api::submit_statement,
        crate::participation::api::download,
        crate::participation::api::erase,
        crate::participation::api::change_constituencies,
        crate::moderation::api::list,
        crate::moderation::api::moderate_one,
        crate::moderation::api::moderate_many,
        crate::report::api::get,
        crate::report::api::recompute,
        crate::report::api::export,
        crate::report::api::export_file,
        crate::report::api::set_group_label,
        crate::settlements::api::get_rule,
        crate::settlements::api::set_rule,
        crate::settlements::api::list_objectives,
        crate::settlements::api::draft,
        crate::settlements::api::evidence_choices,
        crate::settlements::api::list_actions,
        crate::settlements::api::get_objective,
        crate::settlements::api::amend,
        crate::settlements::api::put_to_partners,
        crate::settlements::api::adopt,
        crate::settlements::api::withdraw,
        crate::settlements::api::record_stance,
        crate::settlements::api::withdraw_stance,
        crate::settlements::api::add_action,
        crate::settlements::api::get_action,
        crate::settlements::api::add_note,
        crate::settlements::accountability::api::outcomes,
        crate::settlements::accountability::api::publication,
        crate::settlements::accountability::api::set_publication,
        crate::settlements::accountability::api::dashboard,
        crate::settlements::accountability::api::record,
        crate::settlements::accountability::api::record_csv,
        crate::settlements::accountability::api::renew_calendar_feed,
        crate::settlements::accountability::api::revoke_calendar_feed,
        crate::settlements::accountability::api::calendar,
    ),
    components(schemas(
        ErrorBody,
        ErrorDetail,
        api::LoginRequest,
        api::ConvenorView,
        api::PartnershipView,
        accounts::api::AcceptInvitationRequest,
        accounts::api::AcceptedInvitation,
        partnerships::api::CreatePartnershipRequest,
        partnerships::api::UpdatePartnershipRequest,
        partnerships::api::PartnershipSummary,
        partnerships::api::PartnershipDetail,
        partnerships::api::DialogueLink,
        partnerships::api::CreatePartnerRequest,
        partnerships::api::UpdatePartnerRequest,
        partnerships::api::PartnerView,
        partnerships::api::PartnerRemoved,
        partnerships::api::AccountView,
        partnerships::api::AddConvenorRequest,
        partnerships::api::CreateInvitationRequest,
        partnerships::api::InvitationView,
        partnerships::api::CreatedInvitation,
        partnerships::api::ConvenorInvitationView,
        partnerships::api::CreatedConvenorInvitation,
        partnerships::api::RepresentativeView,
        crate::settlements::api::DecisionRuleBody,
        crate::settlements::api::DraftRequest,
        crate::settlements::api::AmendRequest,
        crate::settlements::api::StanceRequest,
        crate::settlements::api::ActionRequest,
        crate::settlements::api::NoteRequest,
        crate::settlements::api::StanceCountsView,
        crate::settlements::api::SectorView,
        crate::settlements::api::EarlierStance,
        crate::settlements::api::PartnerStandingView,
        crate::settlements::api::StanceView,
        crate::settlements::api::VersionView,
        crate::settlements::api::ObjectiveView,
        crate::settlements::api::NoteView,
        crate::settlements::api::ActionView,
        crate::settlements::api::EvidenceChoiceView,
        crate::settlements::api::ChoiceStatement,
        crate::settlements::evidence::Evidence,
        crate::settlements::evidence::EvidenceSource,
        crate::settlements::evidence::EvidenceWeighting,
        crate::settlements::evidence::EvidenceStatement,
        crate::settlements::evidence::Agreement,
        api::ConstituencyKindBody,
        api::ModerationPolicyBody,
        api::ModerationStatusBody,
        api::ReportVisibilityBody,
        api::VoteBody,
        api::ConstituencyBody,
        api::CreateDialogueRequest,
        crate::dialogues::api::SeedStatementRequest,
        api::CreatedDialogue,
        api::UpdateDialogueRequest,
        api::DialogueView,
        api::JoinRequest,
        api::JoinedDialogue,
        api::StatementToVote,
        api::NextStatement,
        api::VoteRequest,
        api::VoteOutcomeBody,
        api::VoteAccepted,
        api::SubmitStatementRequest,
        api::StatementView,
        api::MyData,
        api::MyVote,
        api::MyStatement,
        api::ChangeConstituenciesRequest,
        api::MyConstituencies,
        api::DataErased,
        api::StatementPage,
        api::ModerateOneRequest,
        api::ModerateManyRequest,
        api::ModerationResult,
        api::ExportFormat,
        api::Health,
        api::RecomputeScheduled,
        crate::report::api::GroupLabelBody,
        crate::report::api::GroupLabel,
        crate::settlements::accountability::document::Outcomes,
        crate::settlements::accountability::document::AdoptedObjective,
        crate::settlements::accountability::document::PartnerStance,
        crate::settlements::accountability::document::ActionView,
        crate::settlements::accountability::document::ActionCounts,
        crate::settlements::accountability::document::Dashboard,
        crate::settlements::accountability::document::ObjectiveActions,
        crate::settlements::accountability::document::PartnerActions,
        crate::settlements::accountability::document::RecordExport,
        crate::settlements::accountability::document::ExportedEntry,
        crate::settlements::accountability::document::PublicationState,
        crate::settlements::accountability::document::PublicationRequest,
        crate::settlements::accountability::document::CalendarFeed,
    )),
    modifiers(&Security),
    tags(
        (name = "health"), (name = "session"), (name = "partnerships"), (name = "objectives"), (name = "dialogues"), (name = "participation"),
        (name = "privacy"), (name = "moderation"), (name = "analysis"), (name = "export"),
        (name = "accountability"),
    )
)]
pub struct ApiDoc;

/// Returns the OpenAPI document as pretty JSON with a final newline, as committed in
/// `openapi.json`.
pub fn document() -> String {
    let mut text = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// Serves the OpenAPI document.
pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
