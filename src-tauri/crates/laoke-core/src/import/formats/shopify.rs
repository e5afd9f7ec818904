//! Shopify orders_export.csv (shared/formats/shopify.txt), current 79-column and
//! older 47-column headers: one row per line item, the order's fields on its
//! first row only. Identity: the email (compared lower-case), else the phone.
//! A cash-on-delivery order (Payment Method `Cash on Delivery (COD)`) stays
//! `pending` until the seller marks it paid: its status follows the goods, with
//! the payment unconfirmed (`OrderRecord::cod`).

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection, RowProblem};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;

pub const MARKERS: &[&str] =
    &["Financial Status", "Fulfillment Status", "Lineitem name", "Lineitem quantity", "Billing Name"];

pub struct Orders {
    tz: Tz,
    name: Col,
    email: Option<Col>,
    phone: Vec<Col>,
    financial: Col,
    fulfillment: Option<Col>,
    paid_at: Option<Col>,
    created: Col,
    total: Col,
    refunded: Option<Col>,
    item_name: Option<Col>,
    item_quantity: Option<Col>,
    item_price: Option<Col>,
    item_sku: Option<Col>,
    billing_name: Option<Col>,
    city: Option<Col>,
    province: Option<Col>,
    street: Option<Col>,
    payment: [Option<Col>; 1],
    discount_code: Option<Col>,
    discount_amount: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Orders {
            tz,
            name: c.require(&["Name"])?,
            email: c.find(&["Email"]),
            phone: ["Phone", "Billing Phone", "Shipping Phone"].iter().filter_map(|n| c.find(&[n])).collect(),
            financial: c.require(&["Financial Status"])?,
            fulfillment: c.find(&["Fulfillment Status"]),
            paid_at: c.find(&["Paid at"]),
            created: c.require(&["Created at"])?,
            total: c.require(&["Total"])?,
            refunded: c.find(&["Refunded Amount"]),
            item_name: c.find(&["Lineitem name"]),
            item_quantity: c.find(&["Lineitem quantity"]),
            item_price: c.find(&["Lineitem price"]),
            item_sku: c.find(&["Lineitem sku"]),
            billing_name: c.find(&["Billing Name", "Shipping Name"]),
            city: c.find(&["Billing City", "Shipping City"]),
            province: c.find(&["Billing Province Name", "Billing Province"]),
            street: c.find(&["Billing Street", "Billing Address1"]),
            payment: [c.find(&["Payment Method", "Payment Gateway"])],
            discount_code: c.find(&["Discount Code"]),
            discount_amount: c.find(&["Discount Amount"]),
        })
    }

    /// Shopify keeps money and goods apart: the financial status says whether it
    /// was paid, the fulfillment status how far it got. With `cod`, the goods say it
    /// while the payment is pending.
    fn status(&self, r: &Reading<'_>, financial: &str, cod: bool) -> Result<OrderStatus, Rejection> {
        let fulfilled = r.text(self.fulfillment.as_ref()).unwrap_or_default().to_lowercase();
        let goods = match fulfilled.as_str() {
            "fulfilled" => OrderStatus::Completed,
            "partial" | "partially_fulfilled" => OrderStatus::Shipped,
            _ => OrderStatus::Paid,
        };
        Ok(match financial.to_lowercase().as_str() {
            "pending" if cod && goods != OrderStatus::Paid => goods,
            "pending" => OrderStatus::Unpaid,
            "paid" | "authorized" | "partially_refunded" | "partially_paid" => goods,
            "refunded" => OrderStatus::Refunded,
            "voided" | "expired" => OrderStatus::Closed,
            other => {
                return Err(
                    r.reject(Some(&self.financial), &RowProblem::UnknownFinancialStatus { value: other.to_owned() })
                )
            }
        })
    }
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.name, "order name")?.into());
        let email = r.personal(self.email.as_ref()).map(|e| e.to_lowercase());
        let phone = self.phone.iter().find_map(|c| r.personal(Some(c)));
        line.buyer = email.as_deref().or(phone.as_deref()).map(Into::into);
        line.profile.email = email;
        line.profile.phone = phone;
        line.profile.name = r.personal(self.billing_name.as_ref());
        line.profile.nick =
            line.profile.name.clone().or_else(|| line.buyer.as_deref().map(str::to_owned)).unwrap_or_default();
        line.profile.city = r.personal(self.city.as_ref());
        line.profile.province = r.personal(self.province.as_ref());
        line.profile.address = r.personal(self.street.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        // The order's own fields are on its first row only.
        if let Some(financial) = r.text(Some(&self.financial)) {
            let total = r.required_money(&self.total)?;
            // Pending means unpaid, unless the buyer pays the courier.
            line.cod = financial.eq_ignore_ascii_case("pending") && r.cash_on_delivery(&self.payment);
            let mut st = self.status(&r, &financial, line.cod)?;
            let mut refund = r.money(self.refunded.as_ref())?.unwrap_or_default();
            if st == OrderStatus::Refunded && refund.is_zero() {
                refund = total;
            }
            if refund > total {
                return Err(r.reject(
                    self.refunded.as_ref(),
                    &RowProblem::RefundExceedsTotal { refund: refund.to_string(), total: total.to_string() },
                ));
            }
            if st != OrderStatus::Refunded && !total.is_zero() && refund >= total {
                st = OrderStatus::Refunded;
            }
            line.status = Some(st);
            line.amount = Amount::Order(total);
            line.refund = refund;
            line.paid_at = r.datetime(self.paid_at.as_ref())?;
            line.coupon_code = r.text(self.discount_code.as_ref());
            if let Some(d) = r.money(self.discount_amount.as_ref())? {
                line.discount = Amount::Order(d);
            }
        }
        if let Some(title) = r.text(self.item_name.as_ref()) {
            line.items.push(ItemRecord {
                title,
                sku: r.text(self.item_sku.as_ref()),
                category: None,
                quantity: r.count(self.item_quantity.as_ref())?.unwrap_or(1),
                unit_price: r.money(self.item_price.as_ref())?,
            });
        }
        Ok(line)
    }
}
