//! The catalogue completeness test and the checks that keep translations usable: every
//! language has exactly the keys English has, every message formats with the arguments the
//! English one takes, markup survives translation, and every key the pages use exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

use super::{CATALOGUES, Catalogue, bundles, day, translate, without_marks_in_tags};
use crate::web::language::Language;

/// A catalogue's messages: each key with the variables its message uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_in_pattern(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in_expression(expression, found);
        }
    }
}

fn variables_in_expression(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, found);
            for variant in variants {
                variables_in_pattern(&variant.value, found);
            }
        }
        Expression::Inline(inline) => variables_in_inline(inline, found),
    }
}

fn variables_in_inline(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => variables_in_expression(expression, found),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                variables_in_inline(argument, found);
            }
            for argument in &arguments.named {
                variables_in_inline(&argument.value, found);
            }
        }
        _ => {}
    }
}

/// Parses one catalogue in one language, failing on any syntax error.
fn messages(catalogue: &Catalogue, language: Language, source: &str) -> Messages {
    let resource = parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!(
            "{}/{}.ftl does not parse: {errors:?}",
            language.code(),
            catalogue.name
        )
    });
    let mut messages = Messages::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables_in_pattern(value, &mut variables);
                }
                let repeated = messages.insert(message.id.name.to_owned(), variables);
                assert!(
                    repeated.is_none(),
                    "{}/{}.ftl has {} twice",
                    language.code(),
                    catalogue.name,
                    message.id.name
                );
            }
            Entry::Junk { content } => panic!(
                "{}/{}.ftl has text that is not a message: {content}",
                language.code(),
                catalogue.name
            ),
            _ => {}
        }
    }
    messages
}

fn english(catalogue: &Catalogue) -> Messages {
    let (language, source) = catalogue.sources[0];
    assert_eq!(language, Language::English, "English comes first");
    messages(catalogue, language, source)
}

