//! The demo's safeguarding part: the partnership's signposting text, a statement held for a
//! possible disclosure and another flagged as possible health misinformation, both in the
//! dialogue's safeguarding triage queue, and a moderator (public health's safeguarding lead,
//! invited to the dialogue) who has checked the flagged statement and kept it, with a note.

use anyhow::{Context, ensure};
use model::{SafeguardingConcern, StatementText};
use server::safeguarding::service::{self as safeguarding, DecisionInput};
use server::state::AppState;
use store::{AcceptInvitation, NewFlag, NewStatement, SafeguardingSettings, StatementFilter};

use super::Cast;
use super::story::Story;

/// The partner whose representative moderates the demo dialogue: public health's safeguarding
/// lead.
const MODERATING_PARTNER: &str = "public_health";

/// What the moderator noted when keeping the flagged statement.
const MODERATOR_NOTE: &str =
    "Checked with the community pharmacy lead: the statement is accurate, so it stays.";

/// What the author of a possible disclosure reads in the demo.
const SIGNPOSTING: &str = "Northvale Wellbeing Line (made up for this demo): 0800 000 0000, \
     every day from 8 in the morning to midnight.\n\
     Samaritans, at any time: 116 123 (free).\n\
     Northvale Carers' Centre drop-in: weekdays 10 to 4, Market Street.";

/// The held statement: a carer at the end of their tether.
const DISCLOSURE: &str =
    "Since my husband's stroke I care for him alone and some nights I can't go on";

/// Sets the partnership's signposting text, writes the held statement as a participant of the
/// dialogue, flags an accepted statement as possible misinformation, and has the dialogue's
/// moderator keep that statement after checking it.
pub(super) async fn set_up(
    state: &AppState,
    story: &Story,
    cast: &Cast,
    now: i64,
) -> anyhow::Result<()> {
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

    let moderator = cast.representative(story.partner(MODERATING_PARTNER)?)?;
    let (_, token) = safeguarding::invite_moderator(
        state,
        &cast.convenor,
        cast.dialogue,
        Some(moderator.convenor.email.as_str()),
        None,
    )
    .await
    .map_err(|error| anyhow::anyhow!("inviting the demo moderator: {error}"))?;
    store
        .accept_moderator_invitation(
            &token,
            AcceptInvitation::Existing(moderator.convenor.id),
            now,
        )
        .await
        .context("accepting the demo moderator's invitation")?;
    let keep = DecisionInput {
        action: "accept",
        reason: None,
        note: Some(MODERATOR_NOTE),
        text: None,
    };
    safeguarding::decide(state, moderator, cast.dialogue, flagged.id, keep)
        .await
        .map_err(|error| anyhow::anyhow!("the demo moderator's decision: {error}"))?;
    Ok(())
}
