//! The `care_rules` table and the rule use cases: add, edit, switch on or off,
//! delete. A rule is checked whole before it is saved (the core's checks, then
//! what only the archive knows: that its segment exists, that an SMS rule has a
//! signature to sign with). Editing or deleting a rule drops the messages it
//! planned that have not gone out, so the next plan makes them afresh; what
//! went out stays in the outbox (and keeps counting against the caps).

use crate::targets::Missing;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use laoke_core::care::{self, CareError, CheckedRule};
use laoke_core::dto::{CareRule, Channel};
use rusqlite::{params, Connection, OptionalExtension};

fn read(id: i64, body: &str, enabled: bool) -> Result<CareRule> {
    let mut rule: CareRule = serde_json::from_str(body).map_err(|_| StoreError::Corrupt {
        table: "care_rules",
        column: "body",
        value: body.to_owned(),
    })?;
    rule.id = Some(id);
    rule.enabled = enabled;
    Ok(rule)
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<CareRule>> {
    let mut stmt = conn.prepare("SELECT id, body, enabled FROM care_rules ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read(r.get(0)?, &r.get::<_, String>(1)?, r.get(2)?)?);
    }
    Ok(out)
}

/// Drops what a rule planned that has not gone out.
pub(crate) fn forget_open_messages(conn: &Connection, rule_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM care_messages WHERE rule_id = ?1 AND (status = 'planned' OR status = 'skipped')",
        [rule_id],
    )?;
    Ok(())
}

impl Store {
    /// The rule with `{coupon}` saying its coupon plan's offer, where it names a plan
    /// and has no coupon text of its own.
    pub(crate) fn with_coupon_offer(&self, mut rule: CareRule) -> Result<CareRule> {
        if let Some(id) = rule.coupon_plan {
            let plan = self.coupon_plan(id).map_err(|_| CareError::UnknownCouponPlan { id })?;
            if rule.coupon.as_deref().is_none_or(|c| c.trim().is_empty()) {
                rule.coupon = Some(laoke_core::coupon::offer(&plan, self.english()?));
            }
        }
        Ok(rule)
    }

    pub fn care_rules(&self) -> Result<Vec<CareRule>> {
        all(&self.conn)
    }

    pub fn care_rule(&self, id: i64) -> Result<CareRule> {
        let row: Option<(String, bool)> = self
            .conn
            .query_row("SELECT body, enabled FROM care_rules WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (body, enabled) = row.ok_or(CareError::RuleNotFound { id })?;
        read(id, &body, enabled)
    }

    /// Checks a rule as it would be saved (the rule editor asks as it is typed).
    pub fn check_care_rule(&self, rule: &CareRule) -> Result<CheckedRule> {
        let rule = &self.with_coupon_offer(rule.clone())?;
        let checked = care::check(rule, &self.shop_dates()?)?;
        if let Some(target) = &rule.target {
            match self.check_target(target)? {
                Ok(()) => {}
                Err(Missing::Segment(name)) => return Err(CareError::UnknownSegment { name }.into()),
                Err(Missing::Tier(name)) => return Err(CareError::UnknownTier { name }.into()),
            }
        }
        if rule.channel == Channel::Sms {
            let s = self.settings()?;
            if s.care.sms_signature.trim().is_empty() && s.shop_name.trim().is_empty() {
                return Err(CareError::SmsSignatureMissing.into());
            }
        }
        Ok(checked)
    }

    /// Saves a new rule (its `id` is ignored) and returns it with its id.
    pub fn add_care_rule(&mut self, rule: &CareRule, now: DateTime<Utc>) -> Result<CareRule> {
        self.check_care_rule(rule)?;
        let now = laoke_core::time::to_stored(now);
        let body = serde_json::to_string(&CareRule { id: None, ..rule.clone() }).unwrap_or_default();
        self.conn.execute(
            "INSERT INTO care_rules (name, body, enabled, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![rule.name.trim(), body, rule.enabled, now],
        )?;
        self.care_rule(self.conn.last_insert_rowid())
    }

    /// Replaces rule `id`; what it planned and has not gone out is planned again.
    pub fn update_care_rule(&mut self, id: i64, rule: &CareRule, now: DateTime<Utc>) -> Result<CareRule> {
        self.care_rule(id)?;
        self.check_care_rule(rule)?;
        let now = laoke_core::time::to_stored(now);
        let body = serde_json::to_string(&CareRule { id: None, ..rule.clone() }).unwrap_or_default();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE care_rules SET name = ?2, body = ?3, enabled = ?4, revision = revision + 1, updated_at = ?5
             WHERE id = ?1",
            params![id, rule.name.trim(), body, rule.enabled, now],
        )?;
        forget_open_messages(&tx, id)?;
        tx.commit()?;
        self.care_rule(id)
    }

    /// Switches a rule on or off; a rule switched off keeps nothing planned.
    pub fn set_care_rule_enabled(&mut self, id: i64, enabled: bool, now: DateTime<Utc>) -> Result<CareRule> {
        let rule = self.care_rule(id)?;
        self.update_care_rule(id, &CareRule { enabled, ..rule }, now)
    }

    /// Deletes a rule and what it planned; the messages that went out stay (without their rule).
    pub fn delete_care_rule(&mut self, id: i64) -> Result<()> {
        self.care_rule(id)?;
        let tx = self.conn.transaction()?;
        forget_open_messages(&tx, id)?;
        tx.execute("DELETE FROM care_rules WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use laoke_core::ErrorCode;

    fn t() -> DateTime<Utc> {
        "2026-12-01T00:00:00Z".parse().unwrap()
    }

    fn rule(json: &str) -> CareRule {
        care::parse(json).unwrap()
    }

    const BIRTHDAY: &str = r#"{"name": "生日祝福", "trigger": {"kind": "birthday"}, "channel": "email",
        "send_at": "10:00", "template": "{nick}，生日快乐！"}"#;

    #[test]
    fn add_edit_switch_and_delete() {
        let mut s = Store::open_in_memory().unwrap();
        let r = s.add_care_rule(&rule(BIRTHDAY), t()).unwrap();
        assert_eq!((r.id, r.enabled, r.name.as_str()), (Some(1), true, "生日祝福"));
        let off = s.set_care_rule_enabled(1, false, t()).unwrap();
        assert!(!off.enabled);
        assert_eq!(s.care_rules().unwrap(), vec![off]);
        s.delete_care_rule(1).unwrap();
        assert!(s.care_rules().unwrap().is_empty());
        assert_eq!(s.delete_care_rule(1).unwrap_err().code(), "care.rule_not_found");
    }

    #[test]
    fn what_only_the_archive_knows_is_checked_too() {
        let mut s = Store::open_in_memory().unwrap();
        let mut r = rule(BIRTHDAY);
        r.target = Some(laoke_core::dto::Target::Segment("没有这个分组".into()));
        let e = s.add_care_rule(&r, t()).unwrap_err();
        assert_eq!((e.code(), e.details()["name"].as_str()), ("care.unknown_segment", Some("没有这个分组")));
        let sms = CareRule { channel: Channel::Sms, ..rule(BIRTHDAY) };
        assert_eq!(s.add_care_rule(&sms, t()).unwrap_err().code(), "care.sms_signature_missing");
        assert!(s.care_rules().unwrap().is_empty(), "nothing was saved");
        let settings = laoke_core::dto::Settings { shop_name: "老客茶铺".into(), ..s.settings().unwrap() };
        s.update_settings(&settings).unwrap();
        assert!(s.add_care_rule(&sms, t()).is_ok());
    }
}
