//! The demo `commonground serve --demo` opens: "Healthy ageing in Northvale", a made-up health
//! partnership of eight partners asking older people, carers and the people who work with them
//! what would help older people stay well at home.
//!
//! Everything goes through the store as the product itself would write it: a convenor and their
//! partnership, its partners, a person who speaks for the carers' charity signed up through an
//! invitation, and a dialogue with six constituencies whose 600 simulated participants, their
//! statements and votes are drawn from [`story`] with a fixed seed and imported in one
//! transaction.

pub mod story;

use anyhow::Context;
use model::password::{Password, PasswordHash};
use model::{
    ConstituencyName, ConvenorId, Description, DialogueId, DialogueQuestion, DialogueTitle, Email,
    ExpectedShare, ModerationPolicy, PartnerName, PartnershipId, PartnershipName, Purpose,
    ReportVisibility,
};
use store::{
    AcceptInvitation, DialogueImport, DialogueSettings, NewConstituency, NewInvitation, NewPartner,
    NewPartnership, Store,
};

use crate::convenor::{add_convenor, random_salt};
use story::{DAY_MS, Story, simulate};

/// The demo convenor's email address.
pub const DEMO_EMAIL: &str = "demo@commonground.example";

/// The email address of the demo's person who speaks for a partner.
pub const DEMO_REPRESENTATIVE_EMAIL: &str = "carers@commonground.example";

/// The seed of the simulated participants and votes.
pub const DEMO_SEED: u64 = 17;

/// What the demo set up.
#[derive(Debug)]
pub struct Demo {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its name.
    pub partnership_name: String,
    /// How many partners it has.
    pub partners: usize,
    /// The partner whose representative the demo signed up.
    pub represented_partner: String,
    /// The dialogue.
    pub dialogue: DialogueId,
    /// Its title.
    pub title: String,
    /// How many statements, simulated participants and votes it holds.
    pub statements: usize,
    /// How many simulated participants it holds.
    pub participants: usize,
    /// How many votes they cast.
    pub votes: usize,
    /// The convenor's password.
    pub password: String,
    /// The representative's password.
    pub representative_password: String,
}

/// Returns a fresh random password of 32 hex digits.
fn random_password() -> anyhow::Result<String> {
    Ok(random_salt()?
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// Signs up a person who speaks for `partner` through an invitation, as anyone would be;
/// returns their password.
async fn sign_up_representative(
    store: &dyn Store,
    partner: model::PartnerId,
    convenor: ConvenorId,
    now: i64,
) -> anyhow::Result<String> {
    let email = Email::parse(DEMO_REPRESENTATIVE_EMAIL).context("the demo email")?;
    let (_, token) = store
        .create_invitation(NewInvitation {
            partner,
            email: Some(email.clone()),
            created_by: convenor,
            created_at: now,
            expires_at: now + 14 * DAY_MS,
        })
        .await
        .context("inviting the demo representative")?;
    let password = random_password()?;
    let hash = PasswordHash::create(
        &Password::parse(&password).context("the demo password")?,
        &random_salt()?,
    )
    .context("hashing the demo password")?;
    store
        .accept_invitation(
            &token,
            AcceptInvitation::NewAccount {
                email,
                password_hash: hash,
            },
            now,
        )
        .await
        .context("accepting the demo invitation")?;
    Ok(password)
}

/// Fills a fresh store with the demo; `now` is the current time in ms since the epoch (the
/// dialogue opened three weeks earlier).
pub async fn seed(store: &dyn Store, now: i64) -> anyhow::Result<Demo> {
    let story = Story::bundled()?;
    let password = random_password()?;
    let convenor = add_convenor(store, DEMO_EMAIL, &password, false, None).await?;
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse(&story.partnership.name)
                .context("the demo partnership's name")?,
            purpose: Purpose::parse(&story.partnership.purpose)
                .context("the demo partnership's purpose")?,
            created_at: now - 30 * DAY_MS,
            convenor: Some(convenor),
        })
        .await
        .context("creating the demo partnership")?;

    let mut represented = None;
    for partner in &story.partners {
        let created = store
            .create_partner(NewPartner {
                partnership: partnership.id,
                name: PartnerName::parse(&partner.name).context("a demo partner's name")?,
                sector: partner.sector,
                created_at: now - 30 * DAY_MS,
            })
            .await
            .context("adding the demo partners")?;
        if partner.represented {
            represented = Some((created.id, partner.name.clone()));
        }
    }
    let (partner, represented_partner) =
        represented.context("the demo names the partner it represents")?;
    let representative_password = sign_up_representative(store, partner, convenor, now).await?;

    let opened_at = now - 21 * DAY_MS;
    let simulation = simulate(&story, DEMO_SEED, opened_at)?;
    let constituencies = story
        .constituencies
        .iter()
        .map(|constituency| {
            Ok(NewConstituency {
                name: ConstituencyName::parse(&constituency.name)
                    .context("a demo constituency's name")?,
                expected_share: Some(
                    ExpectedShare::parse(constituency.expected_share)
                        .context("a demo constituency's expected share")?,
                ),
                kind: Some(constituency.kind),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (statements, participants, votes) = (
        simulation.statements.len(),
        simulation.participants.len(),
        simulation.votes.len(),
    );
    let imported = store
        .import_dialogue(DialogueImport {
            partnership: partnership.id,
            settings: DialogueSettings {
                title: DialogueTitle::parse(&story.dialogue.title)
                    .context("the demo dialogue's title")?,
                question: DialogueQuestion::parse(&story.dialogue.question)
                    .context("the demo dialogue's question")?,
                description: Description::parse(&story.dialogue.description)
                    .context("the demo dialogue's description")?,
                allow_participant_statements: true,
                moderation: ModerationPolicy::Pre,
                report_visibility: ReportVisibility::Public,
            },
            constituencies,
            is_open: true,
            created_by: Some(convenor),
            external_id: None,
            created_at: opened_at,
            statements: simulation.statements,
            participants: simulation.participants,
            votes: simulation.votes,
        })
        .await
        .context("creating the demo dialogue")?;
    store
        .set_dialogue_shared_with_partners(imported.dialogue, true)
        .await
        .context("sharing the demo dialogue with partners")?;
    Ok(Demo {
        partnership: partnership.id,
        partnership_name: story.partnership.name,
        partners: story.partners.len(),
        represented_partner,
        dialogue: imported.dialogue,
        title: story.dialogue.title,
        statements,
        participants,
        votes,
        password,
        representative_password,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_demo_fills_a_fresh_database_in_seconds() {
        let scratch = tempfile::tempdir().unwrap();
        let database = format!("sqlite:{}", scratch.path().join("demo.db").display());
        let store = store::connect(&database).await.unwrap();
        let started = std::time::Instant::now();
        let demo = seed(store.as_ref(), crate::import::now_ms()).await.unwrap();
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        let dialogue = store.get_dialogue(demo.dialogue).await.unwrap();
        assert_eq!(dialogue.partnership, demo.partnership);
        assert_eq!(demo.participants, 600);
        assert_eq!(demo.partners, 8);
        assert!(demo.votes > 10_000, "{}", demo.votes);
        assert_eq!(dialogue.constituencies.len(), 6);
        assert!(dialogue.shared_with_partners);
    }
}
