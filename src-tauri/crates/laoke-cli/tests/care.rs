//! `laoke care` end to end: rules from files, planning, the worklist, copying,
//! the SMS list, and email through a real SMTP server (aiosmtpd, started here)
//! with the received messages read back: sent once, refused recipients failed
//! with the server's reply, a wrong password failing everything, and a sender
//! killed mid-send that never sends a message twice.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn laoke_cmd(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_laoke"));
    c.arg("--db").arg(db).args(args).env_remove("LAOKE_DB").env("LAOKE_SMTP_PASSWORD", "secret");
    // No keychain here: the password comes from the environment.
    c.env_remove("DBUS_SESSION_BUS_ADDRESS");
    c
}

fn laoke(db: &Path, args: &[&str]) -> Output {
    laoke_cmd(db, args).output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is one JSON document ({e}): {out:?}"))
}

const HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Created at,Total,Lineitem quantity,Lineitem name,Lineitem price";

/// A Shopify shop whose buyers are known by their email.
fn shop(dir: &Path, buyers: &[&str]) -> PathBuf {
    let db = dir.join("shop.db");
    let mut csv = format!("{HEADER}\n");
    for (i, b) in buyers.iter().enumerate() {
        csv.push_str(&format!(
            "#{},{b},paid,2026-10-01 10:00:00 +0800,fulfilled,2026-10-01 10:00:00 +0800,30.00,1,Oolong,30.00\n",
            1001 + i
        ));
    }
    let file = dir.join("orders.csv");
    std::fs::write(&file, csv).unwrap();
    let out = laoke(&db, &["import", file.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    db
}

fn rule(dir: &Path, db: &Path, json_text: &str) -> i64 {
    let file = dir.join("rule.json");
    std::fs::write(&file, json_text).unwrap();
    let out = laoke(db, &["care", "rules", "add", "--rule", file.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    json(&out)["id"].as_i64().unwrap()
}

const CAMPAIGN: &str = r#"{"name": "Winter tea", "trigger": {"kind": "campaign", "date": "2026-12-10"},
    "channel": "email", "send_at": "10:00", "subject": "Winter tea for {nick}",
    "template": "Hi {nick}, the winter oolong is in. <b>not markup</b> {shop}"}"#;

struct Server {
    child: Child,
    port: u16,
    record: PathBuf,
}

impl Server {
    fn start(dir: &Path, stalled: Option<&Path>) -> Server {
        let record = dir.join("received.jsonl");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/care/smtp_server.py");
        let mut cmd = Command::new("python3");
        cmd.arg(script).arg("--record").arg(&record).stdout(Stdio::piped()).stderr(Stdio::null());
        if let Some(s) = stalled {
            cmd.arg("--stalled").arg(s);
        }
        let mut child = cmd.spawn().expect("python3 runs (make test installs aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port =
            line.trim().parse().unwrap_or_else(|_| panic!("the SMTP server starts (is aiosmtpd installed?): {line:?}"));
        Server { child, port, record }
    }

    fn received(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.record)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn smtp(db: &Path, port: u16) {
    let port = format!("smtp.port={port}");
    let out = laoke(
        db,
        &[
            "settings",
            "--set",
            "shop_name=Maple & Tea",
            "--set",
            "smtp.host=127.0.0.1",
            "--set",
            &port,
            "--set",
            "smtp.security=none",
            "--set",
            "smtp.user=shop",
            "--set",
            "smtp.from=Maple & Tea <shop@maple.test>",
        ],
    );
    assert!(out.status.success(), "{out:?}");
}

fn statuses(db: &Path, day: &str) -> Vec<(String, String, String)> {
    let today = json(&laoke(db, &["care", "today", "--date", day, "--json"]));
    today["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["to"].as_str().unwrap_or("").to_owned(),
                m["status"].as_str().unwrap().to_owned(),
                m["key"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn email_goes_out_once_with_its_headers_and_refusals_are_failed() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com", "reject.me@example.com", "bo@example.com"]);
    let server = Server::start(dir.path(), None);
    smtp(&db, server.port);
    let id = rule(dir.path(), &db, CAMPAIGN);
    let plan = json(&laoke(&db, &["care", "plan", "--from", "2026-12-10", "--to", "2026-12-10", "--json"]));
    let messages = plan["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    for field in ["key", "customer_id", "rule_id", "due", "channel", "to", "priority", "status", "reason", "text"] {
        assert!(messages[0].get(field).is_some(), "{field} in {}", messages[0]);
    }
    assert_eq!(messages[0]["due"], "2026-12-10T10:00:00+08:00");
    assert_eq!(messages[0]["rule_id"], id);

    let report = json(&laoke(&db, &["care", "send-email", "--date", "2026-12-10", "--json"]));
    assert_eq!(report["sent"], 2, "{report}");
    assert_eq!(report["ambiguous"], 0);
    let failed = report["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["error"].as_str().unwrap().contains("550"), "{failed:?}");

    let got = server.received();
    assert_eq!(got.len(), 2);
    let amy = got.iter().find(|m| m["to"][0] == "amy@example.com").unwrap();
    assert_eq!(amy["subject"], "Winter tea for amy@example.com");
    assert_eq!(amy["content_type"], "text/plain");
    assert_eq!(
        amy["body"].as_str().unwrap().trim_end(),
        "Hi amy@example.com, the winter oolong is in. <b>not markup</b> Maple & Tea"
    );
    assert_eq!(amy["list_unsubscribe"], "<mailto:shop@maple.test?subject=unsubscribe>");
    assert_eq!(amy["mail_from"], "shop@maple.test");
    let key = messages.iter().find(|m| m["to"] == "amy@example.com").unwrap()["key"].as_str().unwrap().to_owned();
    let expected_id = format!("<laoke.{}@maple.test>", key.replace(':', "."));
    assert_eq!(amy["message_id"], expected_id.as_str());

    // Again: nothing is sent twice, the refused one stays failed.
    let again = json(&laoke(&db, &["care", "send-email", "--date", "2026-12-10", "--json"]));
    assert_eq!((again["sent"].as_u64(), again["failed"].as_array().map(Vec::len)), (Some(0), Some(0)));
    assert_eq!(server.received().len(), 2);
    let s = statuses(&db, "2026-12-10");
    assert!(s.iter().any(|(to, st, _)| to == "reject.me@example.com" && st == "failed"), "{s:?}");
    assert_eq!(s.iter().filter(|(_, st, _)| st == "sent").count(), 2);
}

#[test]
fn a_refused_login_fails_every_message_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com", "bo@example.com"]);
    let server = Server::start(dir.path(), None);
    smtp(&db, server.port);
    rule(dir.path(), &db, CAMPAIGN);
    let out = laoke_cmd(&db, &["care", "send-email", "--date", "2026-12-10", "--json"])
        .env("LAOKE_SMTP_PASSWORD", "wrong")
        .output()
        .unwrap();
    let report = json(&out);
    assert_eq!(report["sent"], 0);
    let failed = report["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 2);
    assert!(failed.iter().all(|f| f["error"].as_str().unwrap().contains("535")), "{failed:?}");
    assert!(server.received().is_empty());
    // Without any password the server is not even called.
    let out = laoke_cmd(&db, &["care", "send-email", "--date", "2026-12-10", "--json"])
        .env_remove("LAOKE_SMTP_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(json(&out)["error"]["code"], "email.no_password");
}

#[test]
fn a_sender_killed_mid_send_leaves_one_message_ambiguous_and_sends_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com", "stall@example.com", "zoe@example.com"]);
    let stalled = dir.path().join("stalled");
    let server = Server::start(dir.path(), Some(&stalled));
    smtp(&db, server.port);
    rule(dir.path(), &db, CAMPAIGN);
    laoke(&db, &["care", "plan", "--from", "2026-12-10", "--to", "2026-12-10"]);
    let mut sender = laoke_cmd(&db, &["care", "send-email", "--date", "2026-12-10", "--json"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !stalled.exists() {
        assert!(start.elapsed() < Duration::from_secs(30), "the stalled message reached the server");
        std::thread::sleep(Duration::from_millis(20));
    }
    sender.kill().unwrap();
    sender.wait().unwrap();
    let s = statuses(&db, "2026-12-10");
    let of = |to: &str| s.iter().find(|(t, _, _)| t == to).unwrap().1.clone();
    // Messages go out in key order: amy, stall, zoe.
    assert_eq!(
        (of("amy@example.com"), of("stall@example.com"), of("zoe@example.com")),
        ("sent".into(), "ambiguous".into(), "planned".into())
    );

    let report = json(&laoke(&db, &["care", "send-email", "--date", "2026-12-10", "--json"]));
    assert_eq!((report["sent"].as_u64(), report["ambiguous"].as_u64()), (Some(1), Some(1)), "{report}");
    let got = server.received();
    let mut ids: Vec<&str> = got.iter().map(|m| m["message_id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "no message arrived twice: {got:?}");
    assert_eq!(n, 3, "amy, the stalled one (received, unconfirmed) and zoe");
}

#[test]
fn bulk_dnd_from_the_command_line_wins_over_every_rule_and_rows_carry_the_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com", "bo@example.com"]);
    rule(dir.path(), &db, CAMPAIGN);
    let rows = json(&laoke(&db, &["customers", "--json"]));
    let amy =
        rows["customers"].as_array().unwrap().iter().find(|c| c["buyer_id"] == "amy@example.com").unwrap().clone();
    for field in ["email", "phone", "birthday", "birthday_lunar", "dnd"] {
        assert!(amy.get(field).is_some(), "{field} in {amy}");
    }
    assert_eq!((amy["email"].as_str(), amy["dnd"].as_bool()), (Some("amy@example.com"), Some(false)));

    let out = json(&laoke(&db, &["customers", "bulk", "--filter", "nick~amy", "--dnd", "on", "--json"]));
    assert_eq!(out["customers"], 1);
    let plan = json(&laoke(&db, &["care", "plan", "--from", "2026-12-10", "--to", "2026-12-10", "--json"]));
    let reasons: Vec<(&str, &str)> = plan["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["to"].as_str().unwrap_or(""), m["reason"].as_str().unwrap_or("")))
        .collect();
    assert!(reasons.contains(&("bo@example.com", "")), "{reasons:?}");
    assert!(reasons.iter().any(|(_, r)| *r == "dnd"), "{reasons:?}");
    let again = json(&laoke(&db, &["customers", "bulk", "--filter", "nick~amy", "--dnd", "on", "--json"]));
    assert_eq!(again["customers"], 0, "already on");
    let bad = laoke(&db, &["customers", "bulk", "--dnd", "maybe", "--json"]);
    assert_eq!(json(&bad)["error"]["code"], "customers.bulk_dnd");

    // Care settings are checked when set.
    let out = laoke(&db, &["settings", "--set", "care.quiet_start=25:00", "--json"]);
    assert_eq!(
        (out.status.code(), json(&out)["error"]["code"].as_str()),
        (Some(1), Some("settings.quiet_hours_invalid"))
    );
    let out =
        json(&laoke(&db, &["settings", "--set", "care.max_per_week=3", "--set", "care.quiet_end=08:30", "--json"]));
    assert_eq!((out["care"]["max_per_week"].as_u64(), out["care"]["quiet_end"].as_str()), (Some(3), Some("08:30")));
}

#[test]
fn the_worklist_copies_and_the_sms_list_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com"]);
    // Shopify buyers have no Wangwang; an SMS rule needs their phone, as the seller types it in the profile.
    let mut store = laoke_store::Store::open(&db).unwrap();
    let edit = laoke_core::dto::ProfileEdit {
        name: None,
        phone: Some("13800001111".into()),
        email: Some("amy@example.com".into()),
        wechat: None,
        province: None,
        city: None,
        address: None,
        birthday: None,
        birthday_lunar: false,
        gender: None,
        hobbies: None,
        dnd: false,
    };
    store.update_profile(1, &edit, chrono::Utc::now()).unwrap();
    drop(store);
    assert!(laoke(&db, &["settings", "--set", "shop_name=枫茶", "--json"]).status.success());
    rule(
        dir.path(),
        &db,
        r#"{"name": "短信", "trigger": {"kind": "campaign", "date": "2026-12-10"}, "channel": "sms",
            "send_at": "10:00", "template": "{nick}，冬茶到了"}"#,
    );
    // Into a folder that is gone: the file is named with the cause, and the message stays planned.
    let gone = dir.path().join("unplugged").join("sms.csv");
    let failed =
        json(&laoke(&db, &["care", "export-sms", "--date", "2026-12-10", "--out", gone.to_str().unwrap(), "--json"]));
    assert_eq!(failed["error"]["code"], "export.write_failed", "{failed}");
    assert_eq!(failed["error"]["details"]["cause"], "not_found", "{failed}");
    assert_eq!(statuses(&db, "2026-12-10")[0].1, "planned");
    let file = dir.path().join("sms.csv");
    let out =
        json(&laoke(&db, &["care", "export-sms", "--date", "2026-12-10", "--out", file.to_str().unwrap(), "--json"]));
    assert_eq!(out["exported"], 1);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert_eq!(csv, "phone,text\n13800001111,【枫茶】amy@example.com，冬茶到了 回T退订\n");
    let again =
        json(&laoke(&db, &["care", "export-sms", "--date", "2026-12-10", "--out", file.to_str().unwrap(), "--json"]));
    assert_eq!(again["exported"], 0, "an exported message is not exported twice");
    let s = statuses(&db, "2026-12-10");
    assert_eq!(s[0].1, "exported");
    let copy = laoke(&db, &["care", "mark-copied", &s[0].2, "--json"]);
    assert_eq!(json(&copy)["error"]["code"], "care.message_not_planned");
}

#[test]
fn a_server_that_stops_answering_fails_that_message_and_the_round_goes_on() {
    // The server holds the second message's DATA for a minute; the sender gives up after
    // its timeout, marks that message failed (never sent) and sends the next one.
    let dir = tempfile::tempdir().unwrap();
    let db = shop(dir.path(), &["amy@example.com", "stall@example.com", "zoe@example.com"]);
    let stalled = dir.path().join("stalled");
    let server = Server::start(dir.path(), Some(&stalled));
    smtp(&db, server.port);
    rule(dir.path(), &db, CAMPAIGN);
    let report = json(&laoke(&db, &["care", "send-email", "--date", "2026-12-10", "--json"]));
    let failed = report["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{report}");
    assert!(
        failed[0]["error"].as_str().unwrap().to_lowercase().contains("timed out")
            || failed[0]["error"].as_str().unwrap().contains("os error 11"),
        "{failed:?}"
    );
    let s = statuses(&db, "2026-12-10");
    let of = |to: &str| s.iter().find(|(t, _, _)| t == to).unwrap().1.clone();
    assert_eq!((of("amy@example.com"), of("stall@example.com")), ("sent".into(), "failed".into()));
    // Each message has its own connection: the next one is not held up.
    assert_eq!(of("zoe@example.com"), "sent", "{s:?}");
}
