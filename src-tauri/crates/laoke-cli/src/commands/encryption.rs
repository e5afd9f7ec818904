//! `laoke encrypt|decrypt|rekey`, and the passphrase every other command opens
//! an encrypted archive with. A passphrase comes from `LAOKE_PASSPHRASE` (the
//! new one of `encrypt` and `rekey` from `LAOKE_NEW_PASSPHRASE`, `encrypt`
//! falling back to `LAOKE_PASSPHRASE`), else it is asked for at the terminal
//! without echo; with neither, an encrypted archive is `db.locked`.

use super::to_json;
use crate::cli::EncryptionAction;
use crate::output::{Failure, Output};
use laoke_core::error::ShellError;
use laoke_store::cipher::{self, ArchiveKey, EncryptionReport, FileKind};
use laoke_store::StoreError;
use std::io::IsTerminal;
use std::path::Path;

pub const PASSPHRASE: &str = "LAOKE_PASSPHRASE";
pub const NEW_PASSPHRASE: &str = "LAOKE_NEW_PASSPHRASE";

fn from_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn ask(prompt: &str) -> Result<String, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(ShellError::PassphraseUnavailable.into());
    }
    rpassword::prompt_password(prompt).map_err(|_| ShellError::PassphraseUnavailable.into())
}

/// The key for the archive at `path`: none for a plain (or new) archive.
pub fn archive_key(path: &Path) -> Result<Option<ArchiveKey>, Failure> {
    if cipher::file_kind(path) != FileKind::Encrypted {
        return Ok(None);
    }
    let passphrase = match from_env(PASSPHRASE) {
        Some(p) => p,
        None if std::io::stdin().is_terminal() => ask(&format!("Passphrase for {}: ", path.display()))?,
        None => return Err(StoreError::Locked { path: path.to_path_buf() }.into()),
    };
    Ok(Some(ArchiveKey::new(&passphrase)?))
}

/// A new passphrase: from the environment, else typed twice.
fn new_key(fallback: Option<&str>) -> Result<ArchiveKey, Failure> {
    if let Some(p) = from_env(NEW_PASSPHRASE).or_else(|| fallback.and_then(from_env)) {
        return Ok(ArchiveKey::chosen(&p)?);
    }
    let first = ask("New passphrase (it cannot be recovered if lost): ")?;
    let key = ArchiveKey::chosen(&first)?;
    if ask("The new passphrase again: ")? != first {
        return Err(ShellError::PassphraseMismatch.into());
    }
    Ok(key)
}

fn report(r: EncryptionReport, what: &str) -> Output {
    let mut text = format!("{what} {}; backups: {} rewritten", r.archive, r.backups_converted);
    if r.backups_already > 0 {
        text.push_str(&format!(", {} already done", r.backups_already));
    }
    if !r.backups_unreadable.is_empty() {
        text.push_str(&format!(
            "; left as they were (another passphrase opens them): {}",
            r.backups_unreadable.join(", ")
        ));
    }
    Output { json: to_json(&r), text }
}

pub fn run(action: EncryptionAction, path: &Path) -> Result<Output, Failure> {
    match action {
        EncryptionAction::Encrypt => encrypt(path),
        EncryptionAction::Decrypt => decrypt(path),
        EncryptionAction::Rekey => rekey(path),
    }
}

fn encrypt(path: &Path) -> Result<Output, Failure> {
    if cipher::file_kind(path) == FileKind::Encrypted {
        return Err(StoreError::AlreadyEncrypted { path: path.to_path_buf() }.into());
    }
    let next = new_key(Some(PASSPHRASE))?;
    Ok(report(cipher::change_encryption(path, None, Some(&next), None)?, "encrypted"))
}

fn decrypt(path: &Path) -> Result<Output, Failure> {
    let current = archive_key(path)?.ok_or_else(|| StoreError::NotEncrypted { path: path.to_path_buf() })?;
    Ok(report(cipher::change_encryption(path, Some(&current), None, None)?, "decrypted"))
}

fn rekey(path: &Path) -> Result<Output, Failure> {
    let current = archive_key(path)?.ok_or_else(|| StoreError::NotEncrypted { path: path.to_path_buf() })?;
    // The current passphrase is checked before a new one is asked for.
    drop(laoke_store::Store::open_with(path, Some(&current))?);
    let next = new_key(None)?;
    Ok(report(cipher::change_encryption(path, Some(&current), Some(&next), None)?, "re-keyed"))
}
