//! Every operation on accounts, once: signing in (a convenor or a partner's representative,
//! alike), signing out, and accepting an invitation, to speak for a partner or to convene a
//! partnership (one link format, `/invite/{token}`, serves both).

use model::password::{Password, PasswordHash, SALT_BYTES};
use model::{Email, PasswordError, Token};
use store::{
    AcceptInvitation, Convenor, ConvenorInvitation, Dialogue, FacilitatorInvitation, Invitation,
    InvitationStatus, ModeratorInvitation, Partner, Partnership,
};

use crate::auth::{CurrentConvenor, SESSION_COOKIE, set_cookie};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use crate::views::refused_email;

/// A new session: the account and the `Set-Cookie` value that carries its token.
pub struct SignedIn {
    /// The account signed in.
    pub account: Convenor,
    /// The session cookie to set.
    pub cookie: String,
}

/// What an invitation invites to.
pub enum Invited {
    /// To speak for a partner.
    Partner {
        /// The invitation.
        invitation: Invitation,
        /// The partner it is for.
        partner: Partner,
    },
    /// To convene the partnership.
    Convenor(ConvenorInvitation),
    /// To key cards for one dialogue of the partnership.
    Facilitator {
        /// The invitation.
        invitation: FacilitatorInvitation,
        /// The dialogue it is for.
        dialogue: Dialogue,
    },
    /// To moderate one dialogue of the partnership.
    Moderator {
        /// The invitation.
        invitation: ModeratorInvitation,
        /// The dialogue it is for.
        dialogue: Dialogue,
    },
}

/// What an invitation link leads to, as its page shows it before it is accepted.
pub struct InvitationDetails {
    /// The invitation and what it invites to.
    pub invited: Invited,
    /// The partnership concerned.
    pub partnership: Partnership,
    /// Whether it can still be accepted at this moment.
    pub status: InvitationStatus,
}

impl InvitationDetails {
    /// The only address that may accept the invitation, if it was made for one.
    pub fn email(&self) -> Option<&Email> {
        match &self.invited {
            Invited::Partner { invitation, .. } => invitation.email.as_ref(),
            Invited::Convenor(invitation) => invitation.email.as_ref(),
            Invited::Facilitator { invitation, .. } => invitation.email.as_ref(),
            Invited::Moderator { invitation, .. } => invitation.email.as_ref(),
        }
    }

    /// The partner the invitation is for; `None` for an invitation to convene.
    pub fn partner(&self) -> Option<&Partner> {
        match &self.invited {
            Invited::Partner { partner, .. } => Some(partner),
            Invited::Convenor(_) | Invited::Facilitator { .. } | Invited::Moderator { .. } => None,
        }
    }

    /// The dialogue the invitation is for; `None` unless it is an invitation to facilitate or
    /// moderate.
    pub fn dialogue(&self) -> Option<&Dialogue> {
        match &self.invited {
            Invited::Facilitator { dialogue, .. } | Invited::Moderator { dialogue, .. } => {
                Some(dialogue)
            }
            Invited::Partner { .. } | Invited::Convenor(_) => None,
        }
    }
}

/// The answer for a wrong email or password, the same whichever was wrong.
pub fn invalid_credentials() -> ApiError {
    ApiError::refused(
        ErrorCode::InvalidCredentials,
        "account-refused-credentials",
        &[],
    )
}

/// Says what is wrong with a new account's password, as the `account` catalogue words it.
pub fn refused_password(error: &PasswordError) -> ApiError {
    match error {
        PasswordError::TooShort => ApiError::invalid(
            "account-refused-password-too-short",
            &[("min", Password::MIN_CHARS.into())],
        ),
        PasswordError::TooLong => ApiError::invalid(
            "account-refused-password-too-long",
            &[("max", Password::MAX_CHARS.into())],
        ),
        // Parsing a password refuses only its length; the others concern stored hashes.
        other => ApiError::validation(other.to_string()),
    }
}

/// A hash of a password nobody knows, verified when the email is unknown.
static DECOY_HASH: std::sync::LazyLock<PasswordHash> = std::sync::LazyLock::new(|| {
    let password =
        Password::parse("decoy password never issued").expect("the decoy password is long enough");
    PasswordHash::create(&password, &[7; SALT_BYTES])
        .expect("hashing with valid parameters succeeds")
});

