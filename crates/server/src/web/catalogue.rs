//! The message catalogues: every translated string of the interface, in Fluent files under
//! `crates/server/locales/<language>/`, compiled into the binary, and the lookups that pages
//! and templates make in them.
//!
//! A template writes `{{ t("vote-progress", voted=3, total=12) }}`; the function finds the
//! page's language in `layout.language.code` and formats the message there, choosing plural
//! forms by the language's rules. A message whose key ends in `-html` may hold markup: its
//! arguments are escaped and the result is printed as it is, so markup lives only in the
//! catalogues, which ship with the binary. Every other message is escaped like any value.
//!
//! English has every key; a language that lacks a whole catalogue (a room not yet translated
//! into it) falls back to English for that catalogue, and a test keeps every catalogue a
//! language has exactly as complete as the English one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::value::{Kwargs, ValueKind};
use minijinja::{State, Value};

use super::language::{Direction, Language};

/// One catalogue in every language that has it.
pub(crate) struct Catalogue {
    /// Its file name without `.ftl`.
    pub(crate) name: &'static str,
    /// Its text in each language that has it; English first.
    pub(crate) sources: &'static [(Language, &'static str)],
}

macro_rules! catalogue {
    ($name:literal: $($language:ident => $code:literal),+ $(,)?) => {
        Catalogue {
            name: $name,
            sources: &[$((
                Language::$language,
                include_str!(concat!("../../locales/", $code, "/", $name, ".ftl")),
            )),+],
        }
    };
}

