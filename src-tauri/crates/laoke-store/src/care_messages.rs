//! The `care_messages` table, the outbox: every message planned, skipped,
//! copied, exported, sent, failed or possibly sent, one row per key. Planning
//! writes here through [`store_plan`], which never touches a message that has
//! gone out; the worklist reads here; copying, exporting and sending move a
//! message on, each in its own transaction.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use laoke_core::care::guard::Counted;
use laoke_core::care::plan::{Kept, Planned};
use laoke_core::dto::{CareMessage, Channel, MessageStatus, Priority};
use laoke_core::time::{from_stored, to_stored};
use rusqlite::{params, Connection, Row};
use std::collections::{HashMap, HashSet};

/// Columns of [`read`], with the customer's nick and the rule's name.
const COLUMNS: &str =
    "m.key, m.customer_id, m.rule_id, r.name, c.nick, m.due, m.day, m.channel, m.recipient, m.priority,
    m.status, m.reason, m.displaced_by, m.subject, m.text, m.error";
const FROM: &str =
    "care_messages m JOIN customers c ON c.id = m.customer_id LEFT JOIN care_rules r ON r.id = m.rule_id";

fn parsed<T: std::str::FromStr>(column: &'static str, text: String) -> Result<T> {
    text.parse().map_err(|_| StoreError::Corrupt { table: "care_messages", column, value: text })
}

fn read(r: &Row<'_>, tz: chrono_tz::Tz) -> Result<CareMessage> {
    let due: String = r.get(5)?;
    let due = from_stored(&due).ok_or_else(|| StoreError::Corrupt {
        table: "care_messages",
        column: "due",
        value: due.clone(),
    })?;
    Ok(CareMessage {
        key: r.get(0)?,
        customer_id: r.get(1)?,
        rule_id: r.get(2)?,
        rule_name: r.get(3)?,
        nick: r.get(4)?,
        due: due.with_timezone(&tz).to_rfc3339(),
        day: parsed("day", r.get(6)?)?,
        channel: parsed("channel", r.get(7)?)?,
        to: r.get(8)?,
        priority: parsed("priority", r.get(9)?)?,
        status: parsed("status", r.get(10)?)?,
        reason: r.get::<_, Option<String>>(11)?.map(|t| parsed("reason", t)).transpose()?,
        displaced_by: r.get(12)?,
        subject: r.get(13)?,
        text: r.get(14)?,
        error: r.get(15)?,
    })
}

/// The messages of days `from..=to`, by due time, optionally of one status.
pub(crate) fn of_days(
    conn: &Connection,
    tz: chrono_tz::Tz,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CareMessage>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE m.day >= ?1 AND m.day <= ?2 ORDER BY m.due, m.key"
    ))?;
    let mut rows = stmt.query(params![from.to_string(), to.to_string()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read(r, tz)?);
    }
    Ok(out)
}

/// One message by key.
pub(crate) fn by_key(conn: &Connection, tz: chrono_tz::Tz, key: &str) -> Result<Option<CareMessage>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM {FROM} WHERE m.key = ?1"))?;
    let mut rows = stmt.query([key])?;
    rows.next()?.map(|r| read(r, tz)).transpose()
}

/// What the outbox already holds around some days: the keys that have gone out
/// (never planned again), the open messages (kept as planned: due, subject,
/// text; rewritten only when their verdict changes), the open messages of
/// rules in the days being planned (removed when the plan no longer makes
/// them), and everything that counts against the caps.
pub(crate) struct Held {
    pub out: HashSet<String>,
    pub open: HashMap<String, Kept>,
    pub replanned: Vec<String>,
    pub counted: Vec<Counted>,
}

