//! The partnership API as an outside client uses it, and the invitations that let a person
//! speak for a partner or convene a partnership: single use, expiring, revocable, each
//! refusal clear and changing nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use model::{Email, Password, PasswordHash};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::time::Clock;
use server::{Application, Config};
use store::NewConvenor;

use crate::support::TestApp;

const PASSWORD: &str = "correct horse battery";

/// A clock the test moves by hand.
#[derive(Debug, Default)]
struct ManualClock(AtomicI64);

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A browser with its own cookies.
struct Browser {
    client: reqwest::Client,
    base: String,
}

/// An answer: its status, its JSON (or null) and its error code.
#[derive(Debug)]
struct Reply {
    status: StatusCode,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }
}

impl Browser {
    fn new(app: &TestApp) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.url(""),
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let body = response.json::<Value>().await.unwrap_or(Value::Null);
        Reply { status, body }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    async fn patch(&self, path: &str, body: Value) -> Reply {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }

    async fn delete(&self, path: &str) -> Reply {
        self.send(reqwest::Method::DELETE, path, None).await
    }

    async fn sign_in(&self, email: &str) {
        let reply = self
            .post(
                "/api/session",
                json!({ "email": email, "password": PASSWORD }),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{email} signs in: {reply:?}");
    }
}

/// Starts a server on a fresh SQLite database with a hand-moved clock, and an account that
/// may convene but convenes nothing yet.
async fn start(analysis_enabled: bool) -> (TestApp, Arc<ManualClock>, tempfile::TempDir) {
    let data_dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", data_dir.path().join("test.db").display());
    let store = store::connect(&database).await.unwrap();
    let clock = Arc::new(ManualClock(AtomicI64::new(1_700_000_000_000)));
    let config = Config {
        database,
        analysis_enabled,
        analysis_debounce: Duration::from_millis(50),
        ..Config::for_tests()
    };
    let application = Application::build_with_store(config, store, clock.clone())
        .await
        .unwrap();
    let app = TestApp::serve(application);
    let password = Password::parse(PASSWORD).unwrap();
    app.state
        .store()
        .create_convenor(NewConvenor {
            email: Email::parse("lead@northvale.example").unwrap(),
            password_hash: PasswordHash::create(&password, &[3; 16]).unwrap(),
            is_admin: false,
            may_convene: true,
            created_at: 0,
        })
        .await
        .unwrap();
    (app, clock, data_dir)
}

#[tokio::test]
async fn an_outside_client_sets_up_a_partnership_and_reads_the_analysis_with_the_json_api_alone() {
    let (app, _clock, _dir) = start(true).await;
    let convenor = Browser::new(&app);
    convenor.sign_in("lead@northvale.example").await;

    let created = convenor
        .post(
            "/api/partnerships",
            json!({ "name": "Healthy ageing in Northvale", "purpose": "Older people live well at home" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    assert_eq!(created.body["your_role"], "convenor");
    assert_eq!(
        created.body["convenors"][0]["email"],
        "lead@northvale.example"
    );
    let partnership = created.body["id"].as_i64().unwrap();

    for (name, sector) in [
        ("Northvale NHS Trust", "nhs"),
        ("Northvale Council", "local_authority"),
        ("Age Concern Northvale", "voluntary"),
    ] {
        let partner = convenor
            .post(
                &format!("/api/partnerships/{partnership}/partners"),
                json!({ "name": name, "sector": sector }),
            )
            .await;
        assert_eq!(partner.status, StatusCode::CREATED, "{partner:?}");
        assert_eq!(partner.body["sector"], sector);
        assert_eq!(partner.body["archived_at"], Value::Null);
    }
    let partners = convenor
        .get(&format!("/api/partnerships/{partnership}/partners"))
        .await;
    assert_eq!(partners.body.as_array().unwrap().len(), 3);
    let listed = convenor.get("/api/partnerships").await;
    assert_eq!(listed.body[0]["id"], partnership);

    let dialogue = convenor
        .post(
            "/api/dialogues",
            json!({
                "partnership_id": partnership,
                "title": "Staying well at home",
                "question": "What would help older people stay well at home?",
                "constituencies": [
                    {"name": "Older resident", "kind": "lay"},
                    {"name": "Carer", "kind": "lay"},
                    {"name": "Health professional", "kind": "professional"}
                ],
                "statements": [
                    "Home visits after a hospital stay",
                    "Lunch clubs in every ward",
                    "A single phone number for help",
                    "Free bus travel at any hour"
                ]
            }),
        )
        .await;
    assert_eq!(dialogue.status, StatusCode::CREATED, "{dialogue:?}");
    let dialogue = dialogue.body["id"].as_i64().unwrap();
    let detail = convenor
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(detail.body["dialogues"][0]["id"], dialogue);

    // Twenty participants, in two camps, vote on every statement through the API.
    let public = reqwest::Client::new();
    for index in 0..20 {
        let constituency = ["Older resident", "Carer", "Health professional"][index % 3];
        let joined: Value = public
            .post(app.url(&format!("/api/dialogues/{dialogue}/participants")))
            .json(&json!({ "constituencies": [constituency] }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = joined["token"].as_str().unwrap().to_owned();
        loop {
            let next = public
                .get(app.url(&format!("/api/dialogues/{dialogue}/next")))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            if next.status() == StatusCode::NO_CONTENT {
                break;
            }
            let next: Value = next.json().await.unwrap();
            let statement = next["statement"]["id"].as_i64().unwrap();
            let vote = if index < 10 || (index as i64 + statement) % 2 == 0 {
                "agree"
            } else {
                "disagree"
            };
            let voted = public
                .post(app.url(&format!("/api/dialogues/{dialogue}/votes")))
                .bearer_auth(&token)
                .json(&json!({ "statement_id": statement, "vote": vote }))
                .send()
                .await
                .unwrap();
            assert_eq!(voted.status(), StatusCode::OK);
        }
    }

    // The background analysis catches up on its own; the client only reads.
    let mut analysis = Reply {
        status: StatusCode::NOT_FOUND,
        body: Value::Null,
    };
    for _ in 0..200 {
        analysis = convenor
            .get(&format!("/api/dialogues/{dialogue}/analysis"))
            .await;
        if analysis.status == StatusCode::OK && analysis.body["n_votes"] == 80 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    assert_eq!(analysis.body["n_votes"], 80);
}

/// A partnership with two partners, as its convenor made it; returns the ids.
async fn partnership_with_two_partners(convenor: &Browser) -> (i64, i64, i64) {
    convenor.sign_in("lead@northvale.example").await;
    let partnership = convenor
        .post("/api/partnerships", json!({ "name": "Northvale" }))
        .await
        .body["id"]
        .as_i64()
        .unwrap();
    let mut ids = Vec::new();
    for name in ["Northvale Carers", "Northvale Council"] {
        let partner = convenor
            .post(
                &format!("/api/partnerships/{partnership}/partners"),
                json!({ "name": name, "sector": "voluntary" }),
            )
            .await;
        ids.push(partner.body["id"].as_i64().unwrap());
    }
    (partnership, ids[0], ids[1])
}

async fn invite(convenor: &Browser, partnership: i64, partner: i64, body: Value) -> (i64, String) {
    let made = convenor
        .post(
            &format!("/api/partnerships/{partnership}/partners/{partner}/invitations"),
            body,
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{made:?}");
    assert!(
        made.body["link"]
            .as_str()
            .unwrap()
            .ends_with(made.body["token"].as_str().unwrap())
    );
    (
        made.body["invitation"]["id"].as_i64().unwrap(),
        made.body["token"].as_str().unwrap().to_owned(),
    )
}

async fn representatives(app: &TestApp, partner: i64) -> usize {
    app.state
        .store()
        .list_representatives(model::PartnerId(partner))
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_invitation_makes_a_representative_who_acts_for_their_own_partner_only() {
    let (app, _clock, _dir) = start(false).await;
    let convenor = Browser::new(&app);
    let (partnership, carers, council) = partnership_with_two_partners(&convenor).await;
    let (_, token) = invite(&convenor, partnership, carers, json!({})).await;

    let person = Browser::new(&app);
    let accepted = person
        .post(
            "/api/invitations/accept",
            json!({ "token": token, "email": "amira@carers.example", "password": PASSWORD }),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["partner"]["id"], carers);
    assert_eq!(accepted.body["account"]["may_convene"], false);

    // Signed in by accepting: the session says whom they speak for.
    let session = person.get("/api/session").await;
    assert_eq!(session.body["partners"][0]["id"], carers);
    assert_eq!(session.body["partnerships"], json!([]));

    // They see the partnership and act for their own partner.
    let seen = person
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.body["your_role"], "representative");
    assert_eq!(seen.body["your_partners"], json!([carers]));
    assert_eq!(seen.body["convenors"], json!([]));
    let renamed = person
        .patch(
            &format!("/api/partnerships/{partnership}/partners/{carers}"),
            json!({ "name": "Northvale Carers Centre" }),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{renamed:?}");

    // Not for another partner, not as a convenor.
    let other = person
        .patch(
            &format!("/api/partnerships/{partnership}/partners/{council}"),
            json!({ "name": "Taken over" }),
        )
        .await;
    assert_eq!(
        (other.status, other.code()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let council_now = convenor
        .get(&format!("/api/partnerships/{partnership}/partners"))
        .await;
    assert_eq!(council_now.body[1]["name"], "Northvale Council");
    for (path, body) in [
        (
            format!("/api/partnerships/{partnership}/partners"),
            json!({ "name": "X", "sector": "nhs" }),
        ),
        ("/api/partnerships".to_owned(), json!({ "name": "Mine" })),
        (
            format!("/api/partnerships/{partnership}/partners/{carers}/invitations"),
            json!({}),
        ),
    ] {
        let refused = person.post(&path, body).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}: {refused:?}");
    }
    assert_eq!(
        app.state.store().list_partnerships().await.unwrap().len(),
        1
    );

    // Used once; a second use is refused and changes nothing.
    let again = Browser::new(&app)
        .post(
            "/api/invitations/accept",
            json!({ "token": token, "email": "someone@else.example", "password": PASSWORD }),
        )
        .await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::CONFLICT, "invitation_used")
    );
    assert_eq!(representatives(&app, carers).await, 1);
    assert!(
        app.state
            .store()
            .find_convenor_by_email(&Email::parse("someone@else.example").unwrap())
            .await
            .unwrap()
            .is_none()
    );

    // A dialogue with a report for convenors only: hidden from partners until it is shared.
    let dialogue = convenor
        .post(
            "/api/dialogues",
            json!({
                "partnership_id": partnership,
                "title": "Staying well at home",
                "question": "What would help older people stay well at home?",
                "statements": ["Home visits after a hospital stay"]
            }),
        )
        .await
        .body["id"]
        .as_i64()
        .unwrap();
    let private = convenor
        .patch(
            &format!("/api/dialogues/{dialogue}"),
            json!({ "report_visibility": "convenors" }),
        )
        .await;
    assert_eq!(private.body["shared_with_partners"], false, "{private:?}");
    let hidden = person
        .get(&format!("/api/dialogues/{dialogue}/analysis"))
        .await;
    assert_eq!(hidden.status, StatusCode::FORBIDDEN, "{hidden:?}");
    let listed = person
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(listed.body["dialogues"], json!([]));
    let shared = convenor
        .patch(
            &format!("/api/dialogues/{dialogue}"),
            json!({ "shared_with_partners": true }),
        )
        .await;
    assert_eq!(shared.body["shared_with_partners"], true, "{shared:?}");
    let listed = person
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(listed.body["dialogues"][0]["id"], dialogue);
    let readable = person
        .get(&format!("/api/dialogues/{dialogue}/analysis"))
        .await;
    assert_eq!(
        (readable.status, readable.code()),
        (StatusCode::NOT_FOUND, "analysis_not_ready"),
        "a representative may now read it; there is no analysis yet"
    );
    // Sharing is the convenors' decision.
    let unshare = person
        .patch(
            &format!("/api/dialogues/{dialogue}"),
            json!({ "shared_with_partners": false }),
        )
        .await;
    assert_eq!(unshare.status, StatusCode::FORBIDDEN);

    // Archiving the partner keeps its history and ends its representatives' rights.
    let removed = convenor
        .delete(&format!(
            "/api/partnerships/{partnership}/partners/{carers}"
        ))
        .await;
    assert_eq!(removed.body["outcome"], "archived", "{removed:?}");
    assert!(removed.body["partner"]["archived_at"].is_string());
    let after = person
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(after.status, StatusCode::FORBIDDEN);
    // A partner nobody spoke for is deleted outright.
    let deleted = convenor
        .delete(&format!(
            "/api/partnerships/{partnership}/partners/{council}"
        ))
        .await;
    assert_eq!(deleted.body["outcome"], "deleted", "{deleted:?}");
}

#[tokio::test]
async fn expired_revoked_unknown_and_misaddressed_invitations_are_refused_and_change_nothing() {
    let (app, clock, _dir) = start(false).await;
    let convenor = Browser::new(&app);
    let (partnership, carers, council) = partnership_with_two_partners(&convenor).await;
    let person = Browser::new(&app);
    let accept =
        |token: &str, email: &str| json!({ "token": token, "email": email, "password": PASSWORD });

    // Expired: a one-day link, two days later.
    let (_, expiring) = invite(
        &convenor,
        partnership,
        carers,
        json!({ "expires_in_days": 1 }),
    )
    .await;
    clock.0.fetch_add(2 * 86_400_000, Ordering::SeqCst);
    let expired = person
        .post(
            "/api/invitations/accept",
            accept(&expiring, "late@carers.example"),
        )
        .await;
    assert_eq!(
        (expired.status, expired.code()),
        (StatusCode::CONFLICT, "invitation_expired")
    );

    // Revoked, and revoked under another partner's path: not found there, untouched.
    let (revoked_id, revoked) = invite(&convenor, partnership, carers, json!({})).await;
    let wrong_partner = convenor
        .delete(&format!(
            "/api/partnerships/{partnership}/partners/{council}/invitations/{revoked_id}"
        ))
        .await;
    assert_eq!(
        (wrong_partner.status, wrong_partner.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let listed = convenor
        .get(&format!(
            "/api/partnerships/{partnership}/partners/{carers}/invitations"
        ))
        .await;
    assert_eq!(listed.body[1]["status"], "pending", "{listed:?}");
    let revoking = convenor
        .delete(&format!(
            "/api/partnerships/{partnership}/partners/{carers}/invitations/{revoked_id}"
        ))
        .await;
    assert_eq!(revoking.body["status"], "revoked", "{revoking:?}");
    let refused = person
        .post(
            "/api/invitations/accept",
            accept(&revoked, "who@carers.example"),
        )
        .await;
    assert_eq!(
        (refused.status, refused.code()),
        (StatusCode::CONFLICT, "invitation_revoked")
    );

    // Unknown and malformed tokens.
    for token in ["0".repeat(64), "not a token".to_owned()] {
        let unknown = person
            .post(
                "/api/invitations/accept",
                accept(&token, "who@carers.example"),
            )
            .await;
        assert_eq!(
            (unknown.status, unknown.code()),
            (StatusCode::NOT_FOUND, "not_found")
        );
    }

    // Made for one address, refused for another.
    let (_, addressed) = invite(
        &convenor,
        partnership,
        carers,
        json!({ "email": "amira@carers.example" }),
    )
    .await;
    let misaddressed = person
        .post(
            "/api/invitations/accept",
            accept(&addressed, "eve@elsewhere.example"),
        )
        .await;
    assert_eq!(
        (misaddressed.status, misaddressed.code()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    // Another address is refused even when it has an account.
    let taken = person
        .post(
            "/api/invitations/accept",
            accept(&addressed, "lead@northvale.example"),
        )
        .await;
    assert_eq!(taken.status, StatusCode::FORBIDDEN, "{taken:?}");

    // A bad link duration is a clear validation error.
    let too_long = convenor
        .post(
            &format!("/api/partnerships/{partnership}/partners/{carers}/invitations"),
            json!({ "expires_in_days": 365 }),
        )
        .await;
    assert_eq!(
        (too_long.status, too_long.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    );

    assert_eq!(representatives(&app, carers).await, 0);
    assert_eq!(representatives(&app, council).await, 0);
    assert_eq!(
        person.get("/api/session").await.status,
        StatusCode::UNAUTHORIZED
    );

    // The right address accepts, once.
    let accepted = person
        .post(
            "/api/invitations/accept",
            accept(&addressed, "amira@carers.example"),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(representatives(&app, carers).await, 1);
}

#[tokio::test]
async fn a_signed_in_convenor_accepts_for_their_own_account_and_the_last_convenor_stays() {
    let (app, _clock, _dir) = start(false).await;
    let convenor = Browser::new(&app);
    let (partnership, carers, _) = partnership_with_two_partners(&convenor).await;
    let (_, token) = invite(&convenor, partnership, carers, json!({})).await;

    // Signed in, the token alone is sent; an email and password are refused.
    let mixed = convenor
        .post(
            "/api/invitations/accept",
            json!({ "token": token, "email": "x@example.org", "password": PASSWORD }),
        )
        .await;
    assert_eq!(mixed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let accepted = convenor
        .post("/api/invitations/accept", json!({ "token": token }))
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["account"]["may_convene"], true);
    assert_eq!(accepted.body["account"]["partners"][0]["id"], carers);

    let me = convenor.get("/api/session").await.body["id"]
        .as_i64()
        .unwrap();
    let last = convenor
        .delete(&format!("/api/partnerships/{partnership}/convenors/{me}"))
        .await;
    assert_eq!(
        (last.status, last.code()),
        (StatusCode::CONFLICT, "conflict")
    );
    let unknown = convenor
        .post(
            &format!("/api/partnerships/{partnership}/convenors"),
            json!({ "email": "nobody@example.org" }),
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
}

/// Makes an invitation to convene through the API; returns its id and token.
async fn invite_to_convene(convenor: &Browser, partnership: i64, body: Value) -> (i64, String) {
    let made = convenor
        .post(
            &format!("/api/partnerships/{partnership}/convenor-invitations"),
            body,
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{made:?}");
    let token = made.body["token"].as_str().unwrap().to_owned();
    assert!(
        made.body["link"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/invite/{token}")),
        "{made:?}"
    );
    assert_eq!(made.body["invitation"]["status"], "pending");
    assert_eq!(made.body["invitation"]["partnership_id"], partnership);
    (made.body["invitation"]["id"].as_i64().unwrap(), token)
}

async fn convenors(app: &TestApp, partnership: i64) -> Vec<String> {
    app.state
        .store()
        .list_partnership_members(model::PartnershipId(partnership))
        .await
        .unwrap()
        .iter()
        .map(|member| member.email.as_str().to_owned())
        .collect()
}

#[tokio::test]
async fn an_invitation_to_convene_makes_a_new_person_a_convenor_of_the_partnership() {
    let (app, _clock, _dir) = start(false).await;
    let lead = Browser::new(&app);
    let (partnership, carers, _) = partnership_with_two_partners(&lead).await;
    let (id, token) = invite_to_convene(
        &lead,
        partnership,
        json!({ "email": "Sam@Northvale.example", "expires_in_days": 3 }),
    )
    .await;
    let listed = lead
        .get(&format!(
            "/api/partnerships/{partnership}/convenor-invitations"
        ))
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.body[0]["id"], id);
    assert_eq!(listed.body[0]["email"], "sam@northvale.example");
    assert_eq!(listed.body[0]["status"], "pending");
    assert!(
        listed.body[0].get("token").is_none(),
        "the token is shown once"
    );

    // The link's page says what it is for, to someone without an account.
    let person = Browser::new(&app);
    let page = person
        .client
        .get(format!("{}/invite/{token}", person.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Convene Northvale"), "{html}");
    assert!(html.contains("This invitation is for sam@northvale.example"));

    let accepted = person
        .post(
            "/api/invitations/accept",
            json!({ "token": token, "email": "sam@northvale.example", "password": PASSWORD }),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["kind"], "convenor");
    assert_eq!(accepted.body["partner"], Value::Null);
    assert_eq!(accepted.body["partnership"]["id"], partnership);
    assert_eq!(accepted.body["account"]["may_convene"], true);
    assert_eq!(
        accepted.body["account"]["partnerships"][0]["id"],
        partnership
    );

    // Signed in by accepting, the new convenor sees and runs the whole partnership.
    let seen = person
        .get(&format!("/api/partnerships/{partnership}"))
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.body["your_role"], "convenor");
    assert_eq!(seen.body["convenors"].as_array().unwrap().len(), 2);
    let renamed = person
        .patch(
            &format!("/api/partnerships/{partnership}/partners/{carers}"),
            json!({ "name": "Northvale Carers Centre" }),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{renamed:?}");
    let own = person
        .post("/api/partnerships", json!({ "name": "Sam's own" }))
        .await;
    assert_eq!(
        own.status,
        StatusCode::CREATED,
        "an invited convenor may convene"
    );
    assert_eq!(
        convenors(&app, partnership).await,
        ["lead@northvale.example", "sam@northvale.example"]
    );

    // Used: a second acceptance and a revocation are refused and change nothing.
    let again = Browser::new(&app)
        .post(
            "/api/invitations/accept",
            json!({ "token": token, "email": "sam@northvale.example", "password": PASSWORD }),
        )
        .await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::CONFLICT, "invitation_used")
    );
    let revoke = lead
        .delete(&format!(
            "/api/partnerships/{partnership}/convenor-invitations/{id}"
        ))
        .await;
    assert_eq!(
        (revoke.status, revoke.code()),
        (StatusCode::CONFLICT, "invitation_used")
    );
    let listed = lead
        .get(&format!(
            "/api/partnerships/{partnership}/convenor-invitations"
        ))
        .await;
    assert_eq!(listed.body[0]["status"], "accepted");
    assert_eq!(convenors(&app, partnership).await.len(), 2);
}

#[tokio::test]
async fn refused_invitations_to_convene_change_nothing() {
    let (app, clock, _dir) = start(false).await;
    let lead = Browser::new(&app);
    let (partnership, _, _) = partnership_with_two_partners(&lead).await;
    let other = lead
        .post("/api/partnerships", json!({ "name": "Riverside" }))
        .await
        .body["id"]
        .as_i64()
        .unwrap();
    let person = Browser::new(&app);
    let accept =
        |token: &str, email: &str| json!({ "token": token, "email": email, "password": PASSWORD });

    // Out of range, malformed, or an address that convenes already: nothing is made.
    let path = format!("/api/partnerships/{partnership}/convenor-invitations");
    for body in [
        json!({ "expires_in_days": 0 }),
        json!({ "expires_in_days": 91 }),
        json!({ "email": "not an address" }),
    ] {
        let refused = lead.post(&path, body).await;
        assert_eq!(
            (refused.status, refused.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        );
    }
    let member = lead
        .post(&path, json!({ "email": "LEAD@northvale.example" }))
        .await;
    assert_eq!(
        (member.status, member.code()),
        (StatusCode::CONFLICT, "conflict")
    );
    assert_eq!(lead.get(&path).await.body, json!([]));

    // Expired: a one-day link, two days later.
    let (_, expiring) =
        invite_to_convene(&lead, partnership, json!({ "expires_in_days": 1 })).await;
    clock.0.fetch_add(2 * 86_400_000, Ordering::SeqCst);
    let expired = person
        .post(
            "/api/invitations/accept",
            accept(&expiring, "late@example.org"),
        )
        .await;
    assert_eq!(
        (expired.status, expired.code()),
        (StatusCode::CONFLICT, "invitation_expired")
    );
    let gone = person
        .client
        .get(format!("{}/invite/{expiring}", person.base))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::GONE);
    assert!(
        gone.text()
            .await
            .unwrap()
            .contains("This invitation has expired.")
    );

    // Revoked; revoking under another partnership's path is not found and changes nothing.
    let (revoked_id, revoked) = invite_to_convene(&lead, partnership, json!({})).await;
    let elsewhere = lead
        .delete(&format!(
            "/api/partnerships/{other}/convenor-invitations/{revoked_id}"
        ))
        .await;
    assert_eq!(
        (elsewhere.status, elsewhere.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let revoking = lead
        .delete(&format!(
            "/api/partnerships/{partnership}/convenor-invitations/{revoked_id}"
        ))
        .await;
    assert_eq!(revoking.status, StatusCode::OK);
    assert_eq!(revoking.body["status"], "revoked");
    let refused = person
        .post(
            "/api/invitations/accept",
            accept(&revoked, "who@example.org"),
        )
        .await;
    assert_eq!(
        (refused.status, refused.code()),
        (StatusCode::CONFLICT, "invitation_revoked")
    );

    // Made for one address: another is refused, and the invitation stays usable by it.
    let (_, addressed) = invite_to_convene(
        &lead,
        partnership,
        json!({ "email": "sam@northvale.example" }),
    )
    .await;
    let wrong = person
        .post(
            "/api/invitations/accept",
            accept(&addressed, "eve@example.org"),
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.code()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    // A convenor of the partnership, signed in, gains nothing and leaves it unused.
    let (_, spare) = invite_to_convene(&lead, partnership, json!({})).await;
    let already = lead
        .post("/api/invitations/accept", json!({ "token": spare }))
        .await;
    assert_eq!(
        (already.status, already.code()),
        (StatusCode::CONFLICT, "conflict")
    );
    assert_eq!(
        convenors(&app, partnership).await,
        ["lead@northvale.example"]
    );
    assert_eq!(app.state.store().list_convenors().await.unwrap().len(), 1);
    let statuses: Vec<Value> = lead
        .get(&path)
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|invitation| invitation["status"].clone())
        .collect();
    assert_eq!(statuses, ["expired", "revoked", "pending", "pending"]);

    // The right address accepts it, through the page's form.
    let form = Browser::new(&app);
    let answer = form
        .client
        .post(format!("{}/invite/{addressed}", form.base))
        .form(&[("email", "sam@northvale.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        answer.headers()["location"],
        format!("/convenor/partnerships/{partnership}").as_str()
    );
    let seen = form.get(&format!("/api/partnerships/{partnership}")).await;
    assert_eq!(seen.body["your_role"], "convenor");
}

#[tokio::test]
async fn an_account_that_speaks_for_a_partner_may_convene_once_it_accepts_an_invitation_to() {
    let (app, _clock, _dir) = start(false).await;
    let lead = Browser::new(&app);
    let (partnership, carers, _) = partnership_with_two_partners(&lead).await;
    let (_, to_speak) = invite(&lead, partnership, carers, json!({})).await;
    let rep = Browser::new(&app);
    let speaking = rep
        .post(
            "/api/invitations/accept",
            json!({ "token": to_speak, "email": "amira@carers.example", "password": PASSWORD }),
        )
        .await;
    assert_eq!(speaking.body["kind"], "partner");
    assert_eq!(speaking.body["partner"]["id"], carers);
    assert_eq!(speaking.body["account"]["may_convene"], false);

    // Signed in, the page says that accepting lets this account convene.
    let (_, to_convene) = invite_to_convene(&lead, partnership, json!({})).await;
    let page = rep
        .client
        .get(format!("{}/invite/{to_convene}", rep.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("accepting lets it convene too"), "{page}");
    let accepted = rep
        .post("/api/invitations/accept", json!({ "token": to_convene }))
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["kind"], "convenor");
    assert_eq!(accepted.body["account"]["may_convene"], true);
    let seen = rep.get(&format!("/api/partnerships/{partnership}")).await;
    assert_eq!(seen.body["your_role"], "convenor");
    assert_eq!(
        convenors(&app, partnership).await,
        ["lead@northvale.example", "amira@carers.example"]
    );
}
