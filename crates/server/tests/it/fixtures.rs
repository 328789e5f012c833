//! Set-up shared by the suites of the partnership rooms: partners with representatives signed
//! in, a signed-in account driving the JSON API, and one driving the pages with its form token.

use model::{Email, PartnerId, PartnerName, PartnershipId, Password, PasswordHash, Sector, Token};
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::{Value, json};
use store::{AcceptInvitation, NewAction, NewInvitation, NewPartner, NewVersion, Phase};

use crate::support::{Answer, TestApp};

/// The password of every representative these fixtures sign up.
pub const REPRESENTATIVE_PASSWORD: &str = "correct horse battery";

/// Adds a partner to a partnership.
pub async fn add_partner(
    app: &TestApp,
    partnership: PartnershipId,
    name: &str,
    sector: Sector,
) -> PartnerId {
    app.state
        .store()
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector,
            created_at: 0,
        })
        .await
        .unwrap()
        .id
}

/// Signs up a representative of `partner` with `email` and [`REPRESENTATIVE_PASSWORD`], through
/// an invitation from the partnership's first convenor.
pub async fn add_representative(
    app: &TestApp,
    partnership: PartnershipId,
    partner: PartnerId,
    email: &str,
) {
    let store = app.state.store();
    let convenor = store.list_partnership_members(partnership).await.unwrap()[0].id;
    let (_, token) = store
        .create_invitation(NewInvitation {
            partner,
            email: None,
            created_by: convenor,
            created_at: app.state.now_ms(),
            expires_at: app.state.now_ms() + 86_400_000,
        })
        .await
        .unwrap();
    store
        .accept_invitation(
            &Token::parse(token.as_str()).unwrap(),
            AcceptInvitation::NewAccount {
                email: Email::parse(email).unwrap(),
                password_hash: PasswordHash::create(
                    &Password::parse(REPRESENTATIVE_PASSWORD).unwrap(),
                    &[5; 16],
                )
                .unwrap(),
            },
            app.state.now_ms(),
        )
        .await
        .unwrap();
}

/// Adds a partner with a representative, signed in to the API with `email`.
pub async fn represented_partner(
    app: &TestApp,
    partnership: PartnershipId,
    name: &str,
    sector: Sector,
    email: &str,
) -> (PartnerId, ApiBrowser) {
    let partner = add_partner(app, partnership, name, sector).await;
    add_representative(app, partnership, partner, email).await;
    (
        partner,
        ApiBrowser::signed_in(app, email, REPRESENTATIVE_PASSWORD).await,
    )
}

/// An account signed in to the JSON API, keeping its session cookie.
pub struct ApiBrowser {
    client: reqwest::Client,
    base: String,
}

impl ApiBrowser {
    /// Signs in.
    pub async fn signed_in(app: &TestApp, email: &str, password: &str) -> ApiBrowser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let reply = client
            .post(app.url("/api/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), StatusCode::OK, "{email} signs in");
        ApiBrowser {
            client,
            base: app.url(""),
        }
    }

    /// Sends a request with an optional JSON body.
    pub async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        reply(request).await
    }

    /// `GET`.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(reqwest::Method::GET, path, None).await
    }

    /// `POST` with a JSON body.
    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    /// `PUT` with a JSON body.
    pub async fn put(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }

    /// `PATCH` with a JSON body.
    pub async fn patch(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }
}

/// Sends a request and reads its answer, with the body as JSON when it is JSON.
pub async fn reply(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    Answer {
        status,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        headers,
        bytes,
    }
}

/// A page as a browser receives it.
#[derive(Debug)]
pub struct Page {
    /// Its status.
    pub status: StatusCode,
    /// Where a redirect sends the browser.
    pub location: Option<String>,
    /// Its HTML, with escaped slashes read back as `/`.
    pub text: String,
}

/// Reads a response as a browser receives the page.
pub async fn page(response: reqwest::Response) -> Page {
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    Page {
        status,
        location,
        // The templates escape every `/` they print; a browser reads it back as `/`.
        text: response.text().await.unwrap().replace("&#x2f;", "/"),
    }
}

/// Returns the value of the first field `name` on a page.
pub fn hidden_field(text: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = text.find(&marker).expect("the field is on the page") + marker.len();
    let end = text[start..].find('"').expect("the value ends") + start;
    text[start..end].to_owned()
}

/// An account signed in to the pages: keeps its cookies, carries its form token, and does not
/// follow redirects.
pub struct PageBrowser {
    client: reqwest::Client,
    csrf: String,
}

impl PageBrowser {
    /// Signs in and reads the form token from the dashboard.
    pub async fn signed_in(app: &TestApp, email: &str, password: &str) -> PageBrowser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let signed = client
            .post(app.url("/api/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), StatusCode::OK);
        let home = page(client.get(app.url("/convenor")).send().await.unwrap()).await;
        assert_eq!(home.status, StatusCode::OK, "{home:?}");
        let csrf = hidden_field(&home.text, "csrf");
        PageBrowser { client, csrf }
    }

    /// Opens a page.
    pub async fn get(&self, app: &TestApp, path: &str) -> Page {
        page(self.client.get(app.url(path)).send().await.unwrap()).await
    }

    /// Opens a page as a browser that prefers `languages` (an `Accept-Language` value).
    pub async fn get_preferring(&self, app: &TestApp, path: &str, languages: &str) -> Page {
        page(
            self.client
                .get(app.url(path))
                .header(reqwest::header::ACCEPT_LANGUAGE, languages)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// Posts a form with the session's form token.
    pub async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        self.post_as_sent(app, path, &form).await
    }

    /// Posts exactly these fields, without adding the session's form token.
    pub async fn post_as_sent(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
        page(
            self.client
                .post(app.url(path))
                .form(fields)
                .send()
                .await
                .unwrap(),
        )
        .await
    }
}

/// Adds a partner with a representative, signed in to the pages with `email`.
pub async fn represented_partner_on_pages(
    app: &TestApp,
    partnership: PartnershipId,
    name: &str,
    sector: Sector,
    email: &str,
) -> (PartnerId, PageBrowser) {
    let partner = add_partner(app, partnership, name, sector).await;
    add_representative(app, partnership, partner, email).await;
    (
        partner,
        PageBrowser::signed_in(app, email, REPRESENTATIVE_PASSWORD).await,
    )
}

/// Adds an adopted objective with an action owned by `owner`, through the store; returns the
/// objective's id and the action's.
pub async fn adopted_action(
    app: &TestApp,
    partnership: PartnershipId,
    owner: PartnerId,
) -> (i64, i64) {
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
    for phase in [Phase::WithPartners, Phase::Decided] {
        store
            .set_phase(objective.id, phase, lead, now)
            .await
            .unwrap();
    }
    let action = store
        .create_action(NewAction {
            objective: objective.id,
            owner,
            shared_with: vec![],
            title: "Home safety visits".to_owned(),
            lead_role: "Head of Falls Prevention".to_owned(),
            due_on: None,
            status: "planned".to_owned(),
            actor: lead,
            now,
        })
        .await
        .unwrap();
    (objective.id.0, action.id.0)
}
