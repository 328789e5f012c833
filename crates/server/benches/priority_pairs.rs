//! The next pair at 1,000 options, as the server chooses it: a priority list of 1,000 options
//! on a SQLite file, 3,300 stored comparisons by 21 participants of three constituencies, one
//! participant with 300 answers; times the snapshot (the whole ranking, as the background
//! analysis runs it), then 2,000 requests of `service::next_pair` end to end (the list's
//! revision, the participant's own comparisons, the choice) and 2,000 choices alone.
//!
//! `cargo bench -p server --bench priority_pairs`; under `cargo test` a small list checks the
//! path only.

#![allow(clippy::print_stdout, reason = "a bench binary reports on stdout")]

#[path = "../../engine/benches/measure/mod.rs"]
mod measure;

use std::hint::black_box;
use std::time::Duration;

use measure::{Mark, cpu_model, load_average};
use model::{
    ComparisonChoice, ConstituencyName, Description, ModerationPolicy, OptionText, PartnershipName,
    PriorityListTitle, PriorityQuestion, Purpose,
};
use server::{Application, Config};
use store::{
    NewComparison, NewPartnership, NewPriorityConstituency, NewPriorityList, NewPriorityOption,
    NewPriorityParticipant, PriorityListSettings,
};

struct Size {
    options: usize,
    others: usize,
    per_other: usize,
    answered: usize,
    requests: u64,
}

async fn run(size: Size) -> Result<(), Box<dyn std::error::Error>> {
    let scratch = tempfile::tempdir()?;
    let config = Config {
        database: format!("sqlite:{}", scratch.path().join("pairs.db").display()),
        analysis_enabled: false,
        analysis_debounce: Duration::from_secs(2),
        ..Config::for_tests()
    };
    let app = Application::build(config).await?;
    let state = app.state();
    let store = state.store();
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Benchmark")?,
            purpose: Purpose::parse("")?,
            created_at: 0,
            convenor: None,
        })
        .await?;
    let list = store
        .create_priority_list(NewPriorityList {
            partnership: partnership.id,
            dialogue: None,
            settings: PriorityListSettings {
                title: PriorityListTitle::parse("Pairs")?,
                question: PriorityQuestion::parse("Which first?")?,
                description: Description::parse("")?,
                allow_participant_options: false,
                moderation: ModerationPolicy::Post,
                results_visibility: model::ReportVisibility::Public,
            },
            constituencies: ["carers", "GPs", "nurses"]
                .iter()
                .map(|name| {
                    Ok(NewPriorityConstituency {
                        name: ConstituencyName::parse(name)?,
                        kind: None,
                    })
                })
                .collect::<Result<_, model::TextError>>()?,
            created_by: None,
            created_at: 0,
        })
        .await?;
    let started = Mark::now();
    let mut options = Vec::with_capacity(size.options);
    for index in 0..size.options {
        let option = store
            .add_priority_option(NewPriorityOption {
                list: list.id,
                text: OptionText::parse(&format!(
                    "Option {index}: something the partnership could do"
                ))?,
                author: None,
                created_at: 0,
            })
            .await?;
        options.push(option.id);
    }
    let mut people = Vec::new();
    for person in 0..=size.others {
        let (participant, _) = store
            .join_priority_list(NewPriorityParticipant {
                list: list.id,
                constituencies: vec![list.constituencies[person % 3].id],
                dialogue_participant: None,
                created_at: 0,
            })
            .await?;
        people.push(participant);
    }
    // Each person compares a run of pairs from an offset of their own; the last one (the one
    // who asks) `answered` pairs, the others `per_other` each.
    let n = size.options;
    let mut stored = 0;
    for (person, participant) in people.iter().enumerate() {
        let count = if person == size.others {
            size.answered
        } else {
            size.per_other
        };
        for k in 0..count {
            let first = (person * 37 + k) % n;
            let second = (first + 1 + (k * 13 + person) % (n - 1)) % n;
            let choice = if (first * 7 + second) % 10 < 6 {
                ComparisonChoice::Left
            } else {
                ComparisonChoice::Right
            };
            let recorded = store
                .record_comparison(NewComparison {
                    participant: participant.id,
                    left: options[first],
                    right: options[second],
                    choice,
                    reason: None,
                    compared_at: 1,
                    idempotency_key: None,
                })
                .await;
            // A pair drawn twice for one person is refused; the others count.
            if recorded.is_ok() {
                stored += 1;
            }
        }
    }
    println!(
        "set-up: {} options, {} participants, {stored} comparisons stored: {}",
        size.options,
        people.len(),
        Mark::now().since(&started)
    );

    let start = Mark::now();
    let snapshot = server::priorities::snapshot::compute(store, list.id, 7, 0).await?;
    println!(
        "snapshot (rank overall + 3 constituencies, pair state): {}",
        Mark::now().since(&start)
    );

    let asker = people.last().ok_or("no participant")?;
    let start = Mark::now();
    for _ in 0..size.requests {
        black_box(server::priorities::service::next_pair(&state, asker).await?);
    }
    let end = Mark::now();
    println!(
        "next_pair end to end (revision, own comparisons, choice), {} requests: {}  ({:.1} µs per request, wall)",
        size.requests,
        end.since(&start),
        end.wall_seconds_since(&start) * 1e6 / size.requests as f64
    );
    let answered: Vec<_> = store
        .participant_comparisons(asker.id)
        .await?
        .iter()
        .map(|c| (c.left, c.right))
        .collect();
    let start = Mark::now();
    for seed in 0..size.requests {
        black_box(
            snapshot
                .pairs
                .choose(None, &asker.constituencies, &answered, seed),
        );
    }
    let end = Mark::now();
    println!(
        "choice alone ({} answered), {} requests: {}  ({:.1} µs per request, wall)",
        answered.len(),
        size.requests,
        end.since(&start),
        end.wall_seconds_since(&start) * 1e6 / size.requests as f64
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    if std::env::args().any(|argument| argument == "--list") {
        return std::process::ExitCode::SUCCESS;
    }
    let size = if std::env::args().any(|argument| argument == "--bench") {
        Size {
            options: 1000,
            others: 20,
            per_other: 150,
            answered: 300,
            // More requests for a profile whose samples the set-up should not dominate.
            requests: std::env::var("PAIR_REQUESTS")
                .ok()
                .and_then(|requests| requests.parse().ok())
                .unwrap_or(2000),
        }
    } else {
        Size {
            options: 20,
            others: 3,
            per_other: 10,
            answered: 10,
            requests: 20,
        }
    };
    println!("{} · load average {}", cpu_model(), load_average());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(size)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("priority pairs benchmark failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