/// `from..=to` are the days being planned; what is held is read from a week
/// before them to `spill` days after (messages moved by quiet hours or holidays).
pub(crate) fn held(conn: &Connection, from: NaiveDate, to: NaiveDate, spill: u64) -> Result<Held> {
    let mut held = Held { out: HashSet::new(), open: HashMap::new(), replanned: Vec::new(), counted: Vec::new() };
    let (read_from, read_to) = (from - chrono::Days::new(7), to + chrono::Days::new(spill + 7));
    let mut stmt = conn.prepare_cached(
        "SELECT key, customer_id, day, priority, channel, recipient, status, due, subject, text, reason, displaced_by,
                rule_id IS NOT NULL
         FROM care_messages WHERE day >= ?1 AND day <= ?2",
    )?;
    let mut rows = stmt.query(params![read_from.to_string(), read_to.to_string()])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let status: MessageStatus = parsed("status", r.get(6)?)?;
        let day: NaiveDate = parsed("day", r.get(2)?)?;
        // A rule's planned message of the days being planned is decided again (or
        // dropped) by this plan: it counts only if the plan makes it again.
        let by_rule: bool = r.get(12)?;
        let replanned = status.is_open() && day >= from && day <= to && by_rule;
        if status == MessageStatus::Planned && !replanned || status.is_out() {
            held.counted.push(Counted {
                key: key.clone(),
                customer_id: r.get(1)?,
                day,
                priority: parsed::<Priority>("priority", r.get(3)?)?,
                channel: parsed::<Channel>("channel", r.get(4)?)?,
                to: r.get(5)?,
            });
        }
        if status.is_open() {
            let due: String = r.get(7)?;
            if let Some(due) = from_stored(&due) {
                let kept = Kept {
                    due,
                    subject: r.get(8)?,
                    text: r.get(9)?,
                    to: r.get(5)?,
                    status,
                    reason: r.get::<_, Option<String>>(10)?.map(|t| parsed("reason", t)).transpose()?,
                    displaced_by: r.get(11)?,
                };
                held.open.insert(key.clone(), kept);
            }
            if replanned {
                held.replanned.push(key);
            }
        } else if status.is_out() || status == MessageStatus::Failed {
            held.out.insert(key);
        }
    }
    Ok(held)
}

/// Writes a plan for the days `held` was read for: new messages are inserted,
/// open ones whose address or verdict changed are updated (their text and due
/// time stay), open ones the plan no longer makes are removed, and nothing
/// that went out is touched. An unchanged message is not written at all, so
/// planning the same days again writes nothing.
pub(crate) fn store_plan(conn: &Connection, plan: &[Planned], held: &Held, now: DateTime<Utc>) -> Result<()> {
    let now = to_stored(now);
    let mut insert = conn.prepare_cached(
        "INSERT INTO care_messages (key, customer_id, rule_id, due, day, channel, recipient, priority, status, reason,
             displaced_by, subject, text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
         ON CONFLICT (key) DO NOTHING",
    )?;
    let mut update = conn.prepare_cached(
        "UPDATE care_messages SET recipient = ?2, status = ?3, reason = ?4, displaced_by = ?5, updated_at = ?6
         WHERE key = ?1 AND (status = 'planned' OR status = 'skipped')",
    )?;
    // A key held outside the days read (the time zone changed since) is left as it is.
    for m in plan {
        match held.open.get(&m.key) {
            Some(kept) if m.is_kept_as(kept) => {}
            Some(_) => {
                let reason = m.reason.map(<&str>::from);
                update.execute(params![m.key, m.to, <&str>::from(m.status), reason, m.displaced_by, now])?;
            }
            None => {
                insert.execute(params![
                    m.key,
                    m.customer_id,
                    m.rule_id,
                    to_stored(m.due),
                    m.day.to_string(),
                    <&str>::from(m.channel),
                    m.to,
                    <&str>::from(m.priority),
                    <&str>::from(m.status),
                    m.reason.map(<&str>::from),
                    m.displaced_by,
                    m.subject,
                    m.text,
                    now,
                ])?;
            }
        }
    }
    // Open messages of a rule in these days that the plan no longer makes: the
    // customer left the target, the order was paid, the rule was switched off.
    let planned: HashSet<&str> = plan.iter().map(|m| m.key.as_str()).collect();
    let mut delete =
        conn.prepare_cached("DELETE FROM care_messages WHERE key = ?1 AND (status = 'planned' OR status = 'skipped')")?;
    for key in held.replanned.iter().filter(|k| !planned.contains(k.as_str())) {
        delete.execute([key])?;
    }
    Ok(())
}

/// The key of a message the seller sent by hand.
fn manual_key(customer_id: i64, now: DateTime<Utc>, n: i64) -> String {
    format!("manual:c{customer_id}:{}:{n}", now.timestamp())
}