/// Checks an email and password and starts a session.
///
/// Attempts are limited per client address, and an email with many failed attempts in a row
/// must wait before the next one, whatever the password.
pub async fn sign_in(
    state: &AppState,
    client: ClientAddress,
    email: &str,
    password: &str,
) -> Result<SignedIn, ApiError> {
    let email = Email::parse(email).map_err(|_| invalid_credentials())?;
    state.limit_login(email.as_str(), client).await?;
    let Ok(password) = Password::parse(password) else {
        state.record_login_failure(email.as_str()).await;
        return Err(invalid_credentials());
    };
    let credentials = state.store().find_convenor_by_email(&email).await?;
    // An unknown email is checked against a decoy hash, so that the answer takes as long as
    // for a real account and the timing does not reveal which emails have one.
    let hash = credentials
        .as_ref()
        .map_or_else(|| DECOY_HASH.clone(), |found| found.password_hash.clone());
    // Argon2 takes tens of milliseconds of CPU on purpose: keep it off the request threads.
    let is_valid = tokio::task::spawn_blocking(move || hash.verify(&password))
        .await
        .map_err(ApiError::internal)?;
    match credentials {
        Some(credentials) if is_valid => start_session(state, credentials.convenor).await,
        _ => {
            state.record_login_failure(email.as_str()).await;
            Err(invalid_credentials())
        }
    }
}

/// Starts a session for an account.
async fn start_session(state: &AppState, account: Convenor) -> Result<SignedIn, ApiError> {
    let now = state.now_ms();
    let ttl = state.config().session_ttl;
    let ttl_ms = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
    let token = state
        .store()
        .create_session(account.id, now, now.saturating_add(ttl_ms))
        .await?;
    let cookie = set_cookie(
        SESSION_COOKIE,
        token.as_str(),
        state.config().secure_cookies,
        ttl.as_secs(),
    );
    Ok(SignedIn { account, cookie })
}

/// Ends the session with this token, if there is one, and returns the cookie that clears it.
pub async fn sign_out(state: &AppState, token: Option<Token>) -> Result<String, ApiError> {
    if let Some(token) = token {
        state.store().delete_session(&token).await?;
    }
    Ok(set_cookie(
        SESSION_COOKIE,
        "",
        state.config().secure_cookies,
        0,
    ))
}

/// Returns what an invitation link is for, to speak for a partner or to convene; an unknown
/// or malformed token is not found.
pub async fn invitation_details(
    state: &AppState,
    token: &str,
) -> Result<InvitationDetails, ApiError> {
    let token = Token::parse(token).map_err(|_| unknown_invitation())?;
    let store = state.store();
    let now = state.now_ms();
    if let Some(invitation) = store.find_invitation_by_token(&token).await? {
        let partner = store.get_partner(invitation.partner).await?;
        let partnership = store.get_partnership(partner.partnership).await?;
        let status = invitation.status(now);
        return Ok(InvitationDetails {
            invited: Invited::Partner {
                invitation,
                partner,
            },
            partnership,
            status,
        });
    }
    if let Some(invitation) = store.find_facilitator_invitation_by_token(&token).await? {
        let dialogue = store.get_dialogue(invitation.place).await?;
        let partnership = store.get_partnership(dialogue.partnership).await?;
        let status = invitation.status(now);
        return Ok(InvitationDetails {
            invited: Invited::Facilitator {
                invitation,
                dialogue,
            },
            partnership,
            status,
        });
    }
    if let Some(invitation) = store.find_moderator_invitation_by_token(&token).await? {
        let dialogue = store.get_dialogue(invitation.place).await?;
        let partnership = store.get_partnership(dialogue.partnership).await?;
        let status = invitation.status(now);
        return Ok(InvitationDetails {
            invited: Invited::Moderator {
                invitation,
                dialogue,
            },
            partnership,
            status,
        });
    }
    let invitation = store
        .find_convenor_invitation_by_token(&token)
        .await?
        .ok_or_else(unknown_invitation)?;
    let partnership = store.get_partnership(invitation.place).await?;
    let status = invitation.status(now);
    Ok(InvitationDetails {
        invited: Invited::Convenor(invitation),
        partnership,
        status,
    })
}

/// Who accepts an invitation.
pub enum Acceptor<'a> {
    /// The account already signed in.
    SignedIn(&'a CurrentConvenor),
    /// A person without an account, who chooses their email and password now.
    NewAccount {
        /// Their email address.
        email: &'a str,
        /// Their new password.
        password: &'a str,
    },
}