#[test]
fn every_catalogue_has_exactly_the_keys_english_has() {
    let mut missing = Vec::new();
    let mut extra = Vec::new();
    for catalogue in CATALOGUES {
        let english = english(catalogue);
        assert!(!english.is_empty(), "{} is empty", catalogue.name);
        for (language, source) in catalogue.sources {
            let translated = messages(catalogue, *language, source);
            for key in english.keys().filter(|key| !translated.contains_key(*key)) {
                missing.push(format!("{}/{}.ftl: {key}", language.code(), catalogue.name));
            }
            for key in translated.keys().filter(|key| !english.contains_key(*key)) {
                extra.push(format!("{}/{}.ftl: {key}", language.code(), catalogue.name));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys English has and these catalogues lack:\n{}",
        missing.join("\n")
    );
    assert!(
        extra.is_empty(),
        "keys English does not have:\n{}",
        extra.join("\n")
    );
}

#[test]
fn english_and_welsh_have_every_catalogue_and_every_language_the_participants_pages() {
    for catalogue in CATALOGUES {
        for language in [Language::English, Language::Welsh] {
            assert!(
                catalogue.sources.iter().any(|(has, _)| *has == language),
                "{} lacks {}.ftl",
                language.code(),
                catalogue.name
            );
        }
    }
    for name in ["layout", "participant", "priorities", "judging"] {
        let catalogue = CATALOGUES
            .iter()
            .find(|catalogue| catalogue.name == name)
            .expect("the catalogue exists");
        for language in Language::ALL {
            assert!(
                catalogue.sources.iter().any(|(has, _)| *has == language),
                "{} lacks {name}.ftl",
                language.code()
            );
        }
    }
}

#[test]
fn every_translation_uses_only_the_variables_english_gives_it() {
    let mut wrong = Vec::new();
    for catalogue in CATALOGUES {
        let english = english(catalogue);
        for (language, source) in catalogue.sources {
            for (key, variables) in messages(catalogue, *language, source) {
                let Some(given) = english.get(&key) else {
                    continue;
                };
                let unknown: Vec<&String> = variables.difference(given).collect();
                if !unknown.is_empty() {
                    wrong.push(format!(
                        "{}/{}.ftl {key}: {unknown:?}",
                        language.code(),
                        catalogue.name
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "variables English does not give:\n{}",
        wrong.join("\n")
    );
}

/// The arguments tried: numbers that pick every plural form of every language here (Welsh
/// has six: 0, 1, 2, 3, 6 and the rest), and text.
fn sample_arguments<'a>(variables: &'a BTreeSet<String>) -> Vec<FluentArgs<'a>> {
    let mut samples: Vec<FluentArgs<'a>> = [0, 1, 2, 3, 5, 6, 11, 22, 100, 1001]
        .into_iter()
        .map(|number| {
            let mut args = FluentArgs::new();
            for name in variables {
                args.set(name.as_str(), FluentValue::from(number));
            }
            args
        })
        .collect();
    let mut text = FluentArgs::new();
    for name in variables {
        text.set(name.as_str(), FluentValue::from("Rhodfa’r Parc"));
    }
    samples.push(text);
    samples
}

#[test]
fn every_message_formats_without_errors_with_the_arguments_english_takes() {
    let mut failures = Vec::new();
    for catalogue in CATALOGUES {
        let english = english(catalogue);
        for (language, _) in catalogue.sources {
            let bundle = &bundles()[language];
            for (key, variables) in &english {
                let message = bundle
                    .get_message(key)
                    .unwrap_or_else(|| panic!("{} has no {key} in its bundle", language.code()));
                let pattern = message.value().expect("every message has a value");
                for args in sample_arguments(variables) {
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    if !errors.is_empty() || text.trim().is_empty() {
                        failures.push(format!("{} {key}: {errors:?} {text:?}", language.code()));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "messages that do not format:\n{}",
        failures.join("\n")
    );
}

/// Returns the tags of a message with markup, sorted, whatever text is around them.
fn tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = text
        .split('<')
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .map(str::to_owned)
        .collect();
    tags.sort();
    tags
}

#[test]
fn markup_is_kept_in_translation_and_stays_out_of_plain_messages() {
    for catalogue in CATALOGUES {
        let english = english(catalogue);
        for (language, _) in catalogue.sources {
            for (key, variables) in &english {
                let args = sample_arguments(variables).pop();
                let text = without_marks_in_tags(&translate(*language, key, args.as_ref()));
                if key.ends_with("-html") {
                    let expected = tags(&translate(Language::English, key, args.as_ref()));
                    assert_eq!(tags(&text), expected, "{} {key}", language.code());
                } else {
                    assert!(
                        !text.contains('<') && !text.contains('>'),
                        "{} {key} holds markup but its key does not end in -html: {text}",
                        language.code()
                    );
                }
            }
        }
    }
}

#[test]
fn plural_forms_follow_each_languages_rules() {
    let votes = |language, count: i64| {
        let mut args = FluentArgs::new();
        args.set("count", count);
        translate(language, "erased-votes", Some(&args))
    };
    assert!(votes(Language::English, 1).starts_with("1 vote removed"));
    assert!(votes(Language::English, 2).starts_with("2 votes removed"));
    // Polish says "2 głosy" but "5 głosów".
    assert!(
        votes(Language::Polish, 2).contains("2 głosy"),
        "{}",
        votes(Language::Polish, 2)
    );
    assert!(
        votes(Language::Polish, 5).contains("5 głosów"),
        "{}",
        votes(Language::Polish, 5)
    );
    // Welsh has a form for two.
    assert_ne!(
        votes(Language::Welsh, 2).replace('2', "#"),
        votes(Language::Welsh, 5).replace('5', "#")
    );
}

#[test]
fn a_day_is_said_in_the_pages_language_and_anything_else_is_left_as_it_is() {
    assert_eq!(day(Language::English, "2027-03-12"), "12 March 2027");
    assert_eq!(day(Language::Welsh, "2027-03-12"), "12 Mawrth 2027");
    assert_eq!(
        day(Language::Polish, "2026-11-02T10:00:00.000Z"),
        "2 listopada 2026"
    );
    assert_eq!(day(Language::English, "2027-13-01"), "2027-13-01");
    assert_eq!(day(Language::English, "soon"), "soon");
    assert_eq!(day(Language::English, "2027-3-12"), "2027-3-12");
}

#[test]
fn a_missing_key_falls_back_to_the_key_and_a_missing_language_to_english() {
    assert_eq!(
        translate(Language::Welsh, "no-such-key", None),
        "no-such-key"
    );
    assert_eq!(translate(Language::English, "vote-agree", None), "Agree");
}

/// Returns the keys a template looks up with `t("key", ...)`.
fn template_keys(source: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut rest = source;
    while let Some(at) = rest.find("t(\"") {
        let is_call = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|before| !(before.is_alphanumeric() || before == '_'));
        rest = &rest[at + 3..];
        if let (true, Some(end)) = (is_call, rest.find('"')) {
            keys.insert(rest[..end].to_owned());
        }
    }
    keys
}

/// Returns the key-like string literals (`"word-word"`) of Rust source that are used as
/// values, not matched against as patterns (`"vote-changed" =>` is a query's value).
fn rust_keys(source: &str) -> BTreeSet<String> {
    let pieces: Vec<&str> = source.split('"').collect();
    pieces
        .iter()
        .enumerate()
        .skip(1)
        .step_by(2)
        .filter(|(index, literal)| {
            let after = pieces.get(index + 1).copied().unwrap_or_default();
            literal.contains('-')
                && literal
                    .chars()
                    .all(|character| character.is_ascii_lowercase() || character == '-')
                && !after.trim_start().starts_with("=>")
        })
        .map(|(_, literal)| (*literal).to_owned())
        .collect()
}

#[test]
fn every_key_the_pages_use_is_in_english_and_every_english_key_is_used() {
    let english: BTreeSet<String> = CATALOGUES
        .iter()
        .flat_map(|catalogue| english(catalogue).into_keys())
        .collect();
    let prefixes: BTreeSet<&str> = english
        .iter()
        .filter_map(|key| key.split('-').next())
        .collect();
    let mut used = BTreeSet::new();
    // The shared layout and error page, and every page of the translated rooms.
    // Every page of every room.
    let translated = crate::web::render::all_templates().filter(|(name, _)| *name != "macros.html");
    for (name, source) in translated {
        for key in template_keys(source) {
            assert!(
                english.contains(&key),
                "{name} uses {key}, which English lacks"
            );
            used.insert(key);
        }
    }
    let sources = [
        (
            "participation/pages.rs",
            include_str!("../../participation/pages.rs"),
        ),
        ("web/page_error.rs", include_str!("../page_error.rs")),
        ("web/refusals.rs", include_str!("../refusals.rs")),
        ("web/security.rs", include_str!("../security.rs")),
        ("trust/pages.rs", include_str!("../../trust/pages.rs")),
        ("trust/results.rs", include_str!("../../trust/results.rs")),
        ("trust/svg.rs", include_str!("../../trust/svg.rs")),
        (
            "settlements/pages.rs",
            include_str!("../../settlements/pages.rs"),
        ),
        (
            "system_map/pages.rs",
            include_str!("../../system_map/pages.rs"),
        ),
        ("system_map/svg.rs", include_str!("../../system_map/svg.rs")),
        ("web/catalogue.rs", include_str!("../catalogue.rs")),
        (
            "safeguarding/pages.rs",
            include_str!("../../safeguarding/pages.rs"),
        ),
        (
            "priorities/pages.rs",
            include_str!("../../priorities/pages.rs"),
        ),
        (
            "system_map/participant_pages.rs",
            include_str!("../../system_map/participant_pages.rs"),
        ),
        (
            "partnerships/pages.rs",
            include_str!("../../partnerships/pages.rs"),
        ),
        ("accounts/pages.rs", include_str!("../../accounts/pages.rs")),
        ("report/pages.rs", include_str!("../../report/pages.rs")),
        (
            "report/sections.rs",
            include_str!("../../report/sections.rs"),
        ),
        ("report/summary.rs", include_str!("../../report/summary.rs")),
        ("report/grid.rs", include_str!("../../report/grid.rs")),
        ("report/view.rs", include_str!("../../report/view.rs")),
        ("report/rounds.rs", include_str!("../../report/rounds.rs")),
        ("report/reasons.rs", include_str!("../../report/reasons.rs")),
        (
            "report/document/notices.rs",
            include_str!("../../report/document/notices.rs"),
        ),
        ("report/labels.rs", include_str!("../../report/labels.rs")),
        (
            "report/snapshot.rs",
            include_str!("../../report/snapshot.rs"),
        ),
        ("report/map/mod.rs", include_str!("../../report/map/mod.rs")),
        (
            "report/document/numbering.rs",
            include_str!("../../report/document/numbering.rs"),
        ),
        ("event/pages.rs", include_str!("../../event/pages.rs")),
        (
            "facilitation/pages.rs",
            include_str!("../../facilitation/pages.rs"),
        ),
        (
            "dialogues/pages.rs",
            include_str!("../../dialogues/pages.rs"),
        ),
        ("rounds/pages.rs", include_str!("../../rounds/pages.rs")),
        (
            "moderation/pages.rs",
            include_str!("../../moderation/pages.rs"),
        ),
        ("versions/pages.rs", include_str!("../../versions/pages.rs")),
        (
            "versions/option_pages.rs",
            include_str!("../../versions/option_pages.rs"),
        ),
        (
            "priorities/convenor_pages.rs",
            include_str!("../../priorities/convenor_pages.rs"),
        ),
        (
            "trust/convenor_pages.rs",
            include_str!("../../trust/convenor_pages.rs"),
        ),
        (
            "settlements/accountability/pages.rs",
            include_str!("../../settlements/accountability/pages.rs"),
        ),
    ];
    // The services' refusals, which the API sends in English and pages say in theirs; a
    // service's other literals may be values ("easy-read") rather than keys.
    let services = [
        ("error.rs", include_str!("../../error.rs")),
        ("auth.rs", include_str!("../../auth.rs")),
        ("views.rs", include_str!("../../views.rs")),
        (
            "accounts/service.rs",
            include_str!("../../accounts/service.rs"),
        ),
        ("accounts/api.rs", include_str!("../../accounts/api.rs")),
        (
            "dialogues/service.rs",
            include_str!("../../dialogues/service.rs"),
        ),
        (
            "facilitation/service.rs",
            include_str!("../../facilitation/service.rs"),
        ),
        (
            "moderation/service.rs",
            include_str!("../../moderation/service.rs"),
        ),
        (
            "participation/service.rs",
            include_str!("../../participation/service.rs"),
        ),
        (
            "partnerships/service.rs",
            include_str!("../../partnerships/service.rs"),
        ),
        (
            "priorities/service.rs",
            include_str!("../../priorities/service.rs"),
        ),
        ("report/api.rs", include_str!("../../report/api.rs")),
        ("rounds/service.rs", include_str!("../../rounds/service.rs")),
        (
            "safeguarding/service.rs",
            include_str!("../../safeguarding/service.rs"),
        ),
        (
            "settlements/service.rs",
            include_str!("../../settlements/service.rs"),
        ),
        ("system_map/api.rs", include_str!("../../system_map/api.rs")),
        (
            "system_map/service.rs",
            include_str!("../../system_map/service.rs"),
        ),
        ("trust/api.rs", include_str!("../../trust/api.rs")),
        ("trust/service.rs", include_str!("../../trust/service.rs")),
        ("versions/api.rs", include_str!("../../versions/api.rs")),
        (
            "versions/objectives.rs",
            include_str!("../../versions/objectives.rs"),
        ),
        (
            "versions/options.rs",
            include_str!("../../versions/options.rs"),
        ),
        (
            "versions/service.rs",
            include_str!("../../versions/service.rs"),
        ),
    ];
    let is_refusal = |key: &str| key.contains("refused") || key.starts_with("access-");
    let sources = sources
        .into_iter()
        .map(|(name, source)| (name, source, false))
        .chain(
            services
                .into_iter()
                .map(|(name, source)| (name, source, true)),
        );
    for (name, source, only_refusals) in sources {
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        for key in rust_keys(code) {
            let prefix = key.split('-').next().unwrap_or_default();
            if !prefixes.contains(prefix) {
                continue;
            }
            if only_refusals && !is_refusal(&key) {
                // A service's literal that is a key is still a use of it.
                if english.contains(&key) {
                    used.insert(key);
                }
                continue;
            }
            assert!(
                english.contains(&key),
                "{name} uses {key}, which English lacks"
            );
            used.insert(key);
        }
    }
    let unused: Vec<&String> = english.difference(&used).collect();
    assert!(unused.is_empty(), "keys no page uses: {unused:?}");
}
