//! The message template language: plain text with `{variable}` slots, the one
//! engine every care message (and later every activity and coupon message) is
//! written in. A template is checked when the rule is saved, so a typo such as
//! `{nik}` or a lone `{` is refused with its place instead of reaching a buyer.
//!
//! Each context names its own variables: a care message fills [`Variable`] from
//! a customer; an activity's announcement fills `activity::Slot` from the
//! activity. The engine is one, generic over the vocabulary, so a `{title}` in
//! a care rule is refused like any typo.
//!
//! `{{` and `}}` write a literal brace. The rendered text is plain text: values
//! are inserted as they are (a nick with `<b>` in it stays those characters),
//! and every screen shows it as text, never as markup.

use serde::Serialize;

/// The values a template can name, each filled from the customer, the rule or
/// the occasion. Their spelling (`{last_item}`) is the strum name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    ts_rs::TS,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum Variable {
    /// The buyer's nick (the platform name).
    Nick,
    /// The buyer's real name when the archive has one, else the nick.
    Name,
    /// The customer's membership tier, empty without one.
    Tier,
    /// The coupon the rule hands out (its text, as the seller wrote it).
    Coupon,
    /// The shop's name.
    Shop,
    /// The festival of a festival rule, in the message's language.
    Festival,
    /// The title of the last item the customer bought.
    LastItem,
    /// Whole days since the customer's last purchase.
    DaysSince,
}

/// Why a template cannot be used; `at` is the character position (from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "template.", serialize_all = "snake_case")]
pub enum TemplateError {
    #[error("the template is empty")]
    Empty,
    #[error("{{{name}}} at character {at} is not a variable")]
    UnknownVariable { name: String, at: usize },
    #[error("the brace at character {at} is not closed")]
    Unclosed { at: usize },
    #[error("the closing brace at character {at} has no opening brace (write }}}} for a brace)")]
    Unopened { at: usize },
    #[error("the template is {length} characters long; at most {max}")]
    TooLong { length: usize, max: usize },
}

crate::coded_errors!(TemplateError);

/// The longest template, in characters (an email is longer than any SMS).
pub const TEMPLATE_MAX: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<V> {
    Text(String),
    Slot(V),
}

/// A checked template, ready to render many times; `V` is the vocabulary of
/// its context (a care message's [`Variable`] unless said otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template<V = Variable> {
    pieces: Vec<Piece<V>>,
}

impl Template {
    /// A care message's template.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        Template::read(text)
    }
}

impl<V: std::str::FromStr + Copy + PartialEq> Template<V> {
    /// A template of the vocabulary `V`: a name `V` does not know is refused.
    pub fn read(text: &str) -> Result<Template<V>, TemplateError> {
        let length = text.chars().count();
        if text.trim().is_empty() {
            return Err(TemplateError::Empty);
        }
        if length > TEMPLATE_MAX {
            return Err(TemplateError::TooLong { length, max: TEMPLATE_MAX });
        }
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().is_some_and(|(_, n)| *n == '{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().is_some_and(|(_, n)| *n == '}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => return Err(TemplateError::Unopened { at: i + 1 }),
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some((_, '}')) => break,
                            Some((_, '{')) | None => return Err(TemplateError::Unclosed { at: i + 1 }),
                            Some((_, n)) => name.push(n),
                        }
                    }
                    let var = name
                        .trim()
                        .parse::<V>()
                        .map_err(|_| TemplateError::UnknownVariable { name: name.clone(), at: i + 1 })?;
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Slot(var));
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template { pieces })
    }

    /// The variables the template uses, in order of first use.
    pub fn variables(&self) -> Vec<V> {
        let mut out = Vec::new();
        for p in &self.pieces {
            if let Piece::Slot(v) = p {
                if !out.contains(v) {
                    out.push(*v);
                }
            }
        }
        out
    }

    /// The text with every slot filled by `value`.
    pub fn render(&self, value: impl Fn(V) -> String) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(v) => out.push_str(&value(*v)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: Variable) -> String {
        match v {
            Variable::Nick => "<b>小美</b>".into(),
            Variable::Shop => "老客茶铺".into(),
            Variable::DaysSince => "12".into(),
            _ => String::new(),
        }
    }

    #[test]
    fn renders_slots_and_keeps_markup_literal() {
        let t = Template::parse("{nick}，生日快乐！{shop} 为你准备了一份小礼物。").unwrap();
        assert_eq!(t.render(values), "<b>小美</b>，生日快乐！老客茶铺 为你准备了一份小礼物。");
        assert_eq!(t.variables(), vec![Variable::Nick, Variable::Shop]);
        let t = Template::parse("{{nick}} is {nick}, {days_since} days; { shop }").unwrap();
        assert_eq!(t.render(values), "{nick} is <b>小美</b>, 12 days; 老客茶铺");
    }

    #[test]
    fn refuses_what_a_typo_makes() {
        use TemplateError::*;
        assert_eq!(Template::parse("你好 {nik}"), Err(UnknownVariable { name: "nik".into(), at: 4 }));
        assert_eq!(Template::parse("你好 {nick"), Err(Unclosed { at: 4 }));
        assert_eq!(Template::parse("{nick {shop}"), Err(Unclosed { at: 1 }));
        assert_eq!(Template::parse("你好 nick}"), Err(Unopened { at: 8 }));
        assert_eq!(Template::parse("  "), Err(Empty));
        assert!(matches!(Template::parse(&"字".repeat(2001)), Err(TooLong { length: 2001, max: 2000 })));
        assert_eq!(TemplateError::Unclosed { at: 4 }.code(), "template.unclosed");
    }

    use crate::ErrorCode;
}
