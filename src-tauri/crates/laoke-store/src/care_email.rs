//! Sending care email through the shop's own mail server, exactly once.
//!
//! Each message's attempt is written and committed (status `ambiguous`, the
//! attempt's time) before the message is handed to the server; the server's
//! answer then makes it `sent` or `failed`. A process killed in between leaves
//! the message `ambiguous`: the seller sees it, and nothing sends it again by
//! itself. Running again sends only what was never attempted. Listmonk, which
//! keeps a position in a list instead, resends after a pause or an SMTP error;
//! a record per message cannot.
//!
//! Each email is plain text, its Message-ID made from the message key (a resend
//! by hand is recognizably the same message), with a `List-Unsubscribe` mailto
//! to the shop's own address: an opt-out the seller records becomes DND.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use laoke_core::dto::{EmailReport, FailedEmail, SmtpSecurity, SmtpSettings};
use laoke_core::time::to_stored;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use rusqlite::params;
use std::time::Duration;

/// How long one exchange with the mail server may take before the message fails.
const SERVER_TIMEOUT: Duration = Duration::from_secs(20);

/// Why email cannot be sent at all (nothing was attempted).
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "email.", serialize_all = "snake_case")]
pub enum EmailError {
    #[error("no mail server is set (smtp.host and smtp.from)")]
    NotConfigured,
    #[error("the mail server {host:?} cannot be used: {reason}")]
    ServerInvalid { host: String, reason: String },
    #[error("no password for {user} on {host}: save it in Settings (the OS keychain) or set LAOKE_SMTP_PASSWORD")]
    NoPassword { user: String, host: String },
    #[error("the test email was not accepted: {reply}")]
    TestFailed { reply: String },
}

laoke_core::coded_errors!(EmailError);

#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> std::result::Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// The transport for `smtp`, with the password when it has a user.
fn transport(smtp: &SmtpSettings, password: Option<&str>) -> Result<SmtpTransport> {
    let host = smtp.host.trim();
    let invalid =
        |e: lettre::transport::smtp::Error| EmailError::ServerInvalid { host: host.to_owned(), reason: e.to_string() };
    let builder = match smtp.security {
        SmtpSecurity::None => SmtpTransport::builder_dangerous(host),
        SmtpSecurity::Starttls => SmtpTransport::starttls_relay(host).map_err(invalid)?,
        SmtpSecurity::Tls => SmtpTransport::relay(host).map_err(invalid)?,
    };
    let mut builder = builder.port(smtp.port).timeout(Some(SERVER_TIMEOUT));
    if !smtp.user.trim().is_empty() {
        let password =
            password.ok_or_else(|| EmailError::NoPassword { user: smtp.user.clone(), host: host.to_owned() })?;
        builder = builder.credentials(Credentials::new(smtp.user.trim().to_owned(), password.to_owned()));
    }
    Ok(builder.build())
}

/// A message key as the left part of a Message-ID (no `:` there).
fn message_id(key: &str, from: &Mailbox) -> String {
    let left: String = key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '.' }).collect();
    format!("<laoke.{left}@{}>", from.email.domain())
}

