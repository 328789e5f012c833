//! Storage for Common Ground: the [`Store`] trait, with implementations on SQLite (one process
//! owns an embedded file) and PostgreSQL (several server instances may share a database).
//!
//! `Store` is the union of one trait per capability (partnerships, accounts, dialogues,
//! statements, participants, votes, analysis, import, limits, settlements, priorities, trust, system maps, versions), each in its own module with its records;
//! [`prelude`] brings them all into scope. Only this crate speaks SQL. Each backend has its own
//! migrations folder (`migrations/sqlite`, `migrations/postgres`), embedded in the binary and
//! applied when the store connects; migrations are append-only, and each new one belongs to one
//! capability. [`connect`] picks the backend from the database URL.

#![warn(missing_docs)]

mod accounts;
mod analysis;
mod backup;
mod columns;
mod connect;
mod dialogues;
mod error;
mod facilitation;
mod import;
mod limits;
mod lock;
mod moderators;
mod participants;
mod partnerships;
mod postgres;
mod priorities;
mod rounds;
mod safeguarding;
mod settlements;
mod sqlite;
mod statements;
mod store;
mod system_maps;
mod trust;
mod versions;
mod votes;

pub use accounts::*;
pub use analysis::*;
pub use backup::{check_postgres_archive, check_sqlite_backup, postgres_table_count};
pub use connect::connect;
pub use dialogues::*;
pub use error::{Entity, Source, StoreError};
pub use facilitation::*;
pub use import::*;
pub use limits::*;
pub use lock::AnalysisLock;
pub use moderators::*;
pub use participants::*;
pub use partnerships::*;
pub use postgres::PgStore;
pub use priorities::*;
pub use rounds::*;
pub use safeguarding::*;
pub use settlements::*;
pub use sqlite::{SqliteLocation, SqliteStore};
pub use statements::*;
pub use store::{Backend, Store, StoreConnection, StoreResult};
pub use system_maps::*;
pub use trust::*;
pub use versions::*;
pub use votes::*;

/// The capability traits, so that their methods can be called on a `dyn Store`:
/// `use store::prelude::*;`.
pub mod prelude {
    pub use crate::{
        AccountStore, AnalysisStore, DialogueStore, FacilitationStore, ImportStore, LimitStore,
        ModeratorStore, ParticipantStore, PartnershipStore, PriorityStore, RoundStore,
        SafeguardingStore, SettlementStore, StatementStore, Store, StoreConnection, SystemMapStore,
        TrustStore, VersionStore, VoteStore,
    };
}
