//! Printing results and errors, as JSON or as text.

use laoke_core::{ErrorCode, ErrorDto};
use serde_json::Value;

/// What a command produced: the JSON document, and its text rendering for people.
pub struct Output {
    pub json: Value,
    pub text: String,
}

pub fn print(out: &Output, json: bool) {
    if json {
        println!("{}", serde_json::to_string_pretty(&out.json).unwrap_or_else(|_| "null".into()));
    } else {
        println!("{}", out.text.trim_end());
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

impl Failure {
    pub fn usage(code: &str, message: impl Into<String>) -> Self {
        Failure(ErrorDto { code: code.to_owned(), message: message.into(), details: Value::Null })
    }
}

pub fn print_error(err: &Failure, json: bool) {
    if json {
        let doc = serde_json::json!({ "error": err.0 });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        eprintln!("laoke: {} [{}]", err.0.message, err.0.code);
    }
}
