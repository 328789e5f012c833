//! `commonground convenor add`: creates a convenor account, reading the password from stdin so
//! that it never appears in the shell history or the process list.

use std::io::{BufRead as _, Write as _};

use anyhow::{Context, bail};
use model::{Email, Password, PasswordHash};
use rand::TryRngCore as _;
use store::{NewConvenor, Store};

use crate::config::DatabaseArgs;
use crate::import::{now_ms, open_store, partnership_named};

/// The convenor commands.
#[derive(Debug, clap::Subcommand)]
pub enum ConvenorCommand {
    /// Creates a convenor account; the password is read from the first line of stdin.
    Add(AddArgs),
}

/// Arguments of `commonground convenor add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The convenor's email address.
    pub email: String,
    /// Make the convenor an administrator of every partnership.
    #[arg(long)]
    pub admin: bool,
    /// Make the convenor a member of this partnership (created if missing).
    #[arg(long, value_name = "NAME")]
    pub partnership: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Returns a fresh random salt from the operating system.
pub fn random_salt() -> anyhow::Result<[u8; model::password::SALT_BYTES]> {
    let mut salt = [0u8; model::password::SALT_BYTES];
    rand::rngs::OsRng
        .try_fill_bytes(&mut salt)
        .context("the operating system gave no random bytes")?;
    Ok(salt)
}

/// Creates a convenor, optionally as a member of a named partnership, and returns their id.
pub async fn add_convenor(
    store: &dyn Store,
    email: &str,
    password: &str,
    is_admin: bool,
    partnership: Option<&str>,
) -> anyhow::Result<model::ConvenorId> {
    let email = Email::parse(email).context("invalid email address")?;
    let password = Password::parse(password).context("unacceptable password")?;
    let salt = random_salt()?;
    let hash = PasswordHash::create(&password, &salt).context("hashing the password")?;
    let now = now_ms();
    let convenor = store
        .create_convenor(NewConvenor {
            email,
            password_hash: hash,
            is_admin,
            may_convene: true,
            created_at: now,
        })
        .await
        .context("creating the convenor")?;
    if let Some(name) = partnership {
        let partnership = partnership_named(store, name, now).await?;
        store
            .add_partnership_member(partnership, convenor.id)
            .await?;
    }
    Ok(convenor.id)
}

/// Runs `commonground convenor ...`.
pub fn run(command: &ConvenorCommand) -> anyhow::Result<()> {
    let ConvenorCommand::Add(args) = command;
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from stdin")?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        bail!(
            "no password on stdin: pipe it in, e.g. `printf '%s\\n' \"$PASSWORD\" | commonground convenor add ...`"
        );
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let id = runtime.block_on(async {
        let store = open_store(&args.database).await?;
        let id = add_convenor(
            store.as_ref(),
            &args.email,
            password,
            args.admin,
            args.partnership.as_deref(),
        )
        .await;
        store.close().await;
        id
    })?;
    eprintln!("created convenor {} ({})", args.email, id);
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{id}").context("writing to stdout")?;
    Ok(())
}
