//! The archive as the app holds it: a path, and a way to run store calls on a
//! blocking thread. Each call opens its own connection (cheap with SQLite, and
//! WAL lets the UI read while the demo fill or an import writes).

use crate::error::IpcError;
use chrono::NaiveDate;
use laoke_core::dto::Prediction;
use laoke_core::predict::Unit;
use laoke_core::stats::Ledger;
use laoke_store::cipher::{self, ArchiveHold, ArchiveKey, FileKind};
use laoke_store::{LedgerSnapshot, PredictRequest, RosterSnapshot, Store, StoreError};

/// The longest "slipping away" list the dashboard asks for.
const SLIPPING_LONGEST: usize = 200;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// Cloned, it is the same archive: the scheduler shares the app's roster cache
/// and its long-write flag.
#[derive(Clone)]
pub struct Archive {
    path: PathBuf,
    /// The key of an encrypted archive once the seller has unlocked it; kept in
    /// memory only, for this run of the app.
    key: Arc<RwLock<Option<ArchiveKey>>>,
    /// This app's claim on the archive for its whole run, so that the command
    /// line cannot replace the file under it (`laoke encrypt` gets `db.in_use`).
    /// None only where the lock file cannot be made (a read-only folder).
    hold: Option<Arc<ArchiveHold>>,
    /// Every call holds it shared while its connection is open; turning
    /// encryption on, off or to a new passphrase holds it alone, because it
    /// replaces the archive file.
    gate: Arc<RwLock<()>>,
    /// Held while a connection opens: the first open migrates the schema, and two
    /// commands racing to migrate a new file would both try to create its tables.
    opening: Arc<Mutex<()>>,
    /// Set while a long write (the demo fill) runs, so a second click cannot start another.
    busy: Arc<AtomicBool>,
    /// Set by the Cancel button of a running import; checked every few thousand orders.
    pub cancel: Arc<AtomicBool>,
    /// The customer roster of the last list query, kept until the archive's
    /// generation moves on: building it reads every customer (about half a
    /// second at 300,000), a query over it takes milliseconds.
    roster: Arc<Mutex<Option<Arc<RosterSnapshot>>>>,
    /// Every order as the dashboard folds them, kept the same way: reading a
    /// million orders takes about a second, a question over them a fraction of that.
    ledger: Arc<Mutex<Option<Arc<LedgerSnapshot>>>>,
    /// Held while the ledger is checked and, if stale, read again: the warm-up
    /// after a change and the dashboard's own first question wait for one read
    /// instead of holding two ledgers of a million orders.
    ledger_read: Arc<Mutex<()>>,
    /// The "slipping away" list (its longest, 200) with the generation and time
    /// zone it was forecast at: fitting both models on a large shop and
    /// forecasting every buyer takes seconds, so it is redone only when the
    /// archive changes.
    slipping: Arc<Mutex<Option<(i64, String, Prediction)>>>,
}

impl Archive {
    pub fn new(path: PathBuf) -> Self {
        let hold = ArchiveHold::shared(&path)
            .map_err(|e| tracing::warn!(error = %e, "no claim on the archive: the command line could replace it"))
            .ok()
            .map(Arc::new);
        Archive {
            path,
            key: Arc::new(RwLock::new(None)),
            hold,
            gate: Arc::new(RwLock::new(())),
            opening: Arc::new(Mutex::new(())),
            busy: Arc::new(AtomicBool::new(false)),
            cancel: Arc::new(AtomicBool::new(false)),
            roster: Arc::new(Mutex::new(None)),
            ledger: Arc::new(Mutex::new(None)),
            ledger_read: Arc::new(Mutex::new(())),
            slipping: Arc::new(Mutex::new(None)),
        }
    }

