//! How failures cross IPC: always as `{code, message, details}` (an `ErrorDto`),
//! which the UI turns into localized text by `code`.

use laoke_core::{ErrorCode, ErrorDto};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IpcError(pub ErrorDto);

impl From<laoke_store::StoreError> for IpcError {
    fn from(e: laoke_store::StoreError) -> Self {
        if !e.is_user_error() {
            tracing::error!(code = e.code(), "{e}");
        }
        IpcError(e.to_dto())
    }
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        let code = laoke_core::error::ShellError::Internal.code().to_owned();
        IpcError(ErrorDto { code, message: message.into(), details: serde_json::Value::Null })
    }
}
