//! Conversions between the API's JSON shapes and the model's validated types, in both
//! directions, with the validation messages clients see.

use model::{
    AnalysisWeighting, ConstituencyKind, ConstituencyName, EmailError, ExpectedShare,
    ModerationPolicy, ModerationStatus, ReportVisibility, VoteChoice,
};
use store::{Constituency, Dialogue, NewConstituency, Statement};

use crate::api::{
    ConstituencyBody, ConstituencyKindBody, DialogueStatusBody, DialogueView, ModerationPolicyBody,
    ModerationStatusBody, ReportVisibilityBody, StatementView, VoteBody, WeightingBody,
};
use crate::error::ApiError;
use crate::time::rfc3339;

/// A model's reason for refusing a value, said as the API's `validation_failed` error: in
/// English in the API's body, in the reader's language on a page.
pub trait Refusal {
    /// Returns the `validation_failed` error that says what is wrong.
    fn refusal(self) -> ApiError;
}

impl Refusal for model::TextError {
    fn refusal(self) -> ApiError {
        ApiError::from(self)
    }
}

impl Refusal for EmailError {
    fn refusal(self) -> ApiError {
        refused_email(&self)
    }
}

impl Refusal for model::ScheduleError {
    fn refusal(self) -> ApiError {
        ApiError::validation(self.to_string())
    }
}

/// Parses a validated model value, turning its error into `validation_failed`.
pub fn validated<T, E: Refusal>(parsed: Result<T, E>) -> Result<T, ApiError> {
    parsed.map_err(Refusal::refusal)
}

/// Says what is wrong with an email address, as the `account` catalogue words it.
pub fn refused_email(error: &EmailError) -> ApiError {
    let key = match error {
        EmailError::Empty => "account-refused-email-empty",
        EmailError::TooLong => "account-refused-email-too-long",
        EmailError::Malformed => "account-refused-email-malformed",
    };
    ApiError::invalid(key, &[])
}

impl From<ConstituencyKindBody> for ConstituencyKind {
    fn from(kind: ConstituencyKindBody) -> ConstituencyKind {
        match kind {
            ConstituencyKindBody::Lay => ConstituencyKind::Lay,
            ConstituencyKindBody::Professional => ConstituencyKind::Professional,
        }
    }
}

impl From<ConstituencyKind> for ConstituencyKindBody {
    fn from(kind: ConstituencyKind) -> ConstituencyKindBody {
        match kind {
            ConstituencyKind::Lay => ConstituencyKindBody::Lay,
            ConstituencyKind::Professional => ConstituencyKindBody::Professional,
        }
    }
}

impl From<ModerationPolicyBody> for ModerationPolicy {
    fn from(policy: ModerationPolicyBody) -> ModerationPolicy {
        match policy {
            ModerationPolicyBody::Pre => ModerationPolicy::Pre,
            ModerationPolicyBody::Post => ModerationPolicy::Post,
        }
    }
}

impl From<ModerationPolicy> for ModerationPolicyBody {
    fn from(policy: ModerationPolicy) -> ModerationPolicyBody {
        match policy {
            ModerationPolicy::Pre => ModerationPolicyBody::Pre,
            ModerationPolicy::Post => ModerationPolicyBody::Post,
        }
    }
}

impl From<ModerationStatusBody> for ModerationStatus {
    fn from(status: ModerationStatusBody) -> ModerationStatus {
        match status {
            ModerationStatusBody::Pending => ModerationStatus::Pending,
            ModerationStatusBody::Accepted => ModerationStatus::Accepted,
            ModerationStatusBody::Rejected => ModerationStatus::Rejected,
        }
    }
}

impl From<ModerationStatus> for ModerationStatusBody {
    fn from(status: ModerationStatus) -> ModerationStatusBody {
        match status {
            ModerationStatus::Pending => ModerationStatusBody::Pending,
            ModerationStatus::Accepted => ModerationStatusBody::Accepted,
            ModerationStatus::Rejected => ModerationStatusBody::Rejected,
        }
    }
}

