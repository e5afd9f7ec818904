//! Reading one cell the way a person would: the Excel text markers exports use
//! (`="…"`, a leading `'` or TAB), placeholders for "nothing" (`-`, `无`), masked
//! and encrypted personal data, money with units and separators, and the many
//! ways a date is written. Every parser returns `None` instead of guessing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The text of a cell with export markers removed: `="123"` → `123`, `'138…` →
/// `138…`, leading TABs and surrounding spaces (ASCII and full-width) gone.
pub fn clean(raw: &str) -> &str {
    // Most cells are plain: nothing to trim and no marker (a million-row file has
    // millions of cells, so they skip the character-by-character trimming).
    if let (Some(&first), Some(&last)) = (raw.as_bytes().first(), raw.as_bytes().last()) {
        if first.is_ascii_graphic() && last.is_ascii_graphic() && first != b'=' && first != b'\'' {
            return raw;
        }
    }
    let mut s = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}');
    if let Some(inner) = s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        s = inner;
    }
    s = s.trim_start_matches(['\'', '\t']);
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// A cleaned cell, or `None` when it says nothing (`""`, `-`, `--`, `null`, `无`).
pub fn text(raw: &str) -> Option<&str> {
    let s = clean(raw);
    match s {
        "" | "-" | "--" | "—" | "null" | "NULL" | "无" | "N/A" | "n/a" => None,
        _ => Some(s),
    }
}

/// Whether a personal field is masked (`138****1234`, `****`, `张**`) or encrypted
/// (`##密文`, `$$…`): such values are never identity keys and never overwrite a
/// known real value.
pub fn is_hidden(value: &str) -> bool {
    value.contains("**")
        || value.starts_with("##")
        || value.starts_with("$$")
        || value.contains('*') && value.len() <= 4
}

/// A personal field that is present and real.
pub fn personal(raw: &str) -> Option<&str> {
    text(raw).filter(|v| !is_hidden(v))
}

/// Money as written in exports: `12.50元`, `¥1,234.00`, `$5.00`, `CA$3`, `(12.00)`
/// for negatives, `12,00` with a decimal comma. `None` when it is not a number.
pub fn money(raw: &str) -> Option<Decimal> {
    let s = text(raw)?;
    if plain_number(s) {
        return Decimal::from_str(s).ok();
    }
    let (negative, s) = match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, s),
    };
    let s: String = s
        .trim_end_matches(['元', '円'])
        .trim_start_matches(|c: char| c.is_ascii_alphabetic() || matches!(c, '$' | '¥' | '￥' | '€' | '£' | ' '))
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}'))
        .collect();
    let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
    let normalized = normalize_separators(s)?;
    let value = Decimal::from_str(&normalized).ok()?;
    Some(if negative { -value } else { value })
}

/// Whether `s` is a number as a program writes it (`-12.50`, `3`): no unit, no
/// separator, nothing for [`money`] to take off, so it is parsed as it stands.
fn plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let dots = body.iter().filter(|&&b| b == b'.').count();
    dots <= 1 && body.len() > dots && body.iter().all(|&b| b.is_ascii_digit() || b == b'.')
}

/// Turns `1,234.56`, `1.234,56`, `12,00` and `1 234` into `1234.56`-style text.
fn normalize_separators(s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let out = match (commas, dots) {
        (0, _) => s.to_owned(),
        (_, 0) => {
            // A single comma followed by exactly two digits is a decimal comma (12,00);
            // otherwise commas group thousands (1,234 / 1,234,567).
            let after = s.rsplit(',').next().unwrap_or("");
            if commas == 1 && after.len() <= 2 {
                s.replace(',', ".")
            } else {
                s.replace(',', "")
            }
        }
        _ => {
            if s.rfind(',') > s.rfind('.') {
                s.replace('.', "").replace(',', ".")
            } else {
                s.replace(',', "")
            }
        }
    };
    let body = out.strip_prefix('-').or_else(|| out.strip_prefix('+')).unwrap_or(&out);
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    valid.then_some(out)
}

/// A whole quantity (`2`, `2.0`, `-3`).
pub fn quantity(raw: &str) -> Option<i64> {
    use rust_decimal::prelude::ToPrimitive;
    let s = text(raw)?;
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let d = money(raw)?;
    if d.fract().is_zero() {
        d.to_i64()
    } else {
        None
    }
}

const DATE_TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y.%m.%d %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
];
const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d", "%m/%d/%Y", "%m/%d/%y", "%Y%m%d"];
const OFFSET_FORMATS: &[&str] =
    &["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z"];

