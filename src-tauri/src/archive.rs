//! The archive as the app holds it: a path, and a way to run store calls on a
//! blocking thread. Each call opens its own connection (cheap with SQLite, and
//! WAL lets the UI read while the demo fill or an import writes).

use crate::error::IpcError;
use laoke_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub struct Archive {
    path: PathBuf,
    /// Held while a connection opens: the first open migrates the schema, and two
    /// commands racing to migrate a new file would both try to create its tables.
    opening: Arc<Mutex<()>>,
    /// Set while a long write (the demo fill) runs, so a second click cannot start another.
    busy: Arc<AtomicBool>,
    /// Set by the Cancel button of a running import; checked every few thousand orders.
    pub cancel: Arc<AtomicBool>,
}

impl Archive {
    pub fn new(path: PathBuf) -> Self {
        Archive {
            path,
            opening: Arc::new(Mutex::new(())),
            busy: Arc::new(AtomicBool::new(false)),
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Runs `f` on a fresh connection off the main thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let path = self.path.clone();
        let opening = self.opening.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut store = {
                let _one_at_a_time = opening.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                Store::open(&path)?
            };
            f(&mut store)
        })
        .await
        .map_err(|e| IpcError::internal(format!("the archive task stopped: {e}")))?
        .map_err(IpcError::from)
    }

    /// Like [`Archive::run`], but refuses to start while another long write runs.
    pub async fn run_exclusive<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(IpcError(laoke_core::ErrorDto {
                code: "archive.busy".into(),
                message: "another long operation is still running".into(),
                details: serde_json::Value::Null,
            }));
        }
        let result = self.run(f).await;
        self.busy.store(false, Ordering::SeqCst);
        result
    }
}
