//! The analysis lock: makes sure exactly one holder recomputes a dialogue's analysis at a time.
//!
//! On PostgreSQL the lock is a session-level advisory lock (`pg_try_advisory_lock`) taken on a
//! dedicated connection that the guard owns, so it excludes every server instance sharing the
//! database; if the guard is dropped without `release`, its connection is closed and the server
//! frees the lock. On SQLite, where one process owns the file, an in-process registry keyed by
//! database file and dialogue is enough.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use model::DialogueId;
use sqlx::Connection as _;

use crate::error::StoreError;

/// The first key of every advisory lock taken for an analysis, so that these locks cannot
/// collide with advisory locks other software takes in the same database with the two-key form.
pub(crate) const ADVISORY_LOCK_CLASS: i32 = 0x4347_0001;

/// Holds a dialogue's analysis lock until released or dropped.
#[must_use = "the lock is released as soon as the guard is dropped"]
pub struct AnalysisLock {
    dialogue: DialogueId,
    held: Option<Held>,
}

enum Held {
    Local {
        scope: String,
    },
    Postgres {
        connection: sqlx::PgConnection,
        object: i32,
    },
}

impl std::fmt::Debug for AnalysisLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalysisLock")
            .field("dialogue", &self.dialogue)
            .finish_non_exhaustive()
    }
}

/// Every SQLite analysis lock held in this process, as (database scope, dialogue) pairs.
static LOCAL_LOCKS: Mutex<BTreeSet<(String, i64)>> = Mutex::new(BTreeSet::new());

/// Returns the second advisory lock key for a dialogue; ids beyond `i32::MAX` wrap, which can
/// only make two dialogues share a lock, never let two holders in at once.
pub(crate) fn advisory_object(dialogue: DialogueId) -> i32 {
    let folded = dialogue.0.rem_euclid(1_i64 << 31);
    i32::try_from(folded).expect("a value below 2^31 fits in i32")
}

impl AnalysisLock {
    /// Takes the in-process lock for `dialogue` within `scope` (one scope per SQLite database),
    /// or returns `None` if it is held.
    pub(crate) fn try_local(scope: &str, dialogue: DialogueId) -> Option<AnalysisLock> {
        let mut held = LOCAL_LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
        if !held.insert((scope.to_owned(), dialogue.0)) {
            return None;
        }
        Some(AnalysisLock {
            dialogue,
            held: Some(Held::Local {
                scope: scope.to_owned(),
            }),
        })
    }

    /// Wraps a connection on which the advisory lock for `dialogue` has just been taken.
    pub(crate) fn postgres(connection: sqlx::PgConnection, dialogue: DialogueId) -> AnalysisLock {
        AnalysisLock {
            dialogue,
            held: Some(Held::Postgres {
                connection,
                object: advisory_object(dialogue),
            }),
        }
    }

    /// Returns the dialogue this lock is for.
    pub fn dialogue(&self) -> DialogueId {
        self.dialogue
    }

    /// Releases the lock now, reporting any failure (the lock is freed regardless: on error the
    /// dedicated connection is closed, which ends its locks).
    pub async fn release(mut self) -> Result<(), StoreError> {
        match self.held.take() {
            None => Ok(()),
            Some(Held::Local { scope }) => {
                release_local(&scope, self.dialogue);
                Ok(())
            }
            Some(Held::Postgres {
                mut connection,
                object,
            }) => {
                let unlocked = sqlx::query("SELECT pg_advisory_unlock($1, $2)")
                    .bind(ADVISORY_LOCK_CLASS)
                    .bind(object)
                    .execute(&mut connection)
                    .await;
                let closed = connection.close().await;
                unlocked?;
                closed?;
                Ok(())
            }
        }
    }
}

fn release_local(scope: &str, dialogue: DialogueId) {
    let mut held = LOCAL_LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
    held.remove(&(scope.to_owned(), dialogue.0));
}

impl Drop for AnalysisLock {
    fn drop(&mut self) {
        match self.held.take() {
            None => {}
            Some(Held::Local { scope }) => release_local(&scope, self.dialogue),
            Some(Held::Postgres { connection, .. }) => {
                // Closing the session frees its advisory locks. Without a runtime the connection
                // is simply dropped, which closes the socket and has the same effect.
                if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                    runtime.spawn(async move {
                        if let Err(error) = connection.close().await {
                            tracing::debug!(%error, "closing an analysis lock connection failed");
                        }
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_lock_excludes_a_second_holder_until_dropped() {
        let scope = "lock-test-scope";
        let first = AnalysisLock::try_local(scope, DialogueId(1)).expect("free");
        assert!(AnalysisLock::try_local(scope, DialogueId(1)).is_none());
        let other_dialogue = AnalysisLock::try_local(scope, DialogueId(2));
        assert!(other_dialogue.is_some());
        let other_scope = AnalysisLock::try_local("another-database", DialogueId(1));
        assert!(other_scope.is_some());
        drop(first);
        assert!(AnalysisLock::try_local(scope, DialogueId(1)).is_some());
    }

    #[test]
    fn advisory_keys_stay_in_range() {
        assert_eq!(advisory_object(DialogueId(5)), 5);
        assert_eq!(advisory_object(DialogueId(i64::MAX)), i32::MAX);
        assert!(advisory_object(DialogueId(-3)) >= 0);
    }
}
