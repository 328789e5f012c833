//! The demo's safeguarding part: the partnership's signposting text, a statement held for a
//! possible disclosure and another flagged as possible health misinformation, both waiting in
//! the dialogue's safeguarding triage queue.

use anyhow::{Context, ensure};
use model::{SafeguardingConcern, StatementText};
use server::state::AppState;
use store::{NewFlag, NewStatement, SafeguardingSettings, StatementFilter};

use super::Cast;

/// What the author of a possible disclosure reads in the demo.
const SIGNPOSTING: &str = "Northvale Wellbeing Line (made up for this demo): 0800 000 0000, \
     every day from 8 in the morning to midnight.\n\
     Samaritans, at any time: 116 123 (free).\n\
     Northvale Carers' Centre drop-in: weekdays 10 to 4, Market Street.";

/// The held statement: a carer at the end of their tether.
const DISCLOSURE: &str =
    "Since my husband's stroke I care for him alone and some nights I can't go on";

/// Sets the partnership's signposting text, writes the held statement as a participant of the
/// dialogue and flags an accepted statement as possible misinformation.
pub(super) async fn set_up(state: &AppState, cast: &Cast, now: i64) -> anyhow::Result<()> {
    let store = state.store();
    store
        .set_safeguarding_settings(
            cast.partnership,
            SafeguardingSettings {
                signposting: SIGNPOSTING.to_owned(),
                extra_disclosure: Vec::new(),
                extra_abuse: Vec::new(),
                updated_at: Some(now),
            },
        )
        .await
        .context("setting the demo's signposting text")?;
    // Two people who already took part: the demo's head-count stays as the story tells it.
    let mut people: Vec<_> = store
        .latest_votes(cast.dialogue)
        .await
        .context("reading the demo's votes")?
        .iter()
        .map(|vote| vote.participant)
        .collect();
    people.sort_unstable();
    people.dedup();
    ensure!(
        people.len() >= 2,
        "the demo dialogue has too few participants"
    );
    let held = server::safeguarding::service::submit(
        state,
        NewStatement {
            dialogue: cast.dialogue,
            text: StatementText::parse(DISCLOSURE).context("the demo's held statement")?,
            author: Some(people[0]),
            is_meta: false,
            created_at: now,
        },
    )
    .await
    .map_err(|error| anyhow::anyhow!("writing the demo's held statement: {error}"))?;
    ensure!(
        store
            .held_statements(cast.dialogue)
            .await
            .context("reading the demo's held statements")?
            .contains(&held.id),
        "screening did not hold the demo's disclosure"
    );
    let shown = store
        .list_statements(
            cast.dialogue,
            &StatementFilter {
                visible_only: true,
                limit: Some(1),
                ..StatementFilter::default()
            },
        )
        .await
        .context("reading the demo's statements")?;
    let flagged = shown
        .statements
        .first()
        .context("the demo dialogue shows no statement")?;
    store
        .flag_statement(NewFlag {
            statement: flagged.id,
            participant: people[1],
            reason: SafeguardingConcern::Misinformation,
            note: Some("The pharmacy told me something different about this".to_owned()),
            created_at: now,
        })
        .await
        .context("flagging a demo statement")?;
    Ok(())
}
