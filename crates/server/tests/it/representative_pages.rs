//! The pages a partner's representative shares with the convenors, in the representatives'
//! languages: an objective with the stance form and a refusal, and a system map, in Welsh when
//! the browser prefers it or `?lang=cy` chooses it (the choice remembered), and in English, with
//! the switcher offering Cymraeg, for a language the pages lack; and a representative who signs
//! in through the form with a Welsh browser and finds the welcome, sign-in, home, partnership
//! and partner pages in Welsh.

use model::{PartnershipId, Sector};
use reqwest::StatusCode;
use store::{NewVersion, Phase};

use crate::fixtures::{
    ApiBrowser, PageBrowser, REPRESENTATIVE_PASSWORD, add_partner, add_representative,
    hidden_field, page, represented_partner_on_pages,
};
use crate::support::{CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, spawn_app};

/// Puts an objective to the partners through the store; returns its id.
async fn objective_with_partners(app: &TestApp, partnership: PartnershipId) -> i64 {
    let store = app.state.store();
    let lead = store.list_partnership_members(partnership).await.unwrap()[0].id;
    let now = app.state.now_ms();
    let objective = store
        .create_objective(
            partnership,
            NewVersion {
                title: "Fewer falls at home".to_owned(),
                body: "Fewer older people fall at home.".to_owned(),
                evidence: "{}".to_owned(),
                amends: None,
                actor: lead,
                now,
            },
        )
        .await
        .unwrap();
    store
        .set_phase(objective.id, Phase::WithPartners, lead, now)
        .await
        .unwrap();
    objective.id.0
}

