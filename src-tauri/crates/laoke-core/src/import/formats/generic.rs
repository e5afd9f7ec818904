//! Any other CSV/XLSX, read through a column mapping the user made: which
//! header holds the order id, the buyer, the amount… Rows sharing an order id
//! are line items of one order and their amounts add up; without an amount
//! column an order is worth Σ quantity × unit price; without a status column
//! orders are completed.
//! It reads the UCI Online Retail file as is: `C…` cancellation invoices with
//! negative quantities become refund documents, `17850.0` ids become `17850`.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The fields a column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MappedField {
    OrderId,
    BuyerId,
    BuyerName,
    Phone,
    Email,
    CreatedAt,
    PaidAt,
    Status,
    Amount,
    Refund,
    ItemTitle,
    Quantity,
    UnitPrice,
    Address,
    /// The shop the order was placed in (an ERP export of several shops).
    Shop,
    /// How it was paid: cash on delivery is recognized (货到付款, COD).
    PaymentMethod,
}

/// `{"columns": {FIELD: "header name", …}, "date_format": "%Y-%m-%d %H:%M:%S"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ColumnMapping {
    pub columns: BTreeMap<MappedField, String>,
    /// chrono syntax; common formats are detected without it.
    #[serde(default)]
    pub date_format: Option<String>,
}

pub struct Mapped {
    tz: Tz,
    date_format: Option<String>,
    order_id: Col,
    created_at: Col,
    buyer_id: Option<Col>,
    buyer_name: Option<Col>,
    phone: Option<Col>,
    email: Option<Col>,
    paid_at: Option<Col>,
    status: Option<Col>,
    amount: Option<Col>,
    refund: Option<Col>,
    item_title: Option<Col>,
    quantity: Option<Col>,
    unit_price: Option<Col>,
    address: Option<Col>,
    shop: Option<Col>,
    payment: [Option<Col>; 1],
}

impl Mapped {
    pub fn bind(c: &Columns<'_>, m: &ColumnMapping, tz: Tz) -> Result<Self, ImportError> {
        let col = |field: MappedField| -> Result<Option<Col>, ImportError> {
            match m.columns.get(&field) {
                None => Ok(None),
                Some(header) => c.require(&[header.trim()]).map(Some),
            }
        };
        let required = |field: MappedField| -> Result<Col, ImportError> {
            col(field)?.ok_or_else(|| ImportError::MappingMissingField { file: c.file.to_owned(), field })
        };
        let mapped = Mapped {
            tz,
            date_format: m.date_format.clone().filter(|f| !f.trim().is_empty()),
            order_id: required(MappedField::OrderId)?,
            created_at: required(MappedField::CreatedAt)?,
            buyer_id: col(MappedField::BuyerId)?,
            buyer_name: col(MappedField::BuyerName)?,
            phone: col(MappedField::Phone)?,
            email: col(MappedField::Email)?,
            paid_at: col(MappedField::PaidAt)?,
            status: col(MappedField::Status)?,
            amount: col(MappedField::Amount)?,
            refund: col(MappedField::Refund)?,
            item_title: col(MappedField::ItemTitle)?,
            quantity: col(MappedField::Quantity)?,
            unit_price: col(MappedField::UnitPrice)?,
            address: col(MappedField::Address)?,
            shop: col(MappedField::Shop)?,
            payment: [col(MappedField::PaymentMethod)?],
        };
        if mapped.amount.is_none() && mapped.unit_price.is_none() {
            return Err(ImportError::MappingNoAmount { file: c.file.to_owned() });
        }
        Ok(mapped)
    }
}

/// `17850.0` (a number that went through a spreadsheet) → `17850`.
fn id_text(s: &str) -> CompactString {
    match s.strip_suffix(".0") {
        Some(whole) if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) => whole.into(),
        _ => s.into(),
    }
}

/// The registry's binding of a generic file: only with the seller's column mapping.
pub(super) fn bind(c: &Columns<'_>, b: &super::Binding<'_>) -> Result<Box<dyn RowReader>, ImportError> {
    let mapping = b.mapping.ok_or_else(|| ImportError::MappingNeeded { file: b.file.to_owned() })?;
    Ok(Box::new(Mapped::bind(c, mapping, b.tz)?))
}

impl RowReader for Mapped {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: self.date_format.as_deref() };
        let mut line = Line::new(rec.row, id_text(r.required_str(&self.order_id, "order id")?));
        line.buyer = r.personal_str(self.buyer_id.as_ref()).map(id_text);
        line.profile.name = r.personal(self.buyer_name.as_ref());
        // Without a name the order's nick is its buyer id (filled in by `assemble`).
        line.profile.nick = line.profile.name.clone().unwrap_or_default();
        line.profile.phone = r.personal(self.phone.as_ref());
        line.profile.email = r.personal(self.email.as_ref());
        line.profile.address = r.personal(self.address.as_ref());
        line.created_at = Some(r.required_datetime(&self.created_at)?);
        line.paid_at = r.datetime(self.paid_at.as_ref())?;
        line.status = Some(match &self.status {
            None => OrderStatus::Completed,
            Some(col) => r.status(col)?,
        });
        if r.cash_on_delivery(&self.payment) {
            line.cash_on_delivery();
        }
        line.shop = r.shop(self.shop.as_ref())?;
        // The amount is per row: the rows of one order add up (line totals).
        if let Some(amount) = r.money(self.amount.as_ref())? {
            line.amount = Amount::Part(amount);
        }
        line.refund = r.money(self.refund.as_ref())?.unwrap_or_default();
        let quantity = r.quantity(self.quantity.as_ref())?;
        let unit_price = r.money(self.unit_price.as_ref())?;
        let title = r.text(self.item_title.as_ref());
        if title.is_some() || quantity.is_some() || unit_price.is_some() {
            line.items.push(ItemRecord {
                title: title.unwrap_or_default(),
                sku: None,
                category: None,
                quantity: quantity.unwrap_or(1),
                unit_price,
            });
        }
        Ok(line)
    }
}