    /// Runs `f` over an up-to-date roster: stages and RFM are refreshed first
    /// (unless a long write holds the archive; then the last scores serve).
    pub async fn with_roster<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &RosterSnapshot, NaiveDate) -> Result<T, StoreError> + Send + 'static,
    {
        let cache = self.roster.clone();
        let busy = self.busy.clone();
        self.run(move |store| {
            let today = laoke_core::time::local_date(chrono::Utc::now(), store.timezone()?);
            if !busy.load(Ordering::SeqCst) {
                store.refresh(today)?;
            }
            let generation = store.generation()?;
            let cached = cache.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let snap = match cached {
                Some(snap) if snap.generation == generation => snap,
                _ => {
                    let snap = Arc::new(store.roster()?);
                    *cache.lock().unwrap_or_else(|p| p.into_inner()) = Some(snap.clone());
                    // Sort ranks for the other columns, ready before the user clicks one.
                    let warm = snap.clone();
                    std::thread::spawn(move || warm.roster.warm());
                    snap
                }
            };
            f(store, &snap, today)
        })
        .await
    }

    /// Runs `f` over an up-to-date ledger of every order, with today in shop time.
    pub async fn with_ledger<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Ledger, NaiveDate) -> Result<T, StoreError> + Send + 'static,
    {
        let cache = self.ledger.clone();
        let reading = self.ledger_read.clone();
        self.run(move |store| {
            let today = laoke_core::time::local_date(chrono::Utc::now(), store.timezone()?);
            let snap = {
                let _one_read = reading.lock().unwrap_or_else(|p| p.into_inner());
                let cached = cache.lock().unwrap_or_else(|p| p.into_inner()).clone();
                match cached {
                    Some(snap) if store.ledger_is_current(&snap)? => snap,
                    _ => {
                        // Dropped first: two ledgers of a million orders need not live at once.
                        *cache.lock().unwrap_or_else(|p| p.into_inner()) = None;
                        let snap = Arc::new(store.ledger()?);
                        *cache.lock().unwrap_or_else(|p| p.into_inner()) = Some(snap.clone());
                        snap
                    }
                }
            };
            f(store, &snap.ledger, today)
        })
        .await
    }

    /// Reads the dashboard's ledger and its "slipping away" list in the background
    /// after the orders changed (and at start), so that the dashboard's first
    /// question does not wait for a million orders to be read or both models to
    /// be fitted: every question then folds a ledger already in memory.
    pub fn warm_dashboard(&self) {
        if !self.lock_state().1 {
            return; // Unlocking announces a change, which warms it then.
        }
        let archive = self.clone();
        tauri::async_runtime::spawn(async move {
            let warmed = async {
                archive.with_ledger(|_, _, _| Ok(())).await?;
                archive.slipping_away(0).await.map(|_| ())
            };
            if let Err(e) = warmed.await {
                tracing::warn!(code = %e.0.code, "dashboard warm-up failed: {}", e.0.message);
            }
        });
    }

    /// The first `limit` (at most 200) of the "slipping away" list.
    pub async fn slipping_away(&self, limit: usize) -> Result<Prediction, IpcError> {
        let cache = self.slipping.clone();
        self.run(move |store| {
            let key = (store.generation()?, store.timezone()?.to_string());
            let cached = cache.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let mut list = match cached {
                Some((generation, tz, list)) if (generation, &tz) == (key.0, &key.1) => list,
                _ => {
                    let req = PredictRequest { as_of: None, unit: Unit::Week, horizon_days: 365 };
                    let list = store.slipping_away(&req, SLIPPING_LONGEST)?;
                    *cache.lock().unwrap_or_else(|p| p.into_inner()) = Some((key.0, key.1.clone(), list.clone()));
                    list
                }
            };
            list.customers.truncate(limit.min(SLIPPING_LONGEST));
            Ok(list)
        })
        .await
    }

    /// Runs `f` on a fresh connection off the main thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let path = self.path.clone();
        let opening = self.opening.clone();
        let (gate, held) = (self.gate.clone(), self.key.clone());
        tauri::async_runtime::spawn_blocking(move || {
            let _shared = gate.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            // Read behind the gate: a call queued during an encryption change opens with the new key.
            let key = held.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
            let mut store = {
                let _one_at_a_time = opening.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                Store::open_with(&path, key.as_ref())?
            };
            f(&mut store)
        })
        .await
        .map_err(|e| IpcError::internal(format!("the archive task stopped: {e}")))?
        .map_err(IpcError::from)
    }

    fn key(&self) -> Option<ArchiveKey> {
        self.key.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Whether the archive is encrypted, and if so whether this run holds its key.
    pub fn lock_state(&self) -> (bool, bool) {
        let encrypted = cipher::file_kind(&self.path) == FileKind::Encrypted;
        (encrypted, !encrypted || self.key().is_some())
    }

    /// Opens the archive with `key` and, if that works, keeps the key for every later call.
    pub async fn unlock(&self, key: ArchiveKey) -> Result<(), IpcError> {
        let path = self.path.clone();
        let held = self.key.clone();
        tauri::async_runtime::spawn_blocking(move || {
            drop(Store::open_with(&path, Some(&key))?);
            *held.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(key);
            Ok::<(), StoreError>(())
        })
        .await
        .map_err(|e| IpcError::internal(format!("the archive task stopped: {e}")))?
        .map_err(IpcError::from)
    }

    /// Encrypts, decrypts or re-keys the archive and its backups (see
    /// [`cipher::change_encryption`]) while no other call holds a connection,
    /// then keeps `next` as the key.
    pub async fn change_encryption(
        &self,
        current: Option<ArchiveKey>,
        next: Option<ArchiveKey>,
    ) -> Result<cipher::EncryptionReport, IpcError> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(IpcError(laoke_core::ErrorCode::to_dto(&laoke_core::error::ShellError::ArchiveBusy)));
        }
        let (path, gate, held, hold) = (self.path.clone(), self.gate.clone(), self.key.clone(), self.hold.clone());
        let result = tauri::async_runtime::spawn_blocking(move || {
            let _alone = gate.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            let report = cipher::change_encryption(&path, current.as_ref(), next.as_ref(), hold.as_deref())?;
            *held.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = next;
            Ok::<_, StoreError>(report)
        })
        .await
        .map_err(|e| IpcError::internal(format!("the archive task stopped: {e}")))
        .and_then(|r| r.map_err(IpcError::from));
        self.busy.store(false, Ordering::SeqCst);
        result
    }

    /// Like [`Archive::run`], but refuses to start while another long write runs.
    pub async fn run_exclusive<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(IpcError(laoke_core::ErrorCode::to_dto(&laoke_core::error::ShellError::ArchiveBusy)));
        }
        let result = self.run(f).await;
        self.busy.store(false, Ordering::SeqCst);
        result
    }
}
