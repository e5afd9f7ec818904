//! Every code the Rust side can produce has its text in every language the UI
//! speaks, and the UI's `errors` section words nothing that cannot happen. The
//! list of codes is derived from the error enums themselves
//! (`laoke_core::error::ErrorCodes`), never kept by hand.

use laoke_core::error::ErrorCodes;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Every code of the core, the store and the command line.
fn all_codes() -> BTreeSet<&'static str> {
    let mut codes: BTreeSet<&'static str> = laoke_store::StoreError::codes().into_iter().collect();
    codes.extend(crate::usage::UsageError::codes());
    codes
}

/// Keys of the `errors` section that are no code: the UI's own wording around codes.
const UI_ONLY: [&str; 4] = ["unknown", "place.file", "place.row", "place.column"];

fn leaves(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(&key, v, out);
            }
        }
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

/// The leaves of one top-level section of a language's translation file.
fn section_of(language: &str, section: &str) -> Vec<(String, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../ui/src/locales")
        .join(language)
        .join("translation.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    leaves("", &doc[section], &mut out);
    out
}

fn errors_of(language: &str) -> Vec<(String, String)> {
    section_of(language, "errors")
}

/// `{{max}}` and `{{shop}}` in a text, as a set.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{").skip(1).filter_map(|s| s.split_once("}}")).map(|(name, _)| name.trim().to_owned()).collect()
}

#[test]
fn every_code_has_its_text_in_every_language_and_no_text_is_left_over() {
    let codes = all_codes();
    assert!(codes.len() > 80, "the codes are derived from the enums: {codes:?}");
    let mut problems = Vec::new();
    let zh = errors_of("zh-CN");
    let en = errors_of("en-US");
    for (language, texts) in [("zh-CN", &zh), ("en-US", &en)] {
        let keys: BTreeSet<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
        for code in &codes {
            if !keys.contains(code) {
                problems.push(format!("{language}: errors.{code} is missing"));
            }
        }
        for key in keys {
            if !codes.contains(key) && !UI_ONLY.contains(&key) {
                problems.push(format!("{language}: errors.{key} is no code Laoke produces"));
            }
        }
    }
    for (key, zh_text) in &zh {
        if let Some((_, en_text)) = en.iter().find(|(k, _)| k == key) {
            if placeholders(zh_text) != placeholders(en_text) {
                problems.push(format!("errors.{key}: zh-CN fills {zh_text:?}, en-US {en_text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_codes_are_the_ones_the_errors_carry() {
    use laoke_core::ErrorCode;
    let codes = all_codes();
    let samples: Vec<Box<dyn ErrorCode>> = vec![
        Box::new(laoke_store::EditError::TagTooLong { max: 30 }),
        Box::new(laoke_store::StoreError::ShopGone { id: 3 }),
        Box::new(laoke_core::tier::LadderError::DiscountNotDeeper { tier: 3, previous: 2 }),
        Box::new(crate::usage::UsageError::PinWhat),
    ];
    for e in samples {
        assert!(codes.contains(e.code()), "{}", e.code());
    }
    // A bare `<domain>.invalid` would be a catch-all: each failure a user can tell apart has its own code.
    let catch_all: Vec<&&str> = codes.iter().filter(|c| c.ends_with(".invalid")).collect();
    assert!(catch_all.is_empty(), "catch-all codes: {catch_all:?}");
}

/// The words for why a file was not written (`$t(fileCause.{{cause}})` in an
/// error's text) are there for every cause the store can name, and no others.
#[test]
fn every_file_cause_has_its_words_in_every_language() {
    let causes: BTreeSet<&str> =
        <laoke_core::file_cause::FileCause as strum::VariantNames>::VARIANTS.iter().copied().collect();
    for language in ["zh-CN", "en-US"] {
        let words = section_of(language, "fileCause");
        let keys: BTreeSet<&str> = words.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, causes, "{language}: fileCause");
        assert!(words.iter().all(|(_, text)| !text.trim().is_empty()), "{language}: {words:?}");
    }
}
