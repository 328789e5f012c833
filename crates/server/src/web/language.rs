//! The language a page is shown in: the languages the interface speaks, and the choice of one
//! for a request, from an explicit choice (`?lang=` on any translated page, then remembered in
//! a cookie) or else the browser's preferences (`Accept-Language`).
//!
//! Rooms whose pages are translated wrap their page routes in [`remember_choice`], take
//! [`Language`] as an extractor and give it to their layout; error pages answering those
//! routes are shown in the same language.

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use fluent_langneg::{NegotiationStrategy, negotiate_languages, parse_accepted_languages};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::state::AppState;

/// The cookie that remembers a person's explicit choice of language.
pub const LANGUAGE_COOKIE: &str = "cg_lang";

/// The query parameter that chooses a language, as the switcher's links set it.
pub const LANGUAGE_PARAMETER: &str = "lang";

/// The languages the pages a partner's representative works in are translated into; the
/// participants' pages have every language.
pub const REPRESENTATIVE_LANGUAGES: [Language; 2] = [Language::English, Language::Welsh];

/// A language the interface is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    /// English, the language every catalogue is written in first, and the fallback.
    #[default]
    English,
    /// Welsh.
    Welsh,
    /// Polish.
    Polish,
    /// Urdu, written right to left.
    Urdu,
    /// Romanian.
    Romanian,
}

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Language {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::Welsh,
        Language::Polish,
        Language::Urdu,
        Language::Romanian,
    ];

    /// Returns its BCP 47 code, as `<html lang>` and `?lang=` use it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
            Language::Polish => "pl",
            Language::Urdu => "ur",
            Language::Romanian => "ro",
        }
    }

    /// Returns its name in itself, as the switcher shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
            Language::Polish => "Polski",
            Language::Urdu => "اردو",
            Language::Romanian => "Română",
        }
    }

    /// Returns which way its text runs.
    pub fn direction(self) -> Direction {
        match self {
            Language::Urdu => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Returns the language with exactly this code, ignoring case.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Returns its identifier for Fluent's plural rules.
    pub(crate) fn identifier(self) -> LanguageIdentifier {
        // The codes are plain two-letter subtags, which always parse.
        self.code().parse().unwrap_or_default()
    }

    /// Returns the best of the languages a browser asks for in its `Accept-Language`, or
    /// `None` when it asks for none the interface speaks (`cy-GB` is Welsh, `ur-PK` Urdu).
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let requested = parse_accepted_languages(header);
        let available: Vec<LanguageIdentifier> = Language::ALL
            .iter()
            .map(|language| language.identifier())
            .collect();
        let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
        let chosen = chosen.first()?;
        Language::ALL
            .into_iter()
            .find(|language| language.identifier() == **chosen)
    }

    /// Returns this language if `offered` has it, else English, which every page has.
    pub fn within(self, offered: &[Language]) -> Language {
        if offered.contains(&self) {
            self
        } else {
            Language::English
        }
    }

    /// Chooses the language of a request: the `lang` query parameter, then the remembered
    /// choice, then the browser's preferences, then English.
    pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> Language {
        if let Some(language) = query.and_then(chosen_in_query) {
            return language;
        }
        let remembered = CookieJar::from_headers(headers)
            .get(LANGUAGE_COOKIE)
            .and_then(|cookie| Language::from_code(cookie.value()));
        if let Some(language) = remembered {
            return language;
        }
        headers
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(Language::from_accept_language)
            .unwrap_or_default()
    }
}

/// Returns the language a query string chooses with `lang=`, if it names one.
fn chosen_in_query(query: &str) -> Option<Language> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| *name == LANGUAGE_PARAMETER)
        .find_map(|(_, value)| Language::from_code(value))
}

impl FromRequestParts<AppState> for Language {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Language::negotiate(parts.uri.query(), &parts.headers))
    }
}

tokio::task_local! {
    /// The language of the page being answered, for the error page that may answer it instead.
    static CURRENT: Language;
}

/// Returns the language of the request being answered: the one [`remember_choice`] chose,
/// or English outside the translated rooms.
pub fn current() -> Language {
    CURRENT.try_with(|language| *language).unwrap_or_default()
}