/// `YYYY-MM-DD HH:MM:SS`, the form most exports use, read without trying a
/// list of formats (a million orders carry two million of these).
fn iso_local(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || (b[10] != b' ' && b[10] != b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?.and_hms_opt(
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    )
}

/// The earliest and latest instants an order can plausibly carry.
fn plausible(t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    // 1995-01-01T00:00:00Z and 2100-01-01T00:00:00Z as Unix seconds.
    const LO: i64 = 788_918_400;
    const HI: i64 = 4_102_444_800;
    (LO..HI).contains(&t.timestamp()).then_some(t)
}

/// A local date-time in the shop's time zone (an ambiguous autumn hour takes the
/// earlier instant; a skipped spring hour moves forward).
pub fn local_to_utc(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    let local = tz.from_local_datetime(&naive);
    let t = local.earliest().or_else(|| tz.from_local_datetime(&(naive + chrono::Duration::hours(1))).earliest())?;
    Some(t.with_timezone(&Utc))
}

/// A timestamp as exports write it. Without an offset it is local time in `tz`;
/// with one (`2025-05-11 09:55:16 -0400`, RFC 3339) it is exact. `format`, when
/// given, is tried first (chrono syntax, as in a column mapping).
pub fn datetime(raw: &str, tz: Tz, format: Option<&str>) -> Option<DateTime<Utc>> {
    let s = text(raw)?;
    if format.is_none() {
        if let Some(n) = iso_local(s) {
            return local_to_utc(n, tz).and_then(plausible);
        }
    }
    let exact = |f: &str| DateTime::parse_from_str(s, f).ok().map(|t| t.with_timezone(&Utc));
    let local = |f: &str| NaiveDateTime::parse_from_str(s, f).ok().and_then(|n| local_to_utc(n, tz));
    let day = |f: &str| NaiveDate::parse_from_str(s, f).ok().and_then(|d| local_to_utc(d.and_hms_opt(0, 0, 0)?, tz));
    // The first reading that gives a plausible instant wins: "09/03/26" is not the
    // year 9 (%Y/%m/%d) but 3 September 2026 (%m/%d/%y).
    let given = format.into_iter().flat_map(|f| [exact(f), local(f), day(f)]);
    let rfc = std::iter::once(DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc)));
    let offsets = OFFSET_FORMATS.iter().map(|f| exact(f));
    let locals = DATE_TIME_FORMATS.iter().map(|f| local(f));
    let days = DATE_FORMATS.iter().map(|f| day(f));
    given.chain(rfc).chain(offsets).chain(locals).chain(days).flatten().find_map(plausible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn export_markers_are_removed() {
        assert_eq!(clean("=\"1234567890123456789\""), "1234567890123456789");
        assert_eq!(clean("'13812345678"), "13812345678");
        assert_eq!(clean("\t6917926768823643751"), "6917926768823643751");
        assert_eq!(clean("  交易成功 \u{3000}"), "交易成功");
        assert_eq!(text("-"), None);
        assert_eq!(text(" "), None);
        assert_eq!(text("x"), Some("x"));
    }

    #[test]
    fn hidden_personal_data_is_recognized() {
        for v in ["138****1234", "****", "##密文", "$$密文", "张**", "*"] {
            assert!(is_hidden(v), "{v}");
            assert_eq!(personal(v), None);
        }
        for v in ["13812345678", "tb_小鱼儿", "a@example.com", "王芳"] {
            assert!(!is_hidden(v), "{v}");
        }
    }

    #[test]
    fn money_in_every_costume() {
        let cases = [
            ("12.50元", dec!(12.50)),
            ("¥1,234.00", dec!(1234.00)),
            ("￥99", dec!(99)),
            ("$5.00", dec!(5.00)),
            ("CA$3.10", dec!(3.10)),
            ("12,00", dec!(12.00)),
            ("1.234,56", dec!(1234.56)),
            ("1,234,567.8", dec!(1234567.8)),
            ("-8.00", dec!(-8.00)),
            ("(12.00)", dec!(-12.00)),
            ("=\"28.90\"", dec!(28.90)),
            ("0", dec!(0)),
            ("3.10 USD", dec!(3.10)),
        ];
        for (raw, want) in cases {
            assert_eq!(money(raw), Some(want), "{raw}");
        }
        for raw in ["", "-", "无退款申请", "abc", "1.2.3", "12元5", "$", "1e30"] {
            assert_eq!(money(raw), None, "{raw}");
        }
        assert_eq!(quantity("2"), Some(2));
        assert_eq!(quantity("-3"), Some(-3));
        assert_eq!(quantity("2.0"), Some(2));
        assert_eq!(quantity("2.5"), None);
    }

    #[test]
    fn dates_local_offset_and_two_digit_years() {
        let sh = chrono_tz::Asia::Shanghai;
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(datetime("2019-03-12 10:13:00", sh, None), Some(utc("2019-03-12T02:13:00Z")));
        assert_eq!(datetime("2019/3/12 10:13", sh, None), Some(utc("2019-03-12T02:13:00Z")));
        assert_eq!(datetime("2025-05-11 09:55:16 -0400", sh, None), Some(utc("2025-05-11T13:55:16Z")));
        assert_eq!(datetime("2025-05-11T09:55:16+08:00", chrono_tz::UTC, None), Some(utc("2025-05-11T01:55:16Z")));
        assert_eq!(datetime("09/03/26", chrono_tz::UTC, None), Some(utc("2026-09-03T00:00:00Z")));
        assert_eq!(datetime("12/1/2010 8:26", chrono_tz::Europe::London, None), Some(utc("2010-12-01T08:26:00Z")));
        assert_eq!(datetime("03/12/2019 10:13", sh, Some("%d/%m/%Y %H:%M")), Some(utc("2019-12-03T02:13:00Z")));
        assert_eq!(datetime("2019-03-12", sh, None), Some(utc("2019-03-11T16:00:00Z")));
        for bad in ["", "-", "yesterday", "2019-13-45 10:00:00", "9999-01-01 00:00:00", "0000-00-00 00:00:00"] {
            assert_eq!(datetime(bad, sh, None), None, "{bad}");
        }
    }
}
