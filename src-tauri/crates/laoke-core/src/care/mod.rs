//! Care messages: the rules a seller writes ("a birthday greeting at 10:00 by
//! email"), the template language their texts are written in, what an SMS
//! costs, the guards every message passes and the planning that turns rules
//! into dated messages. The store keeps the outbox; this module decides what
//! goes in it. Pure like the rest of the crate: the days planned and the time
//! zone are arguments.

pub mod guard;
pub mod plan;
pub mod rule;
pub mod sms;
pub mod template;

pub use rule::{check, parse, CareError, CheckedRule};
pub use template::{Template, TemplateError, Variable};
