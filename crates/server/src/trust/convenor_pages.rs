//! The trust room's pages for a partnership's convenors and its partners' representatives: the
//! partnership's waves (with the form to open one, each representative's links to answer for
//! their partners, and the trends over waves), and a wave's page (its results, and for
//! convenors its closing time, its rater naming, closing it and the export).
//!
//! Every change goes through [`super::service`]; every form carries the session's form token. A
//! refused form shows its page again with the message and what was typed.
//!
//! Representatives work in these pages, so they are translated into the representatives'
//! languages, with their strings in the `waves` catalogue.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::{PartnershipId, RaterNaming, ResponseStatus, TrustWaveId, WaveTitle};
use serde::Serialize;
use store::TrustWave;

use super::results::{self, TrendsView, WaveView};
use super::service::{self, WaveChangesInput};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::time::{form_date_time, parse_moment};
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in};
use crate::web::refusals::named_text_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// What a refused form sent, shown again with the message.
#[derive(Debug, Clone, Default, Serialize)]
struct Echo {
    /// Which form: `open`, `settings` or `close`.
    form: &'static str,
    error: Option<String>,
    title: String,
    closes_at: String,
    rater_naming: String,
}

/// Returns a refused form's echo with the refusal said in the page's `language`, or passes on
/// an error that is not the form's (a refusal of access, something missing, a fault).
fn refused(
    language: Language,
    error: ApiError,
    echo: Echo,
) -> Result<(StatusCode, Echo), PageError> {
    let status = error.code().status();
    match error {
        ApiError::Client { .. }
            if !matches!(
                status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ) =>
        {
            Ok((
                status,
                Echo {
                    error: Some(said_in(language, &error)),
                    ..echo
                },
            ))
        }
        other => Err(other.into()),
    }
}

fn naming(language: Language, typed: &str) -> Result<Option<RaterNaming>, ApiError> {
    match typed {
        "" => Ok(None),
        other => other
            .parse::<RaterNaming>()
            .map(Some)
            .map_err(|_| ApiError::validation(text(language, "waves-error-naming", &[]))),
    }
}

fn moment(language: Language, typed: &str) -> Result<i64, ApiError> {
    parse_moment(typed).map_err(|_| ApiError::validation(text(language, "waves-error-closes", &[])))
}

/// Checks a wave's title as the service will, so that a mistake is said in the page's language.
fn title(language: Language, typed: &str) -> Result<(), ApiError> {
    WaveTitle::parse(typed).map(|_| ()).map_err(|error| {
        ApiError::validation(named_text_refusal(
            language,
            "waves-field-wave-title",
            &error,
        ))
    })
}

/// Reads `?notice=` into the sentence the page shows; nothing typed is ever printed.
fn notice(language: Language, raw: Option<&str>) -> Option<String> {
    raw.unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("notice="))
        .and_then(|value| match value {
            "opened" => Some("waves-notice-opened"),
            "saved" => Some("waves-notice-saved"),
            "closed" => Some("waves-notice-closed"),
            _ => None,
        })
        .map(|key| text(language, key, &[]))
}

#[derive(Serialize)]
struct AnswerLink {
    partner_id: i64,
    partner_name: String,
    /// `submitted`, `draft` or `not_started`.
    status: &'static str,
    status_label: String,
}

/// Returns a representative's link to answer for one of their partners, with where their
/// answers stand.
fn answer_link(
    language: Language,
    partner: &store::Partner,
    status: Option<ResponseStatus>,
) -> AnswerLink {
    let (status, key) = match status {
        Some(ResponseStatus::Submitted) => ("submitted", "waves-link-submitted"),
        Some(ResponseStatus::Draft) => ("draft", "waves-link-draft"),
        None => ("not_started", "waves-link-not-started"),
    };
    AnswerLink {
        partner_id: partner.id.get(),
        partner_name: partner.name.as_str().to_owned(),
        status,
        status_label: text(language, key, &[]),
    }
}

#[derive(Serialize)]
struct WaveRow {
    id: i64,
    label: String,
    title: String,
    status: String,
    is_open: bool,
    submitted: usize,
    drafts: usize,
    naming: String,
    answer_links: Vec<AnswerLink>,
}

#[derive(Serialize)]
struct WavesContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    convenes: bool,
    notice: Option<String>,
    waves: Vec<WaveRow>,
    trends: Option<TrendsView>,
    echo: Echo,
    default_closes_at: String,
}

