//! The demo's translations and easy read. The convenor translates the statement about bus
//! routes into Welsh and Urdu and writes easy-read versions of it in English and Welsh, so
//! that a participant reading in Welsh, in Urdu or in easy read sees their version, marked,
//! with the original one tap away, and votes on the same statement as everyone else. The
//! priority list's options and the adopted objective about telling carers of a discharge are
//! in Welsh too: a Welsh reader compares the options, and a Welsh-speaking representative
//! reads the objective, in Welsh, while choices and stances stay on the originals.

use anyhow::Context;
use model::{ModerationStatus, PriorityListId};
use server::state::AppState;
use server::versions::objectives::{self, TranslationInput};
use server::versions::options;
use server::versions::service as versions;
use store::StatementFilter;

use super::Cast;

/// The start of the statement the demo translates.
pub const TRANSLATED_STATEMENT: &str = "Bus routes should take people to the hospital";

/// Its versions: language, whether easy read, and text.
const VERSIONS: [(&str, bool, &str); 4] = [
    (
        "cy",
        false,
        "Dylai llwybrau bysiau fynd â phobl i'r ysbyty ac i feddygfeydd, nid i ganol y dref yn unig.",
    ),
    (
        "ur",
        false,
        "بس کے راستے لوگوں کو صرف شہر کے مرکز تک نہیں بلکہ ہسپتال اور ڈاکٹر کے کلینک تک بھی لے جائیں۔",
    ),
    (
        "en",
        true,
        "Buses should go to the hospital and to the doctor. Not only to the town centre.",
    ),
    (
        "cy",
        true,
        "Dylai bysiau fynd i'r ysbyty ac at y meddyg. Nid i ganol y dref yn unig.",
    ),
];

/// The Welsh of the priority list's options, each after the start of its English text.
const OPTIONS_IN_WELSH: [(&str, &str); 6] = [
    (
        "Plan every older patient's discharge",
        "Cynllunio rhyddhau pob claf hŷn o'r diwrnod y caiff ei dderbyn, gyda gofal cymdeithasol a'i deulu wrth y bwrdd.",
    ),
    (
        "Recruit and train more home care workers",
        "Recriwtio a hyfforddi mwy o weithwyr gofal cartref, a rhoi digon o amser i bob ymweliad wneud mwy na'r pethau sylfaenol.",
    ),
    (
        "Check the medicines, eyesight and home",
        "Gwirio meddyginiaethau, golwg a chartref pawb dros 75 oed sydd wedi cwympo.",
    ),
    (
        "One guide for unpaid carers",
        "Un canllaw i ofalwyr di-dâl i bob math o help, o seibiannau i fudd-daliadau, ar bapur ac ar-lein, i bob gofalwr newydd.",
    ),
    (
        "Volunteer drivers",
        "Gyrwyr gwirfoddol i fynd â phobl i apwyntiadau yn yr ysbyty ac at y meddyg teulu.",
    ),
    (
        "Benches and public toilets",
        "Meinciau a thoiledau cyhoeddus ar y prif lwybrau cerdded i'r siopau a'r feddygfa.",
    ),
];

/// The adopted objective the demo translates into Welsh: its English title, and its Welsh
/// title and text.
const OBJECTIVE_IN_WELSH: (&str, &str, &str) = (
    "Carers are told as soon as a discharge date is set",
    "Dweud wrth ofalwyr cyn gynted ag y pennir dyddiad rhyddhau",
    "Pryd bynnag y bydd un o drigolion Northvale sy'n 65 oed neu'n hŷn i adael Ysbyty Cyffredinol \
     Northvale, dywedir wrth y sawl sy'n gofalu amdanynt gartref cyn gynted ag y pennir y dyddiad \
     rhyddhau, a bob amser cyn i'r claf adael y ward. Cânt enw cyswllt ar y ward a chanllaw printiedig \
     i'r help sydd ar gael yn yr wythnosau cyntaf gartref. Lle bo rhyddhau wedi'i gynllunio, y nod \
     yw rhoi 48 awr o rybudd, ac mae'r bartneriaeth yn cyhoeddi bob chwarter pa mor aml y cafodd \
     gofalwyr wybod mor bell ymlaen llaw.",
);

/// Translates the priority list's accepted options and the adopted objective into Welsh.
pub(super) async fn translate_partnership(
    state: &AppState,
    cast: &Cast,
    list: PriorityListId,
) -> anyhow::Result<()> {
    let store = state.store();
    let accepted: Vec<_> = store
        .list_priority_options(list)
        .await
        .context("listing the demo's options")?
        .into_iter()
        .filter(|option| option.moderation == ModerationStatus::Accepted)
        .collect();
    for (start, welsh) in OPTIONS_IN_WELSH {
        let option = accepted
            .iter()
            .find(|option| option.text.starts_with(start))
            .with_context(|| format!("the demo list has the option {start:?}"))?;
        options::put_option_version(state, &cast.convenor, list, option.id, "cy", welsh)
            .await
            .map_err(|error| anyhow::anyhow!("translating the demo option {start:?}: {error}"))?;
    }
    let (english_title, title, text) = OBJECTIVE_IN_WELSH;
    let objective = store
        .list_objectives(cast.partnership)
        .await
        .context("listing the demo objectives")?
        .into_iter()
        .find(|objective| objective.title == english_title)
        .context("the demo has the objective about telling carers")?;
    let input = TranslationInput {
        version: objective.current_version,
        language: "cy",
        title,
        text,
    };
    objectives::put_objective_translation(state, &cast.convenor, objective.id, input)
        .await
        .map_err(|error| anyhow::anyhow!("translating the demo objective: {error}"))?;
    Ok(())
}

/// Adds the demo's translations and easy-read versions through the room's service.
pub(super) async fn set_up(state: &AppState, cast: &Cast) -> anyhow::Result<()> {
    let statements = state
        .store()
        .list_statements(
            cast.dialogue,
            &StatementFilter {
                limit: Some(StatementFilter::MAX_LIMIT),
                ..StatementFilter::default()
            },
        )
        .await
        .context("listing the demo statements")?
        .statements;
    let statement = statements
        .iter()
        .find(|statement| statement.text.starts_with(TRANSLATED_STATEMENT))
        .context("the demo has the statement about bus routes")?;
    for (language, easy_read, text) in VERSIONS {
        versions::put_version(
            state,
            &cast.convenor,
            cast.dialogue,
            statement.id,
            language,
            easy_read,
            text,
        )
        .await
        .with_context(|| format!("adding the demo's {language} version"))?;
    }
    Ok(())
}
