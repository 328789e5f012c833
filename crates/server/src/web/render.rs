//! The page templates, compiled into the binary, and the one function that renders them.
//!
//! Templates whose names end in `.html` escape every value they print, so text people wrote
//! (statements, names, questions) always appears as text, never as markup.

use std::sync::OnceLock;

use axum::response::Html;
use minijinja::Environment;
use serde::Serialize;

use super::catalogue;
use super::language::{Language, PageLanguage};
use super::page_error::PageError;

/// Why a template could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("cannot render the page template {name}")]
pub struct RenderError {
    name: String,
    #[source]
    source: minijinja::Error,
}

/// The templates every room shares: the layout, the macros and the error page.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("error.html", include_str!("../../templates/error.html")),
];

/// Every room's templates: each room lists its own.
const ROOMS: &[&[(&str, &str)]] = &[
    TEMPLATES,
    crate::accounts::TEMPLATES,
    crate::partnerships::TEMPLATES,
    crate::settlements::TEMPLATES,
    crate::dialogues::TEMPLATES,
    crate::participation::TEMPLATES,
    crate::moderation::TEMPLATES,
    crate::report::TEMPLATES,
    crate::event::TEMPLATES,
    crate::facilitation::TEMPLATES,
    crate::safeguarding::TEMPLATES,
    crate::versions::TEMPLATES,
    crate::rounds::TEMPLATES,
    crate::settlements::accountability::TEMPLATES,
    crate::priorities::CONVENOR_TEMPLATES,
    crate::priorities::pages::TEMPLATES,
    crate::trust::TEMPLATES,
    crate::system_map::pages::TEMPLATES,
];

pub(crate) fn all_templates() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    ROOMS.iter().flat_map(|room| room.iter())
}

fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut environment = Environment::new();
        environment.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in all_templates() {
            // The templates are part of the binary and a unit test renders each of them, so a
            // syntax error cannot reach a running server; if one did, rendering reports it.
            if let Err(error) = environment.add_template(name, source) {
                tracing::error!(template = name, %error, "template does not parse");
            }
        }
        environment.add_filter("percent", percent);
        environment.add_function("t", catalogue::template_function);
        environment
    })
}

/// Writes a share between 0 and 1 as a whole percentage, "71%".
pub(crate) fn percent(value: f64) -> String {
    format!("{:.0}%", (value * 100.0).clamp(0.0, 100.0))
}

/// Renders a template with a context.
pub fn render<S: Serialize>(name: &str, context: S) -> Result<String, RenderError> {
    let source = |source| RenderError {
        name: name.to_owned(),
        source,
    };
    environment()
        .get_template(name)
        .map_err(source)?
        .render(context)
        .map_err(source)
}

/// Renders a template as an HTML page, or an error page if rendering fails.
pub fn page<S: Serialize>(name: &str, context: S) -> Result<Html<String>, PageError> {
    Ok(Html(render(name, context)?))
}

/// What the layout needs on every page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Layout {
    /// The page's title, before the site name.
    pub title: String,
    /// The signed-in convenor's email address, if any.
    pub convenor: Option<String>,
    /// The token convenor forms carry, when a convenor is signed in.
    pub csrf: Option<String>,
    /// The page's language, its direction and the switcher (on translated pages).
    pub language: PageLanguage,
}

impl Layout {
    /// Returns the layout of a page nobody needs to be signed in for.
    pub fn public(title: impl Into<String>) -> Layout {
        Layout {
            title: title.into(),
            ..Layout::default()
        }
    }

    /// Returns the layout of a translated page nobody needs to be signed in for, in the
    /// request's language and with the language switcher.
    pub fn translated(language: Language, title: impl Into<String>) -> Layout {
        Layout {
            title: title.into(),
            language: PageLanguage::switchable(language),
            ..Layout::default()
        }
    }
}

#[derive(Serialize)]
struct ErrorContext<'a> {
    layout: Layout,
    message: &'a str,
    links: &'a [super::page_error::BackLink],
}

/// Returns the error page; if even that cannot be rendered, a bare page with the message.
pub fn error_page(title: &str, message: &str, links: &[super::page_error::BackLink]) -> String {
    let language = super::language::current();
    let layout = if language == Language::English {
        Layout::public(title)
    } else {
        Layout {
            title: title.to_owned(),
            language: PageLanguage {
                choices: Vec::new(),
                ..PageLanguage::switchable(language)
            },
            ..Layout::default()
        }
    };
    let context = ErrorContext {
        layout,
        message,
        links,
    };
    render("error.html", context).unwrap_or_else(|error| {
        tracing::error!(error = %error, "error page template failed");
        let escaped = minijinja::HtmlEscape(message).to_string();
        format!(
            "<!doctype html><html lang=\"en\"><title>Error</title><main><h1>Error</h1><p>{escaped}</p></main></html>"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_rooms_register_a_template_under_one_name() {
        let mut seen = std::collections::HashSet::new();
        for (name, _) in all_templates() {
            assert!(seen.insert(*name), "two templates are named {name}");
        }
    }

    #[test]
    fn every_template_parses() {
        for (name, _) in all_templates() {
            assert!(
                environment().get_template(name).is_ok(),
                "template {name} does not parse"
            );
        }
    }

    #[test]
    fn the_error_page_escapes_its_message() {
        let page = error_page("Oops", "<script>alert(1)</script>", &[]);
        assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
        assert!(!page.contains("<script>alert"));
    }

    #[test]
    fn shares_print_as_whole_percentages() {
        assert_eq!(percent(0.714), "71%");
        assert_eq!(percent(1.2), "100%");
    }
}