impl From<ReportVisibilityBody> for ReportVisibility {
    fn from(visibility: ReportVisibilityBody) -> ReportVisibility {
        match visibility {
            ReportVisibilityBody::Public => ReportVisibility::Public,
            ReportVisibilityBody::Convenors => ReportVisibility::Convenors,
        }
    }
}

impl From<ReportVisibility> for ReportVisibilityBody {
    fn from(visibility: ReportVisibility) -> ReportVisibilityBody {
        match visibility {
            ReportVisibility::Public => ReportVisibilityBody::Public,
            ReportVisibility::Convenors => ReportVisibilityBody::Convenors,
        }
    }
}

impl From<VoteBody> for VoteChoice {
    fn from(vote: VoteBody) -> VoteChoice {
        match vote {
            VoteBody::Agree => VoteChoice::Agree,
            VoteBody::Disagree => VoteChoice::Disagree,
            VoteBody::Pass => VoteChoice::Pass,
        }
    }
}

/// Validates a constituency from a request.
pub fn new_constituency(body: &ConstituencyBody) -> Result<NewConstituency, ApiError> {
    let name = validated(ConstituencyName::parse(&body.name))?;
    let expected_share = body
        .expected_share
        .map(|share| {
            ExpectedShare::parse(share).map_err(|_| {
                ApiError::validation(format!(
                    "expected_share of constituency {:?} must be between 0 and 1",
                    body.name
                ))
            })
        })
        .transpose()?;
    Ok(NewConstituency {
        name,
        expected_share,
        kind: body.kind.map(ConstituencyKind::from),
    })
}

/// Returns the API view of a constituency.
pub fn constituency_view(constituency: &Constituency) -> ConstituencyBody {
    ConstituencyBody {
        name: constituency.name.as_str().to_owned(),
        expected_share: constituency.expected_share.map(ExpectedShare::get),
        kind: constituency.kind.map(ConstituencyKindBody::from),
    }
}

/// Returns the API view of a dialogue as it stands at `now`.
pub fn dialogue_view(dialogue: &Dialogue, participant_url: String, now: i64) -> DialogueView {
    let settings = &dialogue.settings;
    let status = match dialogue.status_at(now) {
        model::DialogueStatus::NotYetOpen { .. } => DialogueStatusBody::NotYetOpen,
        model::DialogueStatus::Open => DialogueStatusBody::Open,
        model::DialogueStatus::Closed => DialogueStatusBody::Closed,
    };
    DialogueView {
        id: dialogue.id.get(),
        partnership_id: dialogue.partnership.get(),
        title: settings.title.as_str().to_owned(),
        question: settings.question.as_str().to_owned(),
        description: settings.description.as_str().to_owned(),
        constituencies: dialogue
            .constituencies
            .iter()
            .map(constituency_view)
            .collect(),
        participant_statements: settings.allow_participant_statements,
        moderation: settings.moderation.into(),
        report_visibility: settings.report_visibility.into(),
        shared_with_partners: dialogue.shared_with_partners,
        weighting: match dialogue.weighting {
            None => WeightingBody::Default,
            Some(AnalysisWeighting::HeadCount) => WeightingBody::HeadCount,
            Some(AnalysisWeighting::Equal) => WeightingBody::Equal,
            Some(AnalysisWeighting::Frame) => WeightingBody::Frame,
        },
        population_shares: dialogue
            .constituencies
            .iter()
            .filter_map(|constituency| {
                Some((
                    constituency.name.as_str().to_owned(),
                    constituency.population_share?.get(),
                ))
            })
            .collect(),
        is_closed: status == DialogueStatusBody::Closed,
        status,
        opens_at: dialogue.schedule.opens_at().map(rfc3339),
        closes_at: dialogue.schedule.closes_at().map(rfc3339),
        participant_url,
    }
}

/// Returns the API view of a statement.
pub fn statement_view(statement: &Statement) -> StatementView {
    StatementView {
        id: statement.id.get(),
        text: statement.text.clone(),
        status: statement.moderation.into(),
        is_meta: statement.is_meta,
        is_from_participant: !statement.is_seed,
        created_at: rfc3339(statement.created_at),
        rejection_reason: statement.rejection_reason.clone(),
    }
}
