//! WooCommerce order export in the WebToffee layout (shared/formats/woocommerce.txt):
//! one row per order, WooCommerce meta keys as columns, line items packed into
//! `line_item_N` cells as `name:…|quantity:…|total:…`. Identity: the customer's
//! email, else the billing email, else the customer id (0 means a guest).

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;

pub const MARKERS: &[&str] =
    &["order_id", "order_date", "order_total", "billing_email", "customer_email", "line_item_1"];

pub struct Orders {
    tz: Tz,
    order_no: Col,
    created: Col,
    paid: Option<Col>,
    status: Col,
    total: Col,
    customer_email: Option<Col>,
    billing_email: Option<Col>,
    customer_id: Option<Col>,
    first: Option<Col>,
    last: Option<Col>,
    phone: Option<Col>,
    city: Option<Col>,
    state: Option<Col>,
    street: Option<Col>,
    payment: [Option<Col>; 2],
    line_items: Vec<Col>,
    coupons: Option<Col>,
    discount: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        let line_items = c
            .headers
            .iter()
            .filter(|h| h.strip_prefix("line_item_").is_some_and(|n| n.parse::<u32>().is_ok()))
            .filter_map(|h| c.find(&[h.as_str()]))
            .collect();
        Ok(Orders {
            tz,
            order_no: c.require(&["order_number", "order_id"])?,
            created: c.require(&["order_date"])?,
            paid: c.find(&["paid_date"]),
            status: c.require(&["status"])?,
            total: c.require(&["order_total"])?,
            customer_email: c.find(&["customer_email"]),
            billing_email: c.find(&["billing_email"]),
            customer_id: c.find(&["customer_id"]),
            first: c.find(&["billing_first_name"]),
            last: c.find(&["billing_last_name"]),
            phone: c.find(&["billing_phone"]),
            city: c.find(&["billing_city"]),
            state: c.find(&["billing_state"]),
            street: c.find(&["billing_address_1"]),
            payment: [c.find(&["payment_method"]), c.find(&["payment_method_title"])],
            line_items,
            coupons: c.find(&["coupon_items"]),
            discount: c.find(&["discount_total", "cart_discount"]),
        })
    }
}

/// The codes of a `coupon_items` cell, `code:SAVE10|amount:10.00;code:VIP|amount:5.00`
/// (the WebToffee convention, like `line_item_N`), joined by `", "`; a cell
/// without `code:` keys is taken as the codes themselves.
fn coupon_codes(cell: &str) -> Option<String> {
    let codes: Vec<&str> = cell
        .split(';')
        .filter_map(|coupon| {
            let keyed = coupon.split('|').find_map(|kv| kv.trim().strip_prefix("code:"));
            let code = if coupon.contains(':') { keyed? } else { coupon };
            Some(code.trim()).filter(|c| !c.is_empty())
        })
        .collect();
    (!codes.is_empty()).then(|| codes.join(", "))
}

/// `name:Hoodie|product_id:12|sku:H-1|quantity:2|total:40.00|…`.
fn packed_item(cell: &str) -> Option<ItemRecord> {
    let field = |key: &str| cell.split('|').find_map(|kv| kv.strip_prefix(key)?.strip_prefix(':')).map(str::trim);
    let title = field("name").filter(|t| !t.is_empty())?.to_owned();
    Some(ItemRecord {
        title,
        sku: field("sku").filter(|s| !s.is_empty()).map(str::to_owned),
        category: None,
        quantity: field("quantity").and_then(|q| q.parse().ok()).unwrap_or(1),
        unit_price: None,
    })
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.order_no, "order number")?.into());
        let email = r.personal(self.customer_email.as_ref()).or_else(|| r.personal(self.billing_email.as_ref()));
        let id = r.text(self.customer_id.as_ref()).filter(|id| id != "0");
        line.buyer = email.as_deref().map(str::to_lowercase).or(id).map(Into::into);
        line.profile.email = email.map(|e| e.to_lowercase());
        let name: Vec<String> = [&self.first, &self.last].iter().filter_map(|c| r.personal(c.as_ref())).collect();
        line.profile.name = (!name.is_empty()).then(|| name.join(" "));
        line.profile.nick =
            line.profile.name.clone().or_else(|| line.buyer.as_deref().map(str::to_owned)).unwrap_or_default();
        line.profile.phone = r.personal(self.phone.as_ref());
        line.profile.city = r.personal(self.city.as_ref());
        line.profile.province = r.personal(self.state.as_ref());
        line.profile.address = r.personal(self.street.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        let total = r.required_money(&self.total)?;
        let st = r.status(&self.status)?;
        if st == OrderStatus::Refunded {
            line.refund = total;
        }
        line.status = Some(st);
        if r.cash_on_delivery(&self.payment) {
            line.cash_on_delivery();
        }
        line.amount = Amount::Order(total);
        line.coupon_code = r.text(self.coupons.as_ref()).and_then(|cell| coupon_codes(&cell));
        if let Some(d) = r.money(self.discount.as_ref())? {
            line.discount = Amount::Order(d);
        }
        line.items =
            self.line_items.iter().filter_map(|c| r.text(Some(c))).filter_map(|cell| packed_item(&cell)).collect();
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn coupon_items_give_their_codes() {
        use super::coupon_codes;
        assert_eq!(coupon_codes("code:SAVE10|amount:10.00").as_deref(), Some("SAVE10"));
        assert_eq!(coupon_codes("code:SAVE10|amount:10.00;code:vip 5|amount:5.00").as_deref(), Some("SAVE10, vip 5"));
        assert_eq!(coupon_codes("SAVE10").as_deref(), Some("SAVE10"));
        assert_eq!(coupon_codes("amount:10.00"), None, "no code key");
        assert_eq!(coupon_codes(" ; "), None);
    }
}