/// Chooses the language of a translated room's page request, answers in it (error pages
/// too), and remembers an explicit choice made with `?lang=` in a cookie for a year.
pub async fn remember_choice(request: Request, next: Next) -> Response {
    let query = request.uri().query();
    let chosen = query.and_then(chosen_in_query);
    let language = Language::negotiate(query, request.headers());
    let mut response = CURRENT.scope(language, next.run(request)).await;
    if let Some(chosen) = chosen {
        response
            .headers_mut()
            .append(SET_COOKIE, HeaderValue::from_static(choice_cookie(chosen)));
    }
    response
}

/// Returns the `Set-Cookie` value that remembers a choice of language. It holds the
/// language's code and nothing about the person, so unlike the participant's and convenor's
/// cookies it is kept on plain HTTP too.
fn choice_cookie(language: Language) -> &'static str {
    match language {
        Language::English => "cg_lang=en; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
        Language::Welsh => "cg_lang=cy; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
        Language::Polish => "cg_lang=pl; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
        Language::Urdu => "cg_lang=ur; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
        Language::Romanian => "cg_lang=ro; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
    }
}

/// A language as the switcher offers it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LanguageChoice {
    /// Its code, for `?lang=` and `lang`.
    pub code: &'static str,
    /// Its name in itself.
    pub name: &'static str,
    /// Which way its name runs.
    pub dir: Direction,
    /// Whether the page is in it.
    pub is_current: bool,
    /// The query string of the page in it: the page's own parameters and `lang`.
    pub query: String,
    /// The page's path, when the link must name it: a page shown in answer to a form's post
    /// is read again at its own address, not the form's. Empty otherwise.
    pub path: String,
}

/// The page's language as the layout needs it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageLanguage {
    /// `<html lang>`.
    pub code: &'static str,
    /// `<html dir>`.
    pub dir: Direction,
    /// The languages the switcher offers; empty on pages not yet translated.
    pub choices: Vec<LanguageChoice>,
}

impl PageLanguage {
    /// Returns a translated page's language, with the switcher.
    pub fn switchable(language: Language) -> PageLanguage {
        PageLanguage::among(language, &Language::ALL, None)
    }

    /// Returns the language of a page translated into `offered` only (a language it lacks
    /// gives English), with a switcher offering those; each choice's link keeps the page's own
    /// query parameters (`query`, without `lang` and a one-off `notice`).
    pub fn among(language: Language, offered: &[Language], query: Option<&str>) -> PageLanguage {
        let language = language.within(offered);
        let kept: Vec<&str> = query
            .unwrap_or_default()
            .split('&')
            .filter(|pair| {
                let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
                !pair.is_empty() && name != LANGUAGE_PARAMETER && name != "notice"
            })
            .collect();
        PageLanguage {
            code: language.code(),
            dir: language.direction(),
            choices: offered
                .iter()
                .map(|&choice| LanguageChoice {
                    code: choice.code(),
                    name: choice.own_name(),
                    dir: choice.direction(),
                    is_current: choice == language,
                    query: kept
                        .iter()
                        .copied()
                        .chain([format!("{LANGUAGE_PARAMETER}={}", choice.code()).as_str()])
                        .collect::<Vec<_>>()
                        .join("&"),
                    path: String::new(),
                })
                .collect(),
        }
    }

    /// Returns the same language with each switcher link leading to `path`: for a page shown
    /// in answer to a form's post, whose own address is another.
    #[must_use]
    pub fn at(mut self, path: &str) -> PageLanguage {
        for choice in &mut self.choices {
            path.clone_into(&mut choice.path);
        }
        self
    }

    /// Returns the language of a page written in English only, without the switcher.
    pub fn english_only() -> PageLanguage {
        PageLanguage {
            code: Language::English.code(),
            dir: Direction::Ltr,
            choices: Vec::new(),
        }
    }
}

