//! SIGKILL at random points of the writes a seller starts, 20 times each: a
//! tier apply (300,000 customers with `make crash`, 30,000 in `make test`), a care re-plan, marking a day's
//! care messages sent, a backup restore, and an encrypted archive's re-key. After every kill the archive must
//! pass `PRAGMA integrity_check` and equal either the state before the command
//! or the state after it ran to the end (row counts and a content hash): never
//! something in between. The import's kill test is `kill.rs`.
//!
//! The content hash leaves out the columns that record when a row was written
//! (`*_at`), which differ between two runs of the same command a second apart.

use rusqlite::types::ValueRef;
use serde_json::Value;
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const AS_OF: &str = "2026-11-22T02:00:00Z";
const RUNS: u32 = 20;

fn laoke(db: &Path, args: &[&str]) -> Value {
    laoke_with(db, args, &[])
}

fn laoke_with(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_laoke"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LAOKE_DB")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "laoke {args:?}: {}", String::from_utf8_lossy(&out.stdout));
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

#[derive(Debug, PartialEq, Eq, Clone)]
struct State {
    /// Which of the passphrases the test knows opens the archive (none: it is plain).
    key: Option<String>,
    counts: BTreeMap<String, i64>,
    hash: u64,
}

/// Opens the archive plain, or with whichever of `keys` opens it.
fn open(db: &Path, keys: &[&str]) -> (rusqlite::Connection, Option<String>) {
    for key in std::iter::once(None).chain(keys.iter().map(|k| Some(*k))) {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch("PRAGMA cipher_log_level = NONE").unwrap();
        if let Some(key) = key {
            conn.pragma_update(None, "key", key).unwrap();
        }
        if conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_ok() {
            return (conn, key.map(str::to_owned));
        }
    }
    panic!("{} opens with none of {keys:?}", db.display());
}

/// Opens the archive as the next command would (SQLite rolls back what a killed
/// one left uncommitted), checks its integrity, and reads its state.
fn state(db: &Path, keys: &[&str]) -> State {
    let (conn, key) = open(db, keys);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok", "integrity_check of {}", db.display());
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.sort();
    let mut counts = BTreeMap::new();
    let mut h = DefaultHasher::new();
    for table in &tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1, 2")).unwrap();
        let kept: Vec<usize> =
            (0..stmt.column_count()).filter(|&i| !stmt.column_name(i).unwrap().ends_with("_at")).collect();
        let mut rows = stmt.query([]).unwrap();
        let mut n = 0i64;
        while let Some(row) = rows.next().unwrap() {
            n += 1;
            for &i in &kept {
                match row.get_ref(i).unwrap() {
                    ValueRef::Null => 0u8.hash(&mut h),
                    ValueRef::Integer(v) => v.hash(&mut h),
                    ValueRef::Real(v) => v.to_bits().hash(&mut h),
                    ValueRef::Text(v) | ValueRef::Blob(v) => v.hash(&mut h),
                }
            }
        }
        table.hash(&mut h);
        counts.insert(table.clone(), n);
    }
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    version.hash(&mut h);
    State { key, counts, hash: h.finish() }
}