fn wave_status(language: Language, wave: &TrustWave, is_open: bool) -> String {
    let date = || date_time(language, wave.closes_at).into();
    if is_open {
        text(language, "waves-status-open", &[("date", date())])
    } else if wave.closed {
        text(language, "waves-status-closed-by-convenor", &[])
    } else {
        text(language, "waves-status-closed-on", &[("date", date())])
    }
}

fn naming_label(language: Language, naming: RaterNaming) -> String {
    let key = match naming {
        RaterNaming::Protected => "waves-naming-protected-tag",
        RaterNaming::Named => "waves-naming-named-tag",
    };
    text(language, key, &[])
}

async fn waves_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    status: StatusCode,
    echo: Echo,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let (partnership, role) = actor.see_partnership(state, id).await?;
    let results = service::partnership_results(state, actor, id).await?;
    let own: Vec<store::Partner> = state
        .store()
        .list_account_partners(actor.convenor.id)
        .await?
        .into_iter()
        .filter(|partner| partner.partnership == id && partner.archived_at.is_none())
        .collect();
    let mut waves = Vec::new();
    for summary in results.waves.iter().rev() {
        let mut answer_links = Vec::new();
        if summary.is_open {
            for partner in &own {
                let form = service::my_response(state, actor, summary.wave.id, partner.id).await?;
                answer_links.push(answer_link(
                    language,
                    partner,
                    form.response.map(|response| response.status),
                ));
            }
        }
        waves.push(WaveRow {
            id: summary.wave.id.0,
            label: summary.label.clone(),
            title: summary.wave.title.as_str().to_owned(),
            status: wave_status(language, &summary.wave, summary.is_open),
            is_open: summary.is_open,
            submitted: summary.submitted,
            drafts: summary.drafts,
            naming: naming_label(language, summary.wave.rater_naming),
            answer_links,
        });
    }
    let trends =
        (!results.document.waves.is_empty()).then(|| results::trends_view(language, &results));
    let context = WavesContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "waves-title",
                &[("partnership", partnership.name.as_str().to_owned().into())],
            ),
        ),
        partnership_id: id.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        convenes: role.convenes(),
        notice,
        waves,
        trends,
        echo,
        default_closes_at: form_date_time(state.now_ms() + 21 * 86_400_000),
    };
    Ok((status, page("trust_waves.html", context)?).into_response())
}

/// Answers `GET /convenor/partnerships/{pid}/trust`: the partnership's waves, the trends over
/// them, each representative's links to answer, and for convenors the form to open a wave.
pub async fn waves_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let notice = notice(asked.language, raw.as_deref());
    waves_response(
        &state,
        &convenor,
        asked,
        id,
        StatusCode::OK,
        Echo::default(),
        notice,
    )
    .await
}

/// Answers `POST /convenor/partnerships/{pid}/trust`: opens a wave.
pub async fn open_wave(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/trust");
    let asked = Asked::posted(language, &path);
    let language = asked.language;
    let echo = Echo {
        form: "open",
        error: None,
        title: form.text("title").to_owned(),
        closes_at: form.text("closes_at").to_owned(),
        rater_naming: form.text("rater_naming").to_owned(),
    };
    // The form is checked as the service will check it, so that a mistake is said in the
    // page's language.
    let checked = moment(language, &echo.closes_at).and_then(|closes_at| {
        let naming = naming(language, &echo.rater_naming)?;
        title(language, &echo.title)?;
        if closes_at <= state.now_ms() {
            return Err(ApiError::validation(text(
                language,
                "waves-error-past",
                &[],
            )));
        }
        Ok((closes_at, naming))
    });
    let result = match checked {
        Ok((closes_at, naming)) => {
            service::open_wave(
                &state,
                &convenor.current,
                id,
                &echo.title,
                closes_at,
                naming,
            )
            .await
        }
        Err(error) => {
            // Refuse a stranger before saying what is wrong with the form.
            convenor.current.convene(&state, id).await?;
            Err(error)
        }
    };
    match result {
        Ok(wave) => Ok(see_other(&format!(
            "/convenor/trust-waves/{}?notice=opened",
            wave.id.0
        ))),
        Err(error) => {
            let (status, echo) = refused(language, error, echo)?;
            waves_response(&state, &convenor, asked, id, status, echo, None).await
        }
    }
}

#[derive(Serialize)]
struct WaveContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    convenes: bool,
    wave_id: i64,
    label: String,
    title: String,
    status: String,
    is_open: bool,
    closed: bool,
    closes_at: String,
    rater_naming: &'static str,
    naming: String,
    notice: Option<String>,
    answer_links: Vec<AnswerLink>,
    results: WaveView,
    echo: Echo,
}

