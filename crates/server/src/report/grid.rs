//! The report's grid: every statement against everyone, each opinion group and each
//! constituency, agreement shown as a colour band and a number, the interval and counts on
//! demand. It sorts and filters through query parameters (plain links, no script needed):
//! `sort` is `rank` (common ground first, the default), `number`, `divided`, `all` (everyone's
//! agreement), `g1`, `g2`, … (a group's) or `c1`, `c2`, … (a constituency's); `show` is `all`,
//! `common`, `divided` or `short`; `page` counts from 1, [`PAGE_SIZE`] statements a page.

use serde::Deserialize;

use super::document::{Estimate, Statement};
use super::sections::{verdict, verdict_words};
use super::snapshot::LoadedAnalysis;
use super::view::{Cell, Choice, Column, Grid, GridRow, GroupView, counts};
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::percent;

/// How many statements one page of the grid shows.
pub(super) const PAGE_SIZE: usize = 100;

/// The grid's query parameters, as sent.
#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct GridQuery {
    /// How to sort.
    pub(crate) sort: Option<String>,
    /// Which statements to show.
    pub(crate) show: Option<String>,
    /// Which page.
    pub(crate) page: Option<String>,
}

/// How the grid is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sort {
    /// The common-ground ranking.
    Rank,
    /// By statement number.
    Number,
    /// Most divided first: the widest gap between groups' and constituencies' agreement.
    Divided,
    /// By a column's agreement, highest first: 0 is everyone, then groups, then
    /// constituencies.
    Column(usize),
}

/// Which statements the grid shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Show {
    All,
    Common,
    Divided,
    Short,
}

impl Show {
    const ALL: [(Show, &'static str, &'static str); 4] = [
        (Show::All, "all", "report-show-all"),
        (Show::Common, "common", "report-verdict-common"),
        (Show::Divided, "divided", "report-verdict-divided"),
        (Show::Short, "short", "report-verdict-short"),
    ];

    fn key(self) -> &'static str {
        Show::ALL
            .iter()
            .find(|(show, _, _)| *show == self)
            .map_or("all", |(_, key, _)| key)
    }

    fn admits(self, verdict: &str) -> bool {
        match self {
            Show::All => true,
            Show::Common => verdict == "common",
            Show::Divided => verdict == "divided",
            Show::Short => verdict == "short",
        }
    }
}

/// The grid's query, read and checked against the analysis's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Query {
    pub(super) sort: Sort,
    pub(super) show: Show,
    pub(super) page: usize,
}

/// Reads the query, or says in a sentence which parameter is wrong and what it may be.
pub(super) fn parse(
    query: &GridQuery,
    n_groups: usize,
    n_constituencies: usize,
) -> Result<Query, String> {
    let sort = match query.sort.as_deref() {
        None | Some("" | "rank") => Sort::Rank,
        Some("number") => Sort::Number,
        Some("divided") => Sort::Divided,
        Some("all") => Sort::Column(0),
        Some(other) => {
            let column = other
                .strip_prefix('g')
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&n| n >= 1 && n <= n_groups)
                .or_else(|| {
                    other
                        .strip_prefix('c')
                        .and_then(|n| n.parse::<usize>().ok())
                        .filter(|&n| n >= 1 && n <= n_constituencies)
                        .map(|n| n_groups + n)
                });
            Sort::Column(column.ok_or_else(|| {
                format!(
                    "sort {other:?} is not known: use rank, number, divided, all, g1 to g{n_groups} (a group) or c1 to c{n_constituencies} (a constituency)"
                )
            })?)
        }
    };
    let show = match query.show.as_deref() {
        None | Some("") => Show::All,
        Some(other) => Show::ALL
            .iter()
            .find(|(_, key, _)| *key == other)
            .map(|(show, _, _)| *show)
            .ok_or_else(|| {
                format!("show {other:?} is not known: use all, common, divided or short")
            })?,
    };
    let page = match query.page.as_deref() {
        None | Some("") => 1,
        Some(other) => other
            .parse::<usize>()
            .ok()
            .filter(|&page| page >= 1)
            .ok_or_else(|| format!("page {other:?} must be a whole number from 1"))?,
    };
    Ok(Query { sort, show, page })
}

fn sort_key(sort: Sort, n_groups: usize) -> String {
    match sort {
        Sort::Rank => "rank".to_owned(),
        Sort::Number => "number".to_owned(),
        Sort::Divided => "divided".to_owned(),
        Sort::Column(0) => "all".to_owned(),
        Sort::Column(index) if index <= n_groups => format!("g{index}"),
        Sort::Column(index) => format!("c{}", index - n_groups),
    }
}