/// One email, or why it cannot be written (a recipient that is no address).
fn email(from: &Mailbox, to: &str, subject: &str, text: &str, key: &str) -> std::result::Result<Message, String> {
    let to: Mailbox = to.parse().map_err(|e: lettre::address::AddressError| format!("{to:?}: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id(key, from)))
        .header(ListUnsubscribe(format!("<mailto:{}?subject=unsubscribe>", from.email)))
        .header(ContentType::TEXT_PLAIN)
        .body(text.to_owned())
        .map_err(|e| e.to_string())
}

/// Which planned email of a day to send.
#[derive(Debug, Clone, Copy)]
pub struct EmailRound {
    pub day: NaiveDate,
    /// Only messages due by then (the scheduler); None: the whole day (the seller asked).
    pub due_by: Option<DateTime<Utc>>,
    /// Only the messages of rules that send by themselves (the scheduler).
    pub auto_only: bool,
}

impl Store {
    /// The sender and the transport of the saved SMTP settings.
    fn mailer(&self, password: Option<&str>) -> Result<(Mailbox, SmtpTransport)> {
        let smtp = self.settings()?.smtp;
        if smtp.host.trim().is_empty() || smtp.from.trim().is_empty() {
            return Err(EmailError::NotConfigured.into());
        }
        let from: Mailbox =
            smtp.from.trim().parse().map_err(|_| crate::EditError::SmtpFromInvalid { value: smtp.from.clone() })?;
        Ok((from, transport(&smtp, password)?))
    }

    /// Sends the round's planned email; `password` is the SMTP password when the
    /// server needs one, `now` stamps each attempt.
    pub fn send_care_email(
        &mut self,
        round: EmailRound,
        password: Option<&str>,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<EmailReport> {
        let (from, mailer) = self.mailer(password)?;
        let day = round.day.to_string();
        let due_by = round.due_by.map(to_stored).unwrap_or_else(|| "9999".into());
        // key, recipient, text, subject, the rule's JSON.
        type Waiting = (String, Option<String>, String, Option<String>, String);
        let waiting: Vec<Waiting> = {
            let mut stmt = self.conn.prepare(
                "SELECT m.key, m.recipient, m.text, m.subject, coalesce(r.body, '{}') FROM care_messages m
                 LEFT JOIN care_rules r ON r.id = m.rule_id
                 WHERE m.day = ?1 AND m.channel = 'email' AND m.status = 'planned' AND m.due <= ?2
                 ORDER BY m.due, m.key",
            )?;
            let rows =
                stmt.query_map(params![day, due_by], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut report = EmailReport::default();
        for (key, to, text, subject, rule) in waiting {
            if round.auto_only
                && !serde_json::from_str::<serde_json::Value>(&rule).is_ok_and(|r| r["auto_send"] == true)
            {
                continue;
            }
            // The attempt is on disk before the server hears of the message.
            let claimed = self.conn.execute(
                "UPDATE care_messages SET status = 'ambiguous', attempted_at = ?2, updated_at = ?2
                 WHERE key = ?1 AND status = 'planned'",
                params![key, to_stored(now())],
            )?;
            if claimed == 0 {
                continue;
            }
            let outcome =
                email(&from, to.as_deref().unwrap_or_default(), subject.as_deref().unwrap_or_default(), &text, &key)
                    .and_then(|m| mailer.send(&m).map(|_| ()).map_err(|e| e.to_string()));
            let (status, error) = match &outcome {
                Ok(()) => ("sent", None),
                Err(e) => ("failed", Some(e.clone())),
            };
            self.conn.execute(
                "UPDATE care_messages SET status = ?2, error = ?3, done_at = ?4, updated_at = ?4 WHERE key = ?1",
                params![key, status, error, to_stored(now())],
            )?;
            match outcome {
                Ok(()) => report.sent += 1,
                Err(error) => report.failed.push(FailedEmail { key, error }),
            }
        }
        report.ambiguous = self.conn.query_row(
            "SELECT count(*) FROM care_messages WHERE day = ?1 AND channel = 'email' AND status = 'ambiguous'",
            [&day],
            |r| r.get(0),
        )?;
        Ok(report)
    }

    /// Sends one email to `to` through the saved settings (the Care page's "send a
    /// test email"); the subject and text come from the UI, in the seller's language.
    pub fn send_test_email(&self, to: &str, subject: &str, text: &str, password: Option<&str>) -> Result<()> {
        let (from, mailer) = self.mailer(password)?;
        let key = format!("test:{}", Utc::now().timestamp());
        email(&from, to.trim(), subject, text, &key)
            .and_then(|m| mailer.send(&m).map(|_| ()).map_err(|e| e.to_string()))
            .map_err(|reply| EmailError::TestFailed { reply }.into())
    }

    /// Puts failed messages back to planned, for the seller's "try again".
    pub fn retry_care_messages(&mut self, keys: &[String], now: DateTime<Utc>) -> Result<u32> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for key in keys {
            n += tx.execute(
                "UPDATE care_messages SET status = 'planned', error = NULL, attempted_at = NULL, done_at = NULL,
                     updated_at = ?2
                 WHERE key = ?1 AND status = 'failed'",
                params![key, to_stored(now)],
            )? as u32;
        }
        tx.commit()?;
        Ok(n)
    }
}

impl From<EmailError> for StoreError {
    fn from(e: EmailError) -> Self {
        StoreError::Email(e)
    }
}