/// Accepts an invitation. To speak for a partner: the acceptor speaks for it from now on. To
/// convene: the acceptor becomes a convenor of the partnership, and may convene from now on
/// even if the account could only speak for partners before (a convenor of the partnership
/// invited it explicitly, and its holder accepts explicitly). A new account is created and
/// signed in (the returned cookie), and the account is returned as it now is; an invitation made for one email address can be accepted
/// only by that address. Expired, used and revoked links are refused and change nothing, and
/// so is an invitation to convene accepted by an account that already convenes the
/// partnership, which stays usable for someone else.
pub async fn accept_invitation(
    state: &AppState,
    client: ClientAddress,
    token: &str,
    acceptor: Acceptor<'_>,
) -> Result<(InvitationDetails, Convenor, Option<SignedIn>), ApiError> {
    let details = invitation_details(state, token).await?;
    let token = Token::parse(token).map_err(|_| unknown_invitation())?;
    let accept = match acceptor {
        Acceptor::SignedIn(current) => {
            require_invited_address(details.email(), &current.convenor.email)?;
            if matches!(details.invited, Invited::Convenor(_))
                && details.status == InvitationStatus::Pending
                && state
                    .store()
                    .is_partnership_member(details.partnership.id, current.convenor.id)
                    .await?
            {
                return Err(ApiError::refused(
                    ErrorCode::Conflict,
                    "account-refused-already-convene",
                    &[],
                ));
            }
            AcceptInvitation::Existing(current.convenor.id)
        }
        Acceptor::NewAccount { email, password } => {
            let email = Email::parse(email).map_err(|error| refused_email(&error))?;
            state.limit_login(email.as_str(), client).await?;
            require_invited_address(details.email(), &email)?;
            let password = Password::parse(password).map_err(|error| refused_password(&error))?;
            let salt = random_salt()?;
            let password_hash =
                tokio::task::spawn_blocking(move || PasswordHash::create(&password, &salt))
                    .await
                    .map_err(ApiError::internal)?
                    .map_err(ApiError::internal)?;
            AcceptInvitation::NewAccount {
                email,
                password_hash,
            }
        }
    };
    let is_new_account = matches!(accept, AcceptInvitation::NewAccount { .. });
    let now = state.now_ms();
    let store = state.store();
    let accepted =
        match details.invited {
            Invited::Partner { partner, .. } => store
                .accept_invitation(&token, accept, now)
                .await
                .map(|(invitation, account)| {
                    (
                        Invited::Partner {
                            invitation,
                            partner,
                        },
                        account,
                    )
                }),
            Invited::Convenor(_) => store
                .accept_convenor_invitation(&token, accept, now)
                .await
                .map(|(invitation, account)| (Invited::Convenor(invitation), account)),
            Invited::Facilitator { dialogue, .. } => store
                .accept_facilitator_invitation(&token, accept, now)
                .await
                .map(|(invitation, account)| {
                    (
                        Invited::Facilitator {
                            invitation,
                            dialogue,
                        },
                        account,
                    )
                }),
            Invited::Moderator { dialogue, .. } => store
                .accept_moderator_invitation(&token, accept, now)
                .await
                .map(|(invitation, account)| {
                    (
                        Invited::Moderator {
                            invitation,
                            dialogue,
                        },
                        account,
                    )
                }),
        };
    let (invited, account) = accepted.map_err(|error| match error {
        store::StoreError::Duplicate { .. } => {
            ApiError::refused(ErrorCode::Conflict, "account-refused-account-exists", &[])
        }
        other => ApiError::from(other),
    })?;
    let session = if is_new_account {
        Some(start_session(state, account.clone()).await?)
    } else {
        None
    };
    let status = match &invited {
        Invited::Partner { invitation, .. } => invitation.status(now),
        Invited::Convenor(invitation) => invitation.status(now),
        Invited::Facilitator { invitation, .. } => invitation.status(now),
        Invited::Moderator { invitation, .. } => invitation.status(now),
    };
    Ok((
        InvitationDetails {
            invited,
            partnership: details.partnership,
            status,
        },
        account,
        session,
    ))
}

/// Returns a fresh salt from the operating system's secure random source.
fn random_salt() -> Result<[u8; SALT_BYTES], ApiError> {
    use rand::TryRngCore as _;
    let mut salt = [0u8; SALT_BYTES];
    rand::rngs::OsRng
        .try_fill_bytes(&mut salt)
        .map_err(ApiError::internal)?;
    Ok(salt)
}

fn require_invited_address(invited: Option<&Email>, email: &Email) -> Result<(), ApiError> {
    match invited {
        Some(invited) if invited != email => Err(ApiError::refused(
            ErrorCode::Forbidden,
            "account-refused-other-address",
            &[],
        )),
        _ => Ok(()),
    }
}

fn unknown_invitation() -> ApiError {
    ApiError::refused(
        ErrorCode::NotFound,
        "account-refused-unknown-invitation",
        &[],
    )
}