impl Default for PageLanguage {
    fn default() -> Self {
        PageLanguage::english_only()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn a_regional_preference_finds_its_language() {
        assert_eq!(
            Language::from_accept_language("cy-GB,cy;q=0.9,en;q=0.8"),
            Some(Language::Welsh)
        );
        assert_eq!(
            Language::from_accept_language("cy-GB"),
            Some(Language::Welsh)
        );
        assert_eq!(
            Language::from_accept_language("ur-PK"),
            Some(Language::Urdu)
        );
        assert_eq!(
            Language::from_accept_language("pl-PL,pl"),
            Some(Language::Polish)
        );
        assert_eq!(
            Language::from_accept_language("ro-MD"),
            Some(Language::Romanian)
        );
        assert_eq!(
            Language::from_accept_language("en-GB"),
            Some(Language::English)
        );
    }

    #[test]
    fn the_first_language_the_interface_speaks_wins() {
        assert_eq!(
            Language::from_accept_language("de-DE,de;q=0.9,pl;q=0.8,en;q=0.5"),
            Some(Language::Polish)
        );
    }

    #[test]
    fn unknown_or_broken_preferences_fall_back_to_english() {
        assert_eq!(Language::from_accept_language("zh-CN,de"), None);
        assert_eq!(Language::from_accept_language(""), None);
        assert_eq!(Language::from_accept_language(";;,,=*"), None);
        let unknown = headers(&[("accept-language", "zh-CN")]);
        assert_eq!(Language::negotiate(None, &unknown), Language::English);
        assert_eq!(
            Language::negotiate(None, &HeaderMap::new()),
            Language::English
        );
    }

    #[test]
    fn urdu_runs_right_to_left_and_the_others_left_to_right() {
        let urdu = Language::negotiate(None, &headers(&[("accept-language", "ur-PK")]));
        assert_eq!(urdu, Language::Urdu);
        assert_eq!(urdu.direction(), Direction::Rtl);
        assert_eq!(PageLanguage::switchable(urdu).dir, Direction::Rtl);
        for language in Language::ALL {
            if language != Language::Urdu {
                assert_eq!(language.direction(), Direction::Ltr, "{language:?}");
            }
        }
    }

    #[test]
    fn an_explicit_choice_overrides_the_browser() {
        let welsh_browser = headers(&[("accept-language", "cy-GB")]);
        assert_eq!(
            Language::negotiate(Some("lang=ur"), &welsh_browser),
            Language::Urdu
        );
        let remembered = headers(&[("accept-language", "cy-GB"), ("cookie", "cg_lang=ro")]);
        assert_eq!(Language::negotiate(None, &remembered), Language::Romanian);
        // The query beats the cookie: it is the newer choice.
        assert_eq!(
            Language::negotiate(Some("notice=written&lang=pl"), &remembered),
            Language::Polish
        );
    }

    #[test]
    fn a_choice_of_an_unknown_language_is_ignored() {
        let welsh_browser = headers(&[("accept-language", "cy"), ("cookie", "cg_lang=xx")]);
        assert_eq!(
            Language::negotiate(Some("lang=<script>"), &welsh_browser),
            Language::Welsh
        );
        assert_eq!(chosen_in_query("lang="), None);
        assert_eq!(chosen_in_query("language=cy"), None);
        assert_eq!(chosen_in_query("lang=CY"), Some(Language::Welsh));
    }

    #[test]
    fn the_switcher_names_each_language_in_itself_and_marks_the_current_one() {
        let page = PageLanguage::switchable(Language::Welsh);
        let names: Vec<&str> = page.choices.iter().map(|choice| choice.name).collect();
        assert_eq!(names, ["English", "Cymraeg", "Polski", "اردو", "Română"]);
        let current: Vec<&str> = page
            .choices
            .iter()
            .filter(|choice| choice.is_current)
            .map(|choice| choice.code)
            .collect();
        assert_eq!(current, ["cy"]);
        assert!(PageLanguage::english_only().choices.is_empty());
    }

    #[test]
    fn the_choice_cookie_lasts_a_year_for_the_whole_site() {
        for language in Language::ALL {
            let cookie = choice_cookie(language);
            let expected = format!("{LANGUAGE_COOKIE}={}; Path=/;", language.code());
            assert!(cookie.starts_with(&expected), "{cookie}");
            // A year, in seconds.
            assert!(
                cookie.ends_with(&format!("Max-Age={}", 365 * 24 * 60 * 60)),
                "{cookie}"
            );
        }
    }
}