fn href(analysis: &LoadedAnalysis, query: Query, n_groups: usize) -> String {
    let mut parts = Vec::new();
    if query.sort != Sort::Rank {
        parts.push(format!("sort={}", sort_key(query.sort, n_groups)));
    }
    if query.show != Show::All {
        parts.push(format!("show={}", query.show.key()));
    }
    if query.page > 1 {
        parts.push(format!("page={}", query.page));
    }
    format!("{}#grid", analysis.report_href(&parts.join("&")))
}

/// The estimates of one statement in column order: everyone, shown groups, constituencies.
fn estimates<'a>(statement: &'a Statement, groups: &[GroupView]) -> Vec<Option<&'a Estimate>> {
    let Some(ground) = statement.common_ground.as_ref() else {
        return Vec::new();
    };
    std::iter::once(Some(&ground.overall))
        .chain(groups.iter().map(|group| ground.groups.get(group.index)))
        .chain(ground.constituencies.iter().map(Some))
        .collect()
}

/// The widest gap between any two groups' or constituencies' agreement with enough votes.
fn spread(estimates: &[Option<&Estimate>]) -> f64 {
    let rates: Vec<f64> = estimates
        .iter()
        .skip(1)
        .flatten()
        .filter(|estimate| estimate.has_enough_votes)
        .filter_map(|estimate| estimate.rate)
        .collect();
    let high = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let low = rates.iter().copied().fold(f64::INFINITY, f64::min);
    if rates.is_empty() { 0.0 } else { high - low }
}

/// The colour band of an agreement: 0 below 20%, …, 4 from 80%.
pub(super) fn band(rate: f64) -> usize {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=4 first"
    )]
    let band = (rate.clamp(0.0, 1.0) * 5.0).floor().min(4.0) as usize;
    band
}

fn cell(language: Language, label: &str, estimate: Option<&Estimate>) -> Cell {
    let Some(estimate) = estimate.filter(|estimate| estimate.seen() > 0) else {
        return Cell {
            text: "–".to_owned(),
            band: None,
            title: text(language, "report-cell-no-votes", &[("label", label.into())]),
            label: label.to_owned(),
        };
    };
    let rate = estimate.rate.filter(|rate| rate.is_finite()).unwrap_or(0.0);
    let likely = estimate
        .interval
        .map(|[low, high]| {
            text(
                language,
                "report-cell-likely",
                &[(
                    "range",
                    format!("{}–{}", percent(low), percent(high)).into(),
                )],
            )
        })
        .unwrap_or_default();
    let enough = estimate.has_enough_votes;
    Cell {
        text: percent(rate),
        band: enough.then(|| band(rate)),
        title: text(
            language,
            "report-cell",
            &[
                ("label", label.into()),
                ("rate", percent(rate).into()),
                ("likely", likely.into()),
                ("counts", counts(language, estimate).into()),
                ("enough", if enough { "yes" } else { "no" }.into()),
            ],
        ),
        label: label.to_owned(),
    }
}

