//! Finding a format's columns in a header (by any of the names its variants
//! used), and reading typed values out of a row with a [`Rejection`] naming the
//! column when a value is unusable.

use crate::error::ErrorCode;
use crate::import::error::ImportError;
use crate::import::line::{Rejection, RowProblem};
use crate::import::source::Record;
use crate::import::{cells, status};
use crate::OrderStatus;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use compact_str::CompactString;
use rust_decimal::Decimal;
use std::cell::RefCell;

/// The largest amount one order can plausibly carry; beyond it a cell is a typo or garbage.
const MAX_AMOUNT: i64 = 1_000_000_000;

/// A column of the file: where it is and what the file calls it.
#[derive(Debug, Clone)]
pub struct Col {
    idx: usize,
    name: String,
    /// The last date read from this column and the instant it gave: the rows of
    /// one order repeat its time, and turning shop time into UTC is the costly part.
    last_date: RefCell<Option<(String, DateTime<Utc>)>>,
}

/// The header of one file, searched on behalf of one format.
pub struct Columns<'a> {
    pub headers: &'a [String],
    pub file: &'a str,
    pub format: &'a str,
}

impl Columns<'_> {
    /// The first of `names` that the header has.
    pub fn find(&self, names: &[&str]) -> Option<Col> {
        names.iter().find_map(|n| {
            self.headers.iter().position(|h| h == n).map(|idx| Col {
                idx,
                name: self.headers[idx].clone(),
                last_date: RefCell::new(None),
            })
        })
    }

    pub fn require(&self, names: &[&str]) -> Result<Col, ImportError> {
        self.find(names).ok_or_else(|| ImportError::MissingColumn {
            file: self.file.to_owned(),
            format: self.format.to_owned(),
            column: names.first().copied().unwrap_or_default().to_owned(),
        })
    }
}

/// Reading values of a row, with the shop's time zone and an optional date format.
pub struct Reading<'r> {
    pub rec: &'r Record,
    pub tz: Tz,
    pub date_format: Option<&'r str>,
}