/// Copies the archive file (checkpointed: no WAL beside it) to `to`.
fn copy_archive(from: &Path, to: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

/// Leaves `db` with everything in the main file, so that a copy is the whole archive.
fn checkpoint(db: &Path, keys: &[&str]) {
    let (conn, _) = open(db, keys);
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

/// A small pseudo-random sequence (no dependency, the same kill points every run).
struct Lcg(u64);
impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Runs `args` once to the end on a copy of `before` (the after state and how
/// long it takes), then `RUNS` times killed at a random point of that time.
fn kill_at_random(dir: &Path, name: &str, before: &Path, args: &[&str]) {
    kill_at_random_with(dir, name, before, args, &[], &[]);
}

/// The same, with environment variables for the command (passphrases) and the
/// passphrases the archive may be encrypted with.
fn kill_at_random_with(dir: &Path, name: &str, before: &Path, args: &[&str], env: &[(&str, &str)], keys: &[&str]) {
    checkpoint(before, keys);
    let work = dir.join(format!("{name}-work.db"));
    copy_archive(before, &work);
    let before_state = state(&work, keys);
    copy_archive(before, &work);
    let start = Instant::now();
    laoke_with(&work, args, env);
    let full = start.elapsed();
    let after_state = state(&work, keys);
    assert_ne!(before_state, after_state, "{name} changes the archive");

    let mut rng = Lcg(name.len() as u64 * 7919);
    let (mut saw_before, mut saw_after) = (0, 0);
    for run in 0..RUNS {
        copy_archive(before, &work);
        let mut child = Command::new(env!("CARGO_BIN_EXE_laoke"))
            .arg("--db")
            .arg(&work)
            .args(args)
            .env_remove("LAOKE_DB")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Half the kills anywhere in the run, half around its end, where the commit is.
        let r = rng.next_fraction();
        let wait = full.mul_f64(if run % 2 == 0 { r } else { 0.8 + 0.3 * r });
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
        let s = state(&work, keys);
        if s == before_state {
            saw_before += 1;
        } else if s == after_state {
            saw_after += 1;
        } else {
            panic!("{name}: run {run}, killed after {wait:?} of {full:?}, left neither the before nor the after state");
        }
    }
    eprintln!("{name}: {RUNS} kills within {full:?}: {saw_before} before, {saw_after} after");
}

fn demo(dir: &Path, name: &str, customers: u32) -> PathBuf {
    let db = dir.join(format!("{name}.db"));
    laoke(&db, &["demo", "--customers", &customers.to_string(), "--seed", "3", "--as-of", AS_OF, "--json"]);
    // Stages and scores brought up to date once (the customer list does it first), so the
    // command under test does only its own work.
    laoke(&db, &["customers", "--limit", "1", "--json"]);
    db
}

/// `make test` applies the ladder to 30,000 customers, to stay inside CI's time; `make crash`
/// runs the same test on the 300,000-customer demo shop (`LAOKE_CRASH_CUSTOMERS=300000`).
#[test]
fn a_killed_tier_apply_leaves_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let customers = std::env::var("LAOKE_CRASH_CUSTOMERS").ok().and_then(|v| v.parse().ok()).unwrap_or(30_000);
    let db = demo(dir.path(), "tiers", customers);
    // The shop's ladder with a lower bar for its second tier: customers move up when it is applied.
    let mut ladder = laoke(&db, &["tiers", "show", "--json"])["ladder"].clone();
    ladder["tiers"][1]["min_value"] = Value::from("200");
    ladder["tiers"][1]["min_purchases"] = Value::from(2);
    let file = dir.path().join("ladder.json");
    std::fs::write(&file, ladder.to_string()).unwrap();
    kill_at_random(dir.path(), "tiers", &db, &["tiers", "apply", "--ladder", file.to_str().unwrap(), "--json"]);
}

#[test]
fn a_killed_care_replan_or_send_leaves_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "care", 20_000);
    let rule = dir.path().join("rule.json");
    std::fs::write(
        &rule,
        r#"{"name": "新年问候", "trigger": {"kind": "campaign", "date": "2027-01-01"}, "channel": "wangwang",
            "send_at": "10:00", "template": "{nick}，新年快乐！"}"#,
    )
    .unwrap();
    laoke(&db, &["care", "rules", "add", "--rule", rule.to_str().unwrap(), "--json"]);
    // The first plan covers the days up to the campaign's eve; the re-plan under test adds its day.
    laoke(&db, &["care", "plan", "--from", "2026-12-20", "--to", "2026-12-31", "--json"]);
    kill_at_random(
        dir.path(),
        "replan",
        &db,
        &["care", "plan", "--from", "2026-12-20", "--to", "2027-01-10", "--json"],
    );

    // Marking the day's messages sent (copied) is one transaction however many there are.
    let planned = laoke(&db, &["care", "plan", "--from", "2026-12-20", "--to", "2027-01-10", "--json"]);
    let keys: Vec<String> = planned["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "planned")
        .map(|m| m["key"].as_str().unwrap().to_owned())
        .collect();
    assert!(keys.len() > 1_000, "a campaign to every buyer: {}", keys.len());
    let mut args = vec!["care", "mark-copied"];
    args.extend(keys.iter().map(String::as_str));
    args.push("--json");
    kill_at_random(dir.path(), "send", &db, &args);
}

#[test]
fn a_killed_restore_leaves_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "restore", 30_000);
    let file = dir.path().join("backup.db");
    laoke(&db, &["backup", "create", "--out", file.to_str().unwrap(), "--json"]);
    laoke(&db, &["customers", "bulk", "--tag", "双11", "--json"]);
    kill_at_random(dir.path(), "restore", &db, &["backup", "restore", file.to_str().unwrap(), "--json"]);
}

/// Re-keying writes the archive anew and renames it into place: after a kill it
/// opens, whole, under the old passphrase or the new one.
#[test]
fn a_killed_rekey_leaves_before_or_after() {
    const OLD: &str = "old passphrase 1";
    const NEW: &str = "new passphrase 2";
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "rekey", 10_000);
    laoke_with(&db, &["encrypt", "--json"], &[("LAOKE_PASSPHRASE", OLD)]);
    kill_at_random_with(
        dir.path(),
        "rekey",
        &db,
        &["rekey", "--json"],
        &[("LAOKE_PASSPHRASE", OLD), ("LAOKE_NEW_PASSPHRASE", NEW)],
        &[OLD, NEW],
    );
}