/// Every catalogue: the shared layout and error pages, and each translated room's pages.
pub(crate) const CATALOGUES: &[Catalogue] = &[
    catalogue!("layout": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("participant": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("representative": English => "en", Welsh => "cy"),
    catalogue!("account": English => "en", Welsh => "cy"),
    catalogue!("objectives": English => "en", Welsh => "cy"),
    catalogue!("maps": English => "en", Welsh => "cy"),
    catalogue!("drawing": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("safeguarding": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("versions": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("priorities": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("report": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("judging": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("events": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("facilitation": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("outcomes": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("convening": English => "en", Welsh => "cy"),
    catalogue!("lists": English => "en", Welsh => "cy"),
    catalogue!("waves": English => "en", Welsh => "cy"),
    catalogue!("moderating": English => "en", Welsh => "cy"),
    catalogue!("accountability": English => "en", Welsh => "cy"),
    catalogue!("access": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
    catalogue!("refusals": English => "en", Welsh => "cy", Polish => "pl", Urdu => "ur", Romanian => "ro"),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static BTreeMap<Language, Bundle> {
    static BUNDLES: OnceLock<BTreeMap<Language, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let mut bundles = BTreeMap::new();
        for language in Language::ALL {
            let mut bundle = Bundle::new_concurrent(vec![language.identifier()]);
            // Isolation marks keep a left-to-right title or number from reordering the words
            // around it in right-to-left text; left-to-right text has no use for them.
            bundle.set_use_isolating(language.direction() == Direction::Rtl);
            for catalogue in CATALOGUES {
                let Some((_, source)) = catalogue
                    .sources
                    .iter()
                    .find(|(candidate, _)| *candidate == language)
                else {
                    continue;
                };
                // The catalogues are part of the binary and the completeness test parses each
                // of them, so an error cannot reach a running server; if one did, the messages
                // that parse are kept and the rest fall back to English.
                let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(
                    |(resource, errors)| {
                        tracing::error!(
                            catalogue = catalogue.name,
                            language = language.code(),
                            ?errors,
                            "catalogue does not parse"
                        );
                        resource
                    },
                );
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(
                        catalogue = catalogue.name,
                        language = language.code(),
                        ?errors,
                        "catalogue repeats a key"
                    );
                }
            }
            bundles.insert(language, bundle);
        }
        bundles
    })
}

/// Returns the message `key` in `language` (or in English, if the language lacks it), with
/// the arguments filled in; the key itself if not even English has it.
pub fn translate(language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundles = bundles();
    let found = [language, Language::English]
        .into_iter()
        .find_map(|candidate| {
            let bundle = bundles.get(&candidate)?;
            let pattern = bundle.get_message(key)?.value()?;
            Some((bundle, pattern))
        });
    let Some((bundle, pattern)) = found else {
        tracing::error!(key, language = language.code(), "no such message");
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::error!(
            key,
            language = language.code(),
            ?errors,
            "message does not format"
        );
    }
    text.into_owned()
}

/// Returns the message `key` in `language` with these arguments, for text a page builds in
/// Rust (notices, error messages, titles).
pub fn text(language: Language, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    if args.is_empty() {
        return translate(language, key, None);
    }
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    translate(language, key, Some(&fluent_args))
}

/// One option of a radio group or a list, labelled in the page's language.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Choice {
    /// What the form sends.
    pub(crate) value: &'static str,
    /// What the page shows.
    pub(crate) label: String,
}

/// Labels each `(value, key)` option in `language`.
pub(crate) fn choices(language: Language, options: &[(&'static str, &str)]) -> Vec<Choice> {
    options
        .iter()
        .map(|&(value, key)| Choice {
            value,
            label: text(language, key, &[]),
        })
        .collect()
}

/// Says a moment in words of the page's language: "12 March 2027, 17:00 UTC".
pub fn date_time(language: Language, epoch_ms: i64) -> String {
    let (day, month, year, time) = crate::time::date_parts(epoch_ms);
    text(
        language,
        "date-time",
        &[
            ("day", day.to_string().into()),
            ("month", month.into()),
            ("year", year.to_string().into()),
            ("time", time.into()),
        ],
    )
}

/// Says a day in words of the page's language ("12 March 2027") from its ISO form
/// (`2027-03-12`, or the start of an RFC 3339 moment); a text that is not such a day is
/// returned as it is.
pub fn day(language: Language, iso: &str) -> String {
    let parts: Option<(u32, u32, u32)> = iso.get(0..10).and_then(|day| {
        let mut fields = day.split('-');
        let year = fields.next()?.parse().ok()?;
        let month = fields.next()?.parse().ok()?;
        let date = fields.next()?.parse().ok()?;
        (fields.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&date))
            .then_some((year, month, date))
    });
    let Some((year, month, date)) = parts else {
        return iso.to_owned();
    };
    text(
        language,
        "date-day",
        &[
            ("day", date.to_string().into()),
            ("month", month.into()),
            ("year", year.to_string().into()),
        ],
    )
}

/// Returns the language of the page a template is rendering, from `layout.language.code`.
fn page_language(state: &State<'_, '_>) -> Language {
    state
        .lookup("layout")
        .and_then(|layout| layout.get_attr("language").ok())
        .and_then(|language| language.get_attr("code").ok())
        .and_then(|code| code.as_str().and_then(Language::from_code))
        .unwrap_or_default()
}

/// Turns a template's argument into a Fluent one: numbers stay numbers, so that they choose
/// plural forms; anything else becomes its text, escaped when the message holds markup.
fn fluent_value(value: &Value, is_markup: bool) -> FluentValue<'static> {
    if value.kind() == ValueKind::Number {
        if let Some(whole) = value.as_i64() {
            return FluentValue::from(whole);
        }
        if let Ok(number) = f64::try_from(value.clone()) {
            return FluentValue::from(number);
        }
    }
    let text = match value.as_str() {
        Some(text) => text.to_owned(),
        None => value.to_string(),
    };
    if is_markup && !value.is_safe() {
        FluentValue::from(minijinja::HtmlEscape(&text).to_string())
    } else {
        FluentValue::from(text)
    }
}

/// The template function `t(key, name=value, ...)`.
#[allow(
    clippy::needless_pass_by_value,
    reason = "minijinja hands a function its keyword arguments by value"
)]
pub(crate) fn template_function(
    state: &State<'_, '_>,
    key: &str,
    kwargs: Kwargs,
) -> Result<Value, minijinja::Error> {
    let is_markup = key.ends_with("-html");
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        args.set(name.to_owned(), fluent_value(&value, is_markup));
    }
    kwargs.assert_all_used()?;
    let text = translate(page_language(state), key, Some(&args));
    Ok(if is_markup {
        Value::from_safe_string(without_marks_in_tags(&text))
    } else {
        Value::from(text)
    })
}

/// Removes the bidirectional isolation marks Fluent puts around arguments where they fall
/// inside a tag, such as an `href`, where they would change the address; between tags they
/// stay and keep right-to-left text in order.
pub(crate) fn without_marks_in_tags(text: &str) -> String {
    let mut is_in_tag = false;
    text.chars()
        .filter(|character| {
            match character {
                '<' => is_in_tag = true,
                '>' => is_in_tag = false,
                '\u{2068}' | '\u{2069}' => return !is_in_tag,
                _ => {}
            }
            true
        })
        .collect()
}

#[cfg(test)]
mod tests;