impl<'r> Reading<'r> {
    pub fn raw(&self, col: &Col) -> &'r str {
        self.rec.cells.get(col.idx).unwrap_or("")
    }

    pub fn raw_opt(&self, col: Option<&Col>) -> &'r str {
        col.map_or("", |c| self.raw(c))
    }

    /// The rejection of this row for `why`, blaming `col` when one is to blame.
    pub fn reject(&self, col: Option<&Col>, why: &dyn ErrorCode) -> Rejection {
        Rejection::new(self.rec.row, col.map(|c| c.name.clone()), why)
    }

    /// A cell that must say something.
    pub fn required_text(&self, col: &Col, what: &'static str) -> Result<String, Rejection> {
        self.required_str(col, what).map(str::to_owned)
    }

    /// [`Reading::required_text`] without a copy.
    pub fn required_str(&self, col: &Col, what: &'static str) -> Result<&'r str, Rejection> {
        cells::text(self.raw(col)).ok_or_else(|| self.reject(Some(col), &RowProblem::MissingValue { what }))
    }

    pub fn text(&self, col: Option<&Col>) -> Option<String> {
        cells::text(self.raw_opt(col)).map(str::to_owned)
    }

    /// A personal field, unless it is masked or encrypted.
    pub fn personal(&self, col: Option<&Col>) -> Option<String> {
        self.personal_str(col).map(str::to_owned)
    }

    /// [`Reading::personal`] without a copy.
    pub fn personal_str(&self, col: Option<&Col>) -> Option<&'r str> {
        cells::personal(self.raw_opt(col))
    }

    /// The shop a row names (店铺名称), if the cell says one.
    pub fn shop(&self, col: Option<&Col>) -> Result<Option<CompactString>, Rejection> {
        let Some(name) = col.and_then(|c| cells::text(self.raw(c))) else { return Ok(None) };
        match crate::shop::checked_name(name) {
            Ok(name) => Ok(Some(CompactString::from(name))),
            Err(e) => Err(self.reject(col, &e)),
        }
    }

    /// Whether any of the payment-method cells says cash on delivery (see
    /// [`status::is_cash_on_delivery`]).
    pub fn cash_on_delivery(&self, cols: &[Option<Col>]) -> bool {
        cols.iter().flatten().any(|c| status::is_cash_on_delivery(self.raw(c)))
    }

    /// The order's status, in any platform's words (see `import::status`).
    pub fn status(&self, col: &Col) -> Result<OrderStatus, Rejection> {
        let word = self.required_text(col, "order status")?;
        status::normalize(&word)
            .ok_or_else(|| self.reject(Some(col), &RowProblem::UnknownStatus { value: word.clone() }))
    }

    /// A receiver phone usable as a buyer identity: real (not masked) and a phone
    /// number, for exports with no buyer column (Pinduoduo, Douyin).
    pub fn phone_identity(&self, col: Option<&Col>) -> Option<String> {
        self.personal(col).filter(|p| p.chars().filter(char::is_ascii_digit).count() >= 7)
    }

    /// An optional timestamp: empty is `None`, unreadable is a rejection.
    pub fn datetime(&self, col: Option<&Col>) -> Result<Option<DateTime<Utc>>, Rejection> {
        let raw = self.raw_opt(col);
        if cells::text(raw).is_none() {
            return Ok(None);
        }
        let remembered =
            col.and_then(|c| c.last_date.borrow().as_ref().filter(|(last, _)| last == raw).map(|(_, t)| *t));
        if remembered.is_some() {
            return Ok(remembered);
        }
        let t = cells::datetime(raw, self.tz, self.date_format)
            .ok_or_else(|| self.reject(col, &RowProblem::NotADate { value: cells::clean(raw).to_owned() }))?;
        if let Some(c) = col {
            let mut memo = c.last_date.borrow_mut();
            match memo.as_mut() {
                Some((last, at)) => {
                    last.clear();
                    last.push_str(raw);
                    *at = t;
                }
                None => *memo = Some((raw.to_owned(), t)),
            }
        }
        Ok(Some(t))
    }

    pub fn required_datetime(&self, col: &Col) -> Result<DateTime<Utc>, Rejection> {
        self.datetime(Some(col))?.ok_or_else(|| self.reject(Some(col), &RowProblem::MissingValue { what: "date" }))
    }

    /// An optional amount: empty is `None`; unreadable or absurd is a rejection.
    pub fn money(&self, col: Option<&Col>) -> Result<Option<Decimal>, Rejection> {
        let raw = self.raw_opt(col);
        if cells::text(raw).is_none() {
            return Ok(None);
        }
        let value = cells::money(raw)
            .ok_or_else(|| self.reject(col, &RowProblem::NotAnAmount { value: cells::clean(raw).to_owned() }))?;
        // A mantissa within the limit is a value within it (the scale only divides).
        if value.mantissa().unsigned_abs() > MAX_AMOUNT as u128 && value.abs() > Decimal::from(MAX_AMOUNT) {
            return Err(self.reject(col, &RowProblem::AmountImplausible { value: value.to_string() }));
        }
        Ok(Some(value))
    }

    pub fn required_money(&self, col: &Col) -> Result<Decimal, Rejection> {
        self.money(Some(col))?.ok_or_else(|| self.reject(Some(col), &RowProblem::MissingValue { what: "amount" }))
    }

    /// An optional whole quantity that a platform export can only write as one or more.
    pub fn count(&self, col: Option<&Col>) -> Result<Option<i64>, Rejection> {
        match self.quantity(col)? {
            Some(q) if q < 0 => Err(self.reject(col, &RowProblem::QuantityNegative { value: q.to_string() })),
            q => Ok(q),
        }
    }

    /// An optional whole quantity (negative for returns in generic files).
    pub fn quantity(&self, col: Option<&Col>) -> Result<Option<i64>, Rejection> {
        let raw = self.raw_opt(col);
        if cells::text(raw).is_none() {
            return Ok(None);
        }
        match cells::quantity(raw) {
            Some(q) if q.abs() <= 1_000_000 => Ok(Some(q)),
            _ => Err(self.reject(col, &RowProblem::QuantityNotANumber { value: cells::clean(raw).to_owned() })),
        }
    }
}