impl Store {
    /// The messages of days `from..=to` as they stand, without planning.
    pub fn care_messages(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CareMessage>> {
        of_days(&self.conn, self.timezone()?, from, to)
    }

    /// How many of today's messages (shop time) are due by `now` and still
    /// waiting for the seller: the Care menu's badge and the notification.
    pub fn care_due(&self, now: DateTime<Utc>) -> Result<u32> {
        let today = laoke_core::time::local_date(now, self.timezone()?);
        // Stored instants are fixed-width UTC text: they compare as text.
        Ok(self.conn.query_row(
            "SELECT count(*) FROM care_messages WHERE day = ?1 AND status = 'planned' AND due <= ?2",
            params![today.to_string(), to_stored(now)],
            |r| r.get(0),
        )?)
    }

    /// Marks planned Wangwang/WeChat messages as copied (they count as sent);
    /// returns them. A key that is unknown or not planned changes nothing.
    pub fn mark_copied(&mut self, keys: &[String], now: DateTime<Utc>) -> Result<Vec<CareMessage>> {
        self.move_on(keys, MessageStatus::Copied, now)
    }

    /// Writes the planned SMS of `day` as a CSV an SMS platform imports (`phone,text`)
    /// and marks them exported, all or none: the file is written and flushed inside
    /// the transaction, which commits only when it is complete (a failed write
    /// leaves every message planned, and no half file).
    pub fn export_sms(
        &mut self,
        day: NaiveDate,
        path: &std::path::Path,
        now: DateTime<Utc>,
    ) -> Result<Vec<CareMessage>> {
        let tz = self.timezone()?;
        let file_error = |e: std::io::Error| crate::export::sheet::write_error(path, e);
        let tx = self.conn.transaction()?;
        let messages: Vec<CareMessage> = of_days(&tx, tz, day, day)?
            .into_iter()
            .filter(|m| m.channel == Channel::Sms && m.status == MessageStatus::Planned && m.to.is_some())
            .collect();
        let partial = path.with_extension("partial");
        let written = (|| -> std::io::Result<()> {
            let mut out = csv::Writer::from_writer(std::fs::File::create(&partial)?);
            out.write_record(["phone", "text"])?;
            for m in &messages {
                out.write_record([m.to.as_deref().unwrap_or_default(), m.text.as_str()])?;
            }
            out.into_inner().map_err(|e| e.into_error())?.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(file_error(e));
        }
        let stamp = to_stored(now);
        for m in &messages {
            tx.execute(
                "UPDATE care_messages SET status = 'exported', done_at = ?2, updated_at = ?2 WHERE key = ?1",
                params![m.key, stamp],
            )?;
        }
        std::fs::rename(&partial, path).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            file_error(e)
        })?;
        // The list is in place: should the commit fail (a full disk), it goes, as the messages stay planned.
        tx.commit().inspect_err(|_| {
            let _ = std::fs::remove_file(path);
        })?;
        Ok(messages.into_iter().map(|m| CareMessage { status: MessageStatus::Exported, ..m }).collect())
    }

    /// Moves planned messages to `status`, all or none.
    fn move_on(&mut self, keys: &[String], status: MessageStatus, now: DateTime<Utc>) -> Result<Vec<CareMessage>> {
        let tz = self.timezone()?;
        let tx = self.conn.transaction()?;
        let mut out = Vec::new();
        for key in keys {
            let m = by_key(&tx, tz, key)?
                .ok_or_else(|| laoke_core::care::CareError::MessageNotFound { key: key.clone() })?;
            if m.status != MessageStatus::Planned {
                return Err(
                    laoke_core::care::CareError::MessageNotPlanned { key: key.clone(), status: m.status }.into()
                );
            }
            tx.execute(
                "UPDATE care_messages SET status = ?2, done_at = ?3, updated_at = ?3 WHERE key = ?1",
                params![key, <&str>::from(status), to_stored(now)],
            )?;
            out.push(CareMessage { status, ..m });
        }
        tx.commit()?;
        Ok(out)
    }

    /// Records a message the seller sent by hand (it counts against the caps).
    pub fn record_manual_message(
        &mut self,
        customer_id: i64,
        channel: Channel,
        priority: Priority,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<CareMessage> {
        let tz = self.timezone()?;
        crate::persons::person_of_customer(&self.conn, customer_id)?
            .ok_or(StoreError::CustomerNotFound { id: customer_id })?;
        let day = laoke_core::time::local_date(now, tz);
        let stamp = to_stored(now);
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM care_messages WHERE customer_id = ?1 AND rule_id IS NULL",
            [customer_id],
            |r| r.get(0),
        )?;
        let key = manual_key(customer_id, now, n + 1);
        self.conn.execute(
            "INSERT INTO care_messages (key, customer_id, due, day, channel, priority, status, text, done_at,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'sent', ?7, ?3, ?3, ?3)",
            params![key, customer_id, stamp, day.to_string(), <&str>::from(channel), <&str>::from(priority), text],
        )?;
        by_key(&self.conn, tz, &key)?.ok_or(laoke_core::care::CareError::MessageNotFound { key }.into())
    }
}
