//! Who may write documents at the same time, within this process. A peer's changes are
//! checked against the document as it is (a candidate's uploads against the quota, "received"
//! written once), then saved: that read-check-write must not interleave with another writer of
//! the same document (a candidate's second device, a hub). Sessions on other documents go on
//! meanwhile: a candidate's round does not wait for a reviewer's. Deleting, packing and
//! migrating documents take everything at once, alone.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex as StdMutex};

use tokio::sync::{Mutex, OwnedMutexGuard, OwnedRwLockReadGuard, OwnedRwLockWriteGuard, RwLock};

use crate::auth::DocRef;

#[derive(Debug, Default)]
pub(super) struct WriteLocks {
    /// Shared by writers of single documents; taken alone by work on many at once.
    all: Arc<RwLock<()>>,
    /// One lock per document being written now (removed when nobody holds or waits for it).
    docs: StdMutex<HashMap<DocRef, Arc<Mutex<()>>>>,
}

/// The documents a writer holds; released when dropped. Owned, so that it can go with the
/// work to a blocking thread (and be released only when that work ends).
pub(super) struct DocsGuard {
    locks: Arc<WriteLocks>,
    held: Vec<(DocRef, OwnedMutexGuard<()>)>,
    _shared: OwnedRwLockReadGuard<()>,
}

impl WriteLocks {
    /// Everything: no document is written by anyone else in this process until it is dropped.
    pub(super) async fn exclusive(&self) -> OwnedRwLockWriteGuard<()> {
        self.all.clone().write_owned().await
    }

    /// These documents, each for this writer alone. Taken in one order (the set's), so two
    /// writers wanting some of the same documents cannot each wait for the other.
    pub(super) async fn documents(self: &Arc<Self>, docs: BTreeSet<DocRef>) -> DocsGuard {
        let shared = self.all.clone().read_owned().await;
        // Built as the locks are taken: a writer given up while waiting releases what it held.
        let mut guard = DocsGuard { locks: self.clone(), held: Vec::with_capacity(docs.len()), _shared: shared };
        for doc in docs {
            let lock = self.table().entry(doc.clone()).or_default().clone();
            guard.held.push((doc, lock.lock_owned().await));
        }
        guard
    }

    /// One document for this writer alone.
    pub(super) async fn document(self: &Arc<Self>, doc: DocRef) -> DocsGuard {
        self.documents(BTreeSet::from([doc])).await
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<DocRef, Arc<Mutex<()>>>> {
        // A panic while holding the table cannot leave it inconsistent (single inserts and
        // removes): carry on with it.
        self.docs.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Documents locked right now (or waited for).
    #[cfg(test)]
    fn in_use(&self) -> usize {
        self.table().len()
    }
}

impl Drop for DocsGuard {
    fn drop(&mut self) {
        let mut table = self.locks.table();
        for (doc, guard) in self.held.drain(..) {
            drop(guard);
            // Nobody else holds or waits for it (they would hold a clone): forget it.
            if table.get(&doc).is_some_and(|lock| Arc::strong_count(lock) == 1) {
                table.remove(&doc);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::store::DocKind;

    fn doc(id: &str) -> DocRef {
        DocRef { kind: DocKind::Submission, id: id.into() }
    }

    async fn blocked<F: std::future::Future>(f: F) -> bool {
        tokio::time::timeout(Duration::from_millis(50), f).await.is_err()
    }

    #[tokio::test]
    async fn writers_of_other_documents_do_not_wait_for_each_other() {
        let locks = Arc::new(WriteLocks::default());
        let _a = locks.document(doc("a")).await;
        assert!(!blocked(locks.document(doc("b"))).await);
        assert!(blocked(locks.documents(BTreeSet::from([doc("b"), doc("a")]))).await);
    }

    #[tokio::test]
    async fn a_writer_of_the_same_document_waits_until_it_is_released() {
        let locks = Arc::new(WriteLocks::default());
        let first = locks.document(doc("a")).await;
        let waiting = {
            let locks = locks.clone();
            tokio::spawn(async move {
                let _second = locks.document(doc("a")).await;
            })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished());
        drop(first);
        tokio::time::timeout(Duration::from_secs(5), waiting).await.expect("released").expect("no panic");
        assert_eq!(locks.in_use(), 0, "released locks are forgotten");
    }

    #[tokio::test]
    async fn exclusive_waits_for_every_writer_and_holds_them_all_off() {
        let locks = Arc::new(WriteLocks::default());
        let writer = locks.document(doc("a")).await;
        assert!(blocked(locks.exclusive()).await);
        drop(writer);
        let all = locks.exclusive().await;
        assert!(blocked(locks.document(doc("b"))).await);
        drop(all);
        assert!(!blocked(locks.document(doc("b"))).await);
        assert_eq!(locks.in_use(), 0);
    }

    #[tokio::test]
    async fn many_writers_in_crossed_orders_all_finish() {
        let locks = Arc::new(WriteLocks::default());
        let tasks: Vec<_> = (0..16)
            .map(|i| {
                let locks = locks.clone();
                tokio::spawn(async move {
                    for round in 0..20 {
                        let set: BTreeSet<DocRef> = [(i + round) % 5, (i * 3 + 1) % 5, 4 - (i % 5)]
                            .iter()
                            .map(|n| doc(&n.to_string()))
                            .collect();
                        let _guard = locks.documents(set).await;
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        for task in tasks {
            tokio::time::timeout(Duration::from_secs(10), task).await.expect("no deadlock").expect("no panic");
        }
        assert_eq!(locks.in_use(), 0);
    }
}
