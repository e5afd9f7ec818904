//! Printing results and errors, as JSON or as text. A reader that stops early
//! (`laoke customers --json | head`) closes the pipe: the command then ends
//! quietly, as other Unix tools do, instead of panicking in `println!`.

use laoke_core::{ErrorCode, ErrorDto};
use serde_json::Value;
use std::io::Write;

/// What a command produced: the JSON document, and its text rendering for people.
pub struct Output {
    pub json: Value,
    pub text: String,
}

/// Prints a result; `false` when it could not be written (a full disk), which
/// the command's exit code must say. A closed pipe is no failure.
pub fn print(out: &Output, json: bool) -> bool {
    if json {
        emit(&serde_json::to_string_pretty(&out.json).unwrap_or_else(|_| "null".into()))
    } else {
        emit(out.text.trim_end())
    }
}

/// Writes a document and its line end to stdout: `true` when written, or when
/// the reader has gone (nobody is left to tell); else says why on stderr.
fn emit(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let why = crate::usage::UsageError::Write { reason: e.to_string() };
            eprintln!("laoke: {why} [{}]", why.code());
            false
        }
    }
}

/// A failed command, with the code scripts can branch on.
#[derive(Debug)]
pub struct Failure(pub ErrorDto);

impl<E: ErrorCode> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_dto())
    }
}

pub fn print_error(err: &Failure, json: bool) {
    if json {
        let doc = serde_json::json!({ "error": err.0 });
        let _ = emit(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        eprintln!("laoke: {} [{}]", err.0.message, err.0.code);
    }
}