#[tokio::test]
async fn a_representative_reads_an_objective_and_is_refused_a_stance_in_welsh() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let (carers, rep) = represented_partner_on_pages(
        &app,
        partnership,
        "Northvale Carers",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    add_partner(
        &app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;
    let objective = objective_with_partners(&app, partnership).await;
    let page = format!("/convenor/objectives/{objective}");

    // The browser prefers Welsh: the status, the engine's reason and the stance form are Welsh,
    // and the switcher offers the representatives' two languages only.
    let welsh = rep
        .get_preferring(&app, &page, "cy-GB,cy;q=0.9,en;q=0.5")
        .await;
    assert_eq!(welsh.status, StatusCode::OK, "{welsh:?}");
    let text = &welsh.text;
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(text.contains("Wrthi"), "{text}");
    assert!(
        text.contains("mae 0 o") && text.contains("2 partner wedi ymateb"),
        "{text}"
    );
    assert!(
        text.contains("Eich safbwynt ar ran Northvale Carers"),
        "{text}"
    );
    assert!(text.contains(">Cymeradwyo gydag amheuon</label>"), "{text}");
    assert!(text.contains("Safbwyntiau"), "{text}");
    assert!(text.contains("href=\"?lang=en\""), "{text}");
    assert!(!text.contains("lang=pl"), "{text}");

    // Chosen with ?lang=cy, the language is remembered for the next page and the refused form.
    let chosen = rep.get(&app, &format!("{page}?lang=cy")).await;
    assert!(chosen.text.contains("<html lang=\"cy\""));
    let again = rep.get(&app, &page).await;
    assert!(again.text.contains("<html lang=\"cy\""), "{}", again.text);
    let carers = carers.to_string();
    let refused = rep
        .post(
            &app,
            &format!("{page}/stances"),
            &[
                ("partner", &carers),
                ("version", "1"),
                ("stance", "object"),
                ("reason", " "),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    let text = &refused.text;
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains("Ysgrifennwch y rheswm dros wrthwynebu."),
        "{text}"
    );
    // What was chosen is kept, and the switcher leads to the objective's page, not the form's.
    assert!(text.contains("value=\"object\" checked"), "{text}");
    assert!(text.contains(&format!("href=\"{page}?lang=en\"")), "{text}");

    // Polish has no representative pages: the page is in English, offering Cymraeg.
    let polish = rep.get(&app, &format!("{page}?lang=pl")).await;
    assert_eq!(polish.status, StatusCode::OK);
    let text = &polish.text;
    assert!(text.contains("<html lang=\"en\""), "{text}");
    assert!(
        text.contains("In negotiation: 0 of 2 partners have responded"),
        "{text}"
    );
    assert!(text.contains("Your stance for Northvale Carers"), "{text}");
    assert!(text.contains(">Cymraeg</a>"), "{text}");
    let refused = rep
        .post(
            &app,
            &format!("{page}/stances"),
            &[("partner", &carers), ("version", "1"), ("stance", "object")],
        )
        .await;
    assert!(
        refused.text.contains("Write the reason for objecting."),
        "{}",
        refused.text
    );
}

#[tokio::test]
async fn a_representative_reads_a_system_map_in_welsh_and_polish_gives_english() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let (carers, rep) = represented_partner_on_pages(
        &app,
        partnership,
        "Northvale Carers",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    let started = convenor
        .post(
            &app,
            &format!("/convenor/partnerships/{pid}/maps"),
            &[("title", "Healthy ageing")],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{started:?}");
    let location = started.location.unwrap();
    let map = location
        .strip_prefix("/convenor/maps/")
        .and_then(|rest| rest.split('?').next())
        .unwrap()
        .to_owned();
    let carers = carers.to_string();
    for name in ["Loneliness", "Falls"] {
        let proposed = rep
            .post(
                &app,
                &format!("/convenor/maps/{map}/factors"),
                &[("name", name), ("owner", &carers), ("as", &carers)],
            )
            .await;
        assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{proposed:?}");
    }
    let page = format!("/convenor/maps/{map}");

    // The maps list and the map in Welsh, by the browser's preference: the sections, the
    // drawing's legend and table, and the forms.
    let maps = rep
        .get_preferring(&app, &format!("/convenor/partnerships/{pid}/maps"), "cy")
        .await;
    assert_eq!(maps.status, StatusCode::OK, "{maps:?}");
    assert!(
        maps.text.contains("<h1>Mapiau system</h1>"),
        "{}",
        maps.text
    );
    let welsh = rep.get_preferring(&app, &page, "cy-GB").await;
    assert_eq!(welsh.status, StatusCode::OK, "{welsh:?}");
    let text = &welsh.text;
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(text.contains("Dolennau adborth"), "{text}");
    assert!(text.contains("Ble i weithredu"), "{text}");
    assert!(text.contains("Ffactorau fesul partner"), "{text}");
    assert!(text.contains("2 ffactor yn eiddo i 1 partner"), "{text}");
    assert!(text.contains(">Cynnig y ffactor</button>"), "{text}");
    assert!(!text.contains("lang=pl"), "{text}");

    // Chosen with ?lang=cy on a ripple, the switcher keeps the ripple's parameters, and the
    // choice is remembered for a refused link.
    let loneliness = {
        let end = welsh.text.find(">Loneliness</option>").unwrap();
        let start = welsh.text[..end].rfind("value=\"").unwrap() + "value=\"".len();
        welsh.text[start..end - 1].to_owned()
    };
    let ripple = rep
        .get(&app, &format!("{page}?from={loneliness}&push=down&lang=cy"))
        .await;
    assert_eq!(ripple.status, StatusCode::OK, "{ripple:?}");
    assert!(
        ripple.text.contains("Gwthio “Loneliness” i lawr"),
        "{}",
        ripple.text
    );
    assert!(
        ripple.text.contains(&format!(
            "href=\"?from={loneliness}&amp;push=down&amp;lang=en\""
        )),
        "{}",
        ripple.text
    );
    let refused = rep
        .post(
            &app,
            &format!("{page}/links"),
            &[
                ("from", "nothing"),
                ("to", &loneliness),
                ("sign", "+"),
                ("as", &carers),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(
        refused.text.contains("<html lang=\"cy\""),
        "{}",
        refused.text
    );
    assert!(
        refused.text.contains("Dewiswch y ffactor sy"),
        "{}",
        refused.text
    );

    // Polish has no representative pages: the map is in English, offering Cymraeg.
    let polish = rep.get(&app, &format!("{page}?lang=pl")).await;
    assert_eq!(polish.status, StatusCode::OK);
    let text = &polish.text;
    assert!(text.contains("<html lang=\"en\""), "{text}");
    assert!(text.contains("Feedback loops"), "{text}");
    assert!(text.contains("Factors by partner"), "{text}");
    assert!(text.contains(">Cymraeg</a>"), "{text}");
}

/// Undoes the template's escaping of apostrophes, as a browser does.
fn read_back(text: &str) -> String {
    text.replace("&#x27;", "'")
}

/// Asserts that a page holds every one of `welsh` and none of `english`.
fn assert_welsh(text: &str, welsh: &[&str], english: &[&str]) {
    let text = read_back(text);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    for phrase in welsh {
        assert!(text.contains(phrase), "lacks {phrase:?}: {text}");
    }
    for phrase in english {
        assert!(!text.contains(phrase), "still says {phrase:?}: {text}");
    }
}

#[tokio::test]
async fn a_representative_signs_in_and_finds_the_partnership_pages_in_welsh() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let carers = add_partner(&app, partnership, "Northvale Carers", Sector::Voluntary).await;
    add_representative(&app, partnership, carers, "carers@example.org").await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        "cy-GB,cy;q=0.9,en;q=0.5".parse().unwrap(),
    );
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    let get = |path: String| {
        let request = browser.get(app.url(&path));
        async move { page(request.send().await.unwrap()).await }
    };

    // The welcome page and the sign-in page, before signing in; a wrong password is refused in
    // Welsh.
    let welcome = get("/".to_owned()).await;
    assert_eq!(welcome.status, StatusCode::OK, "{welcome:?}");
    assert_welsh(
        &welcome.text,
        &[
            "<title>Croeso · Common Ground</title>",
            "Mewngofnodi fel cynullydd neu bartner",
            "does dim angen cyfrif arnoch",
            "href=\"?lang=en\"",
        ],
        &["Sign in as a convenor or partner", "Welcome", "lang=pl"],
    );
    let login = get("/login?next=/convenor".to_owned()).await;
    assert_eq!(login.status, StatusCode::OK, "{login:?}");
    assert_welsh(
        &login.text,
        &[
            "<h1>Mewngofnodi</h1>",
            "<label for=\"email\">Cyfeiriad e-bost</label>",
            "<label for=\"password\">Cyfrinair</label>",
            "href=\"?next=/convenor&amp;lang=en\"",
        ],
        &["Sign in", "Email address", "Password"],
    );
    let refused = page(
        browser
            .post(app.url("/login"))
            .form(&[
                ("email", "carers@example.org"),
                ("password", "not the password"),
                ("next", "/convenor"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_welsh(
        &refused.text,
        &["Nid yw'r cyfeiriad e-bost a'r cyfrinair yn cyfateb i gyfrif."],
        &["do not match an account"],
    );
    let signed_in = page(
        browser
            .post(app.url("/login"))
            .form(&[
                ("email", "carers@example.org"),
                ("password", REPRESENTATIVE_PASSWORD),
                ("next", "/convenor"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{signed_in:?}");
    assert_eq!(signed_in.location.as_deref(), Some("/convenor"));

    // The home page: the partnership, with the role and the links, in Welsh.
    let home = get("/convenor".to_owned()).await;
    assert_eq!(home.status, StatusCode::OK, "{home:?}");
    assert_welsh(
        &home.text,
        &[
            "<h1>Eich partneriaethau</h1>",
            "Cynrychiolydd partner ar ran Northvale Carers",
            "Amcanion ar y cyd<span class=\"visually-hidden\"> ar gyfer ",
            "Cwestiynau agored eich partneriaid",
        ],
        &[
            "Your partnerships",
            "Partner representative",
            "Shared objectives",
            "Trust between partners",
        ],
    );
    let csrf = hidden_field(&home.text, "csrf");

    // The partnership's page and the partner's page, with the sector's name in Welsh.
    let pid = partnership.get();
    let shared = get(format!("/convenor/partnerships/{pid}")).await;
    assert_eq!(shared.status, StatusCode::OK, "{shared:?}");
    assert_welsh(
        &shared.text,
        &[
            "<h2 id=\"partners-heading\">Partneriaid</h2>",
            "<td>Sector gwirfoddol</td>",
            "Deialogau",
        ],
        &[
            "Partner organisations",
            "Voluntary sector",
            "No partners yet",
        ],
    );
    let partner_page = format!("/convenor/partnerships/{pid}/partners/{carers}");
    let partner = get(partner_page.clone()).await;
    assert_eq!(partner.status, StatusCode::OK, "{partner:?}");
    assert_welsh(
        &partner.text,
        &[
            "Pobl sy'n siarad ar ran Northvale Carers",
            "carers@example.org (chi)",
            "Peidio â siarad ar ran Northvale Carers",
            "<option value=\"voluntary\" selected>Sector gwirfoddol</option>",
            ">Cadw'r manylion</button>",
        ],
        &[
            "People who speak for",
            "(you)",
            "Save the details",
            "Organisation name",
        ],
    );

    // A form without the session's token, a refused name and a saved change answer in Welsh
    // too.
    let forged = page(
        browser
            .post(app.url(&partner_page))
            .form(&[("csrf", "forged"), ("name", "Northvale Carers")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{forged:?}");
    assert_welsh(
        &forged.text,
        &["Mae'r ffurflen hon wedi dod i ben"],
        &["This form has expired"],
    );
    let too_long = "N".repeat(201);
    let refused = page(
        browser
            .post(app.url(&partner_page))
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", &too_long),
                ("sector", "voluntary"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert_welsh(
        &refused.text,
        &[
            "Mae enw'r partner yn hwy na 200 nod.",
            &format!("href=\"{partner_page}?lang=en\""),
        ],
        &["Partner name is longer"],
    );
    let saved = page(
        browser
            .post(app.url(&partner_page))
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", "Northvale Carers"),
                ("sector", "community"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{saved:?}");
    let after = get(saved.location.unwrap()).await;
    assert_welsh(
        &after.text,
        &[
            "Cafodd manylion y partner eu cadw.",
            "<p class=\"tag\">Grŵp cymunedol</p>",
        ],
        &["were saved"],
    );

    // The same pages stay in English for a browser that asks for nothing else.
    let english = PageBrowser::signed_in(&app, "carers@example.org", REPRESENTATIVE_PASSWORD).await;
    let partner = english.get(&app, &partner_page).await;
    assert!(
        partner.text.contains("<html lang=\"en\""),
        "{}",
        partner.text
    );
    assert!(read_back(&partner.text).contains("People who speak for Northvale Carers"));
    assert!(partner.text.contains(">Community group</option>"));
}

#[tokio::test]
async fn a_convenors_refused_addresses_and_a_representatives_refused_partnership_are_in_welsh() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let path = format!("/convenor/partnerships/{pid}");
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    // Chosen once with ?lang=cy, Welsh is remembered for the forms that follow.
    let chosen = convenor.get(&app, &format!("{path}?lang=cy")).await;
    assert_eq!(chosen.status, StatusCode::OK, "{chosen:?}");
    let convenors = format!("{path}/convenors");

    let malformed = convenor
        .post(&app, &convenors, &[("email", "not an address")])
        .await;
    assert_eq!(
        malformed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{malformed:?}"
    );
    assert_welsh(&malformed.text, &["e-bost"], &["email address"]);

    let unknown = convenor
        .post(&app, &convenors, &[("email", "nobody@example.org")])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{unknown:?}");
    assert_welsh(
        &unknown.text,
        &["Nid oes cyfrif gyda'r cyfeiriad e-bost hwn"],
        &["no account has this email address", "No account has this"],
    );

    let carers = add_partner(&app, partnership, "Northvale Carers", Sector::Voluntary).await;
    add_representative(&app, partnership, carers, "carers@example.org").await;
    let speaks_for_partner = convenor
        .post(&app, &convenors, &[("email", "carers@example.org")])
        .await;
    assert_eq!(speaks_for_partner.status, StatusCode::CONFLICT);
    assert_welsh(
        &speaks_for_partner.text,
        &["Mae'r cyfrif hwn yn siarad ar ran partner ac ni all gynnull"],
        &["cannot convene"],
    );

    // A representative cannot create a partnership, and is told so in Welsh.
    let representative =
        PageBrowser::signed_in(&app, "carers@example.org", REPRESENTATIVE_PASSWORD).await;
    representative.get(&app, "/convenor?lang=cy").await;
    let refused = representative
        .post(
            &app,
            "/convenor/partnerships",
            &[("name", "Our own partnership"), ("purpose", "To try")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    assert_welsh(
        &refused.text,
        &["dim ond cynullwyr all greu partneriaethau"],
        &["only convenors may create"],
    );
}

#[tokio::test]
async fn a_convenors_refused_forms_are_in_welsh_while_the_api_keeps_its_english() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let path = format!("/convenor/partnerships/{pid}");
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let chosen = convenor.get(&app, &format!("{path}?lang=cy")).await;
    assert_eq!(chosen.status, StatusCode::OK, "{chosen:?}");
    let api = ApiBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let invitations = format!("{path}/convenor-invitations");
    let api_invitations = format!("/api/partnerships/{pid}/convenor-invitations");

    // An address that already convenes the partnership: refused in Welsh on the page, in the
    // service's English by the API.
    let convenes = convenor
        .post(
            &app,
            &invitations,
            &[("email", CONVENOR_EMAIL), ("days", "")],
        )
        .await;
    assert_eq!(convenes.status, StatusCode::CONFLICT, "{convenes:?}");
    assert_welsh(
        &convenes.text,
        &["Mae'r cyfeiriad hwn eisoes yn cynnull y bartneriaeth hon."],
        &["already convenes this partnership"],
    );
    let refused = api
        .post(
            &api_invitations,
            serde_json::json!({ "email": CONVENOR_EMAIL }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert_eq!(refused.code(), "conflict");
    assert_eq!(
        refused.body["error"]["message"],
        "this address already convenes this partnership"
    );

    // A link that would stay valid too long.
    let too_long = convenor
        .post(&app, &invitations, &[("email", ""), ("days", "91")])
        .await;
    assert_eq!(
        too_long.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{too_long:?}"
    );
    assert_welsh(
        &too_long.text,
        &["Gall gwahoddiad fod yn ddilys am 1 i 90 diwrnod."],
        &["An invitation is valid", "an invitation is valid"],
    );
    let refused = api
        .post(
            &api_invitations,
            serde_json::json!({ "expires_in_days": 91 }),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert_eq!(refused.code(), "validation_failed");
    assert_eq!(
        refused.body["error"]["message"],
        "an invitation is valid for 1 to 90 days"
    );

    // A partner of a sector the product does not know.
    let unknown = convenor
        .post(
            &app,
            &format!("{path}/partners"),
            &[("name", "Northvale Carers"), ("sector", "charity")],
        )
        .await;
    assert_eq!(
        unknown.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{unknown:?}"
    );
    assert_welsh(
        &unknown.text,
        &["Sector anhysbys "],
        &["Unknown sector", "unknown sector"],
    );
    let refused = api
        .post(
            &format!("/api/partnerships/{pid}/partners"),
            serde_json::json!({ "name": "Northvale Carers", "sector": "charity" }),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert_eq!(
        refused.body["error"]["message"],
        "unknown sector \"charity\""
    );
}

#[tokio::test]
async fn a_representative_refused_another_partners_page_is_told_so_in_welsh() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let (_, rep) = represented_partner_on_pages(
        &app,
        partnership,
        "Northvale Carers",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    let council = add_partner(
        &app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;

    // The page of a partner the account does not speak for: a forbidden page, in Welsh.
    let page = format!("/convenor/partnerships/{pid}/partners/{council}");
    let refused = rep.get(&app, &format!("{page}?lang=cy")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    assert_welsh(
        &refused.text,
        &["Dim ond cynrychiolwyr y partner hwn a chynullwyr y bartneriaeth all wneud hyn."],
        &[
            "only this partner's representatives",
            "Only this partner's representatives",
        ],
    );
    // In English the page says the API's words as a sentence.
    let english = rep.get(&app, &format!("{page}?lang=en")).await;
    assert_eq!(english.status, StatusCode::FORBIDDEN, "{english:?}");
    assert!(
        read_back(&english.text).contains(
            "Only this partner's representatives and the partnership's convenors may do this."
        ),
        "{}",
        english.text
    );

    // The JSON API refuses the same account the same partner in English.
    let api = ApiBrowser::signed_in(&app, "carers@example.org", REPRESENTATIVE_PASSWORD).await;
    let answer = api
        .get(&format!(
            "/api/partnerships/{pid}/partners/{council}/representatives"
        ))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{answer:?}");
    assert_eq!(answer.code(), "forbidden");
    assert_eq!(
        answer.body["error"]["message"],
        "only this partner's representatives and the partnership's convenors may do this"
    );
}

#[tokio::test]
async fn a_refused_invitation_is_said_in_welsh_while_the_api_keeps_its_english() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let carers = add_partner(&app, partnership, "Northvale Carers", Sector::Voluntary).await;
    let store = app.state.store();
    let convenor = store.list_partnership_members(partnership).await.unwrap()[0].id;
    let (_, token) = store
        .create_invitation(store::NewInvitation {
            partner: carers,
            email: Some(model::Email::parse("carer@example.org").unwrap()),
            created_by: convenor,
            created_at: app.state.now_ms(),
            expires_at: app.state.now_ms() + 86_400_000,
        })
        .await
        .unwrap();
    let token = token.as_str().to_owned();
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // Accepted with another address than the one it was made for: refused in Welsh.
    let misaddressed = page(
        browser
            .post(app.url(&format!("/invite/{token}?lang=cy")))
            .form(&[
                ("email", "someone@example.org"),
                ("password", REPRESENTATIVE_PASSWORD),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        misaddressed.status,
        StatusCode::FORBIDDEN,
        "{misaddressed:?}"
    );
    assert_welsh(
        &misaddressed.text,
        &["Cafodd y gwahoddiad hwn ei wneud ar gyfer cyfeiriad e-bost arall."],
        &["another email address"],
    );
    // A password too short for a new account, likewise.
    let short = page(
        browser
            .post(app.url(&format!("/invite/{token}?lang=cy")))
            .form(&[("email", "carer@example.org"), ("password", "short")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY, "{short:?}");
    assert_welsh(
        &short.text,
        &["Mae'r cyfrinair yn fyrrach na 10 nod."],
        &["shorter than"],
    );
    // A link nobody made.
    let unknown = page(
        browser
            .get(app.url("/invite/not-a-known-token?lang=cy"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{unknown:?}");
    assert_welsh(
        &unknown.text,
        &["Nid yw'r ddolen wahoddiad hon yn hysbys"],
        &["invitation link is not known"],
    );

    // The JSON API refuses the same three in its English.
    let accept = |body: serde_json::Value| {
        let request = browser.post(app.url("/api/invitations/accept")).json(&body);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            let body: serde_json::Value = response.json().await.unwrap();
            (
                status,
                body["error"]["message"].as_str().unwrap().to_owned(),
            )
        }
    };
    assert_eq!(
        accept(serde_json::json!({
            "token": token,
            "email": "someone@example.org",
            "password": REPRESENTATIVE_PASSWORD,
        }))
        .await,
        (
            StatusCode::FORBIDDEN,
            "this invitation was made for another email address".to_owned()
        )
    );
    assert_eq!(
        accept(serde_json::json!({
            "token": token,
            "email": "carer@example.org",
            "password": "short",
        }))
        .await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "password is shorter than 10 characters".to_owned()
        )
    );
    assert_eq!(
        accept(serde_json::json!({
            "token": "not-a-known-token",
            "email": "carer@example.org",
            "password": REPRESENTATIVE_PASSWORD,
        }))
        .await,
        (
            StatusCode::NOT_FOUND,
            "this invitation link is not known; ask the partnership's convenor for a new one"
                .to_owned()
        )
    );
}