/// Builds the grid for one query.
pub(super) fn grid(
    language: Language,
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
    ranked: &[&Statement],
    query: Query,
) -> Grid {
    let n_groups = groups.len();
    let constituencies: Vec<String> = (0..analysis.doc.voice.constituencies.len())
        .map(|index| analysis.constituency_name(index))
        .collect();
    let column_href = |sort: Sort| {
        href(
            analysis,
            Query {
                sort,
                page: 1,
                ..query
            },
            n_groups,
        )
    };
    let everyone = text(language, "report-everyone", &[]);
    let mut columns = vec![Column {
        label: everyone.clone(),
        short: everyone,
        pattern: None,
        sort_href: column_href(Sort::Column(0)),
        is_sorted: query.sort == Sort::Column(0),
    }];
    columns.extend(groups.iter().enumerate().map(|(position, group)| Column {
        label: group.name.clone(),
        short: text(
            language,
            "report-group-letter",
            &[("letter", group.letter.as_str().into())],
        ),
        pattern: Some(group.pattern),
        sort_href: column_href(Sort::Column(position + 1)),
        is_sorted: query.sort == Sort::Column(position + 1),
    }));
    columns.extend(constituencies.iter().enumerate().map(|(position, name)| {
        let sort = Sort::Column(n_groups + position + 1);
        Column {
            label: name.clone(),
            short: name.clone(),
            pattern: None,
            sort_href: column_href(sort),
            is_sorted: query.sort == sort,
        }
    }));
    let mut chosen: Vec<(&Statement, Vec<Option<&Estimate>>)> = ranked
        .iter()
        .filter(|statement| query.show.admits(verdict(statement).0))
        .map(|&statement| (statement, estimates(statement, groups)))
        .collect();
    match query.sort {
        Sort::Rank => {}
        Sort::Number => chosen.sort_by_key(|(statement, _)| analysis.number(statement.id)),
        Sort::Divided => {
            chosen.sort_by(|a, b| spread(&b.1).total_cmp(&spread(&a.1)));
        }
        Sort::Column(index) => {
            let rate = |row: &(&Statement, Vec<Option<&Estimate>>)| {
                row.1
                    .get(index)
                    .copied()
                    .flatten()
                    .filter(|estimate| estimate.seen() > 0)
                    .and_then(|estimate| estimate.rate)
                    .unwrap_or(-1.0)
            };
            chosen.sort_by(|a, b| rate(b).total_cmp(&rate(a)));
        }
    }
    let total = chosen.len();
    let n_pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page.min(n_pages);
    let first = (page - 1) * PAGE_SIZE;
    let labels: Vec<String> = columns.iter().map(|column| column.label.clone()).collect();
    let rows = chosen
        .iter()
        .skip(first)
        .take(PAGE_SIZE)
        .map(|(statement, estimates)| {
            let (verdict, verdict_label) = verdict_words(language, statement);
            GridRow {
                number: analysis.number(statement.id),
                text: statement.text.clone(),
                href: analysis.href(statement.id),
                verdict,
                verdict_label,
                is_from_participant: statement.author.is_some(),
                cells: labels
                    .iter()
                    .zip(estimates.iter())
                    .map(|(label, estimate)| cell(language, label, *estimate))
                    .collect(),
            }
        })
        .collect::<Vec<_>>();
    let order = match query.sort {
        Sort::Rank => text(language, "report-order-rank", &[]),
        Sort::Number => text(language, "report-order-number", &[]),
        Sort::Divided => text(language, "report-order-divided", &[]),
        Sort::Column(index) => text(
            language,
            "report-order-column",
            &[(
                "column",
                labels.get(index).map_or("", String::as_str).into(),
            )],
        ),
    };
    let showing = if total == 0 {
        text(language, "report-showing-none", &[])
    } else {
        text(
            language,
            "report-showing",
            &[
                ("first", (first + 1).into()),
                ("last", (first + rows.len()).into()),
                ("total", total.into()),
                ("order", order.into()),
            ],
        )
    };
    let sorts = [
        (Sort::Rank, "report-sort-rank"),
        (Sort::Divided, "report-sort-divided"),
        (Sort::Column(0), "report-sort-overall"),
        (Sort::Number, "report-sort-number"),
    ]
    .iter()
    .map(|(sort, key)| Choice {
        label: text(language, key, &[]),
        href: column_href(*sort),
        is_current: query.sort == *sort,
    })
    .collect();
    let filters = Show::ALL
        .iter()
        .map(|(show, _, key)| Choice {
            label: text(language, key, &[]),
            href: href(
                analysis,
                Query {
                    show: *show,
                    page: 1,
                    ..query
                },
                n_groups,
            ),
            is_current: query.show == *show,
        })
        .collect();
    let pages = if n_pages > 1 {
        (1..=n_pages)
            .map(|number| Choice {
                label: number.to_string(),
                href: href(
                    analysis,
                    Query {
                        page: number,
                        ..query
                    },
                    n_groups,
                ),
                is_current: number == page,
            })
            .collect()
    } else {
        Vec::new()
    };
    Grid {
        columns,
        rows,
        sorts,
        filters,
        pages,
        showing,
        number_sort_href: column_href(Sort::Number),
        is_number_sorted: query.sort == Sort::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_is_read_or_refused_with_a_reason() {
        let query = |sort: Option<&str>, show: Option<&str>, page: Option<&str>| GridQuery {
            sort: sort.map(str::to_owned),
            show: show.map(str::to_owned),
            page: page.map(str::to_owned),
        };
        let read = parse(&query(None, None, None), 2, 3).unwrap();
        assert_eq!(read.sort, Sort::Rank);
        assert_eq!(read.show, Show::All);
        assert_eq!(read.page, 1);
        assert_eq!(
            parse(&query(Some("g2"), None, None), 2, 3).unwrap().sort,
            Sort::Column(2)
        );
        assert_eq!(
            parse(&query(Some("c1"), None, None), 2, 3).unwrap().sort,
            Sort::Column(3)
        );
        assert_eq!(
            parse(&query(Some("all"), Some("divided"), Some("2")), 2, 3)
                .unwrap()
                .show,
            Show::Divided
        );
        let error = parse(&query(Some("g3"), None, None), 2, 3).unwrap_err();
        assert!(error.contains("g1 to g2"), "{error}");
        assert!(parse(&query(None, Some("everything"), None), 2, 3).is_err());
        assert!(parse(&query(None, None, Some("0")), 2, 3).is_err());
        assert!(parse(&query(None, None, Some("x")), 2, 3).is_err());
    }

    #[test]
    fn agreement_falls_in_five_bands() {
        assert_eq!(band(0.0), 0);
        assert_eq!(band(0.19), 0);
        assert_eq!(band(0.2), 1);
        assert_eq!(band(0.79), 3);
        assert_eq!(band(0.8), 4);
        assert_eq!(band(1.0), 4);
    }
}
