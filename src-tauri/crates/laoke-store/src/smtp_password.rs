//! Where the SMTP password lives: the operating system's keychain (macOS
//! Keychain, Windows Credential Manager, the Secret Service on Linux), never
//! the archive. Where there is no keychain (a server, a CI machine) or nothing
//! is saved in it, the environment variable `LAOKE_SMTP_PASSWORD` is read.

use laoke_core::dto::SmtpSettings;

const SERVICE: &str = "laoke-smtp";
pub const PASSWORD_VARIABLE: &str = "LAOKE_SMTP_PASSWORD";

fn entry(smtp: &SmtpSettings) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("{}@{}", smtp.user.trim(), smtp.host.trim())).ok()
}

/// The password for the server and user of `smtp`: the keychain's, else the environment's.
pub fn smtp_password(smtp: &SmtpSettings) -> Option<String> {
    entry(smtp)
        .and_then(|e| e.get_password().ok())
        .or_else(|| std::env::var(PASSWORD_VARIABLE).ok())
        .filter(|p| !p.is_empty())
}

/// Why the keychain would not keep the password.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "keychain.", serialize_all = "snake_case")]
pub enum KeychainError {
    #[error("this computer has no keychain Laoke can use ({reason}); set LAOKE_SMTP_PASSWORD instead")]
    Unavailable { reason: String },
}

laoke_core::coded_errors!(KeychainError);

/// Keeps `password` in the keychain for the server and user of `smtp` (an empty one removes it).
pub fn save_smtp_password(smtp: &SmtpSettings, password: &str) -> Result<(), KeychainError> {
    let entry = keyring::Entry::new(SERVICE, &format!("{}@{}", smtp.user.trim(), smtp.host.trim()))
        .map_err(|e| KeychainError::Unavailable { reason: e.to_string() })?;
    let done = if password.is_empty() {
        match entry.delete_credential() {
            Err(keyring::Error::NoEntry) => Ok(()),
            other => other,
        }
    } else {
        entry.set_password(password)
    };
    done.map_err(|e| KeychainError::Unavailable { reason: e.to_string() })
}