async fn wave_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: TrustWaveId,
    status: StatusCode,
    echo: Echo,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let wave = service::wave(state, actor, id).await?;
    let (partnership, role) = actor.see_partnership(state, wave.partnership).await?;
    let results = service::wave_results(state, actor, id).await?;
    let network = service::wave_network(state, actor, id).await?;
    let summary = results.waves.first();
    let is_open = summary.is_some_and(|s| s.is_open);
    let label = summary.map_or_else(String::new, |s| s.label.clone());
    let mut answer_links = Vec::new();
    if is_open {
        for partner in state
            .store()
            .list_account_partners(actor.convenor.id)
            .await?
            .into_iter()
            .filter(|partner| {
                partner.partnership == wave.partnership && partner.archived_at.is_none()
            })
        {
            let form = service::my_response(state, actor, id, partner.id).await?;
            answer_links.push(answer_link(
                language,
                &partner,
                form.response.map(|response| response.status),
            ));
        }
    }
    let view = results::wave_view(language, &results, &network, wave.title.as_str());
    let context = WaveContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "waves-wave-title",
                &[("wave", wave.title.as_str().to_owned().into())],
            ),
        ),
        partnership_id: wave.partnership.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        convenes: role.convenes(),
        wave_id: id.0,
        label,
        title: wave.title.as_str().to_owned(),
        status: wave_status(language, &wave, is_open),
        is_open,
        closed: wave.closed,
        closes_at: form_date_time(wave.closes_at),
        rater_naming: wave.rater_naming.as_str(),
        naming: naming_label(language, wave.rater_naming),
        notice,
        answer_links,
        results: view,
        echo,
    };
    Ok((status, page("trust_wave.html", context)?).into_response())
}

/// Answers `GET /convenor/trust-waves/{id}`: the wave's results, and for its convenors its
/// settings, the button to close it and the export.
pub async fn wave_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<TrustWaveId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let notice = notice(asked.language, raw.as_deref());
    wave_response(
        &state,
        &convenor,
        asked,
        id,
        StatusCode::OK,
        Echo::default(),
        notice,
    )
    .await
}

/// Answers `POST /convenor/trust-waves/{id}/settings`: changes the wave's title, closing time
/// or rater naming; a field left out or unchanged is not changed.
pub async fn change_wave(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<TrustWaveId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/trust-waves/{}", id.0);
    let asked = Asked::posted(language, &path);
    let language = asked.language;
    let wave = service::wave(&state, &convenor.current, id).await?;
    let echo = Echo {
        form: "settings",
        error: None,
        title: form.text("title").to_owned(),
        closes_at: form.text("closes_at").to_owned(),
        rater_naming: form.text("rater_naming").to_owned(),
    };
    let changes = (|| {
        let title_change = (!echo.title.is_empty() && echo.title != wave.title.as_str())
            .then(|| echo.title.clone());
        let closes_at =
            if echo.closes_at.is_empty() || echo.closes_at == form_date_time(wave.closes_at) {
                None
            } else {
                Some(moment(language, &echo.closes_at)?)
            };
        let rater_naming =
            naming(language, &echo.rater_naming)?.filter(|naming| *naming != wave.rater_naming);
        if let Some(typed) = &title_change {
            title(language, typed)?;
        }
        Ok::<_, ApiError>(WaveChangesInput {
            title: title_change,
            closes_at,
            close: false,
            rater_naming,
        })
    })();
    let result = match changes {
        Ok(changes) => {
            if changes.title.is_none()
                && changes.closes_at.is_none()
                && changes.rater_naming.is_none()
            {
                // Nothing to change; only a convenor may even ask.
                convenor.current.convene(&state, wave.partnership).await?;
                Ok(())
            } else {
                service::change_wave(&state, &convenor.current, id, changes)
                    .await
                    .map(|_| ())
            }
        }
        Err(error) => {
            convenor.current.convene(&state, wave.partnership).await?;
            Err(error)
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/convenor/trust-waves/{}?notice=saved",
            id.0
        ))),
        Err(error) => {
            let (status, echo) = refused(language, error, echo)?;
            wave_response(&state, &convenor, asked, id, status, echo, None).await
        }
    }
}

/// Answers `POST /convenor/trust-waves/{id}/close`: closes the wave now, for good.
pub async fn close_wave(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let changes = WaveChangesInput {
        close: true,
        ..WaveChangesInput::default()
    };
    match service::change_wave(&state, &convenor.current, id, changes).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/trust-waves/{}?notice=closed",
            id.0
        ))),
        Err(error) => Err(error.into()),
    }
}
