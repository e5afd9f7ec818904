//! Etsy's two downloads (shared/formats/etsy.txt): EtsySoldOrders, one row per
//! order, refunds visible only as a lower Adjusted Order Total; and
//! EtsySoldOrderItems, one row per transaction, whose order-level shipping, tax
//! and discounts repeat on each row. A buyer is keyed by their username (Buyer),
//! the only key both files carry: the orders file's Buyer User ID keys a buyer
//! only where its username is blank. Keyed apart, one order read from both files
//! would have two buyers (a conflict) and one person two customers.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;
use rust_decimal::Decimal;

pub const ORDER_MARKERS: &[&str] =
    &["Sale Date", "Buyer User ID", "Order Total", "Adjusted Order Total", "Number of Items"];
pub const ITEM_MARKERS: &[&str] =
    &["Sale Date", "Item Name", "Transaction ID", "Listing ID", "Item Total", "Order Shipping"];

/// Etsy order ids are numbers; the items file sometimes writes them `#3001`.
fn order_id(r: &Reading<'_>, col: &Col) -> Result<String, Rejection> {
    Ok(r.required_text(col, "order id")?.trim_start_matches('#').to_owned())
}

pub struct Orders {
    tz: Tz,
    order_no: Col,
    /// Buyer User ID: the key where the username is blank.
    user_id: Col,
    created: Col,
    total: Col,
    adjusted: Option<Col>,
    status: Option<Col>,
    name: Option<Col>,
    username: Option<Col>,
    city: Option<Col>,
    state: Option<Col>,
    street: Option<Col>,
    coupon: Option<Col>,
    discount: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Orders {
            tz,
            order_no: c.require(&["Order ID"])?,
            user_id: c.require(&["Buyer User ID"])?,
            created: c.require(&["Sale Date"])?,
            total: c.require(&["Order Total"])?,
            adjusted: c.find(&["Adjusted Order Total"]),
            status: c.find(&["Status"]),
            name: c.find(&["Full Name"]),
            username: c.find(&["Buyer"]),
            city: c.find(&["Ship City"]),
            state: c.find(&["Ship State"]),
            street: c.find(&["Street 1"]),
            coupon: c.find(&["Coupon Code"]),
            discount: c.find(&["Discount Amount"]),
        })
    }
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, order_id(&r, &self.order_no)?.into());
        let username = r.personal(self.username.as_ref());
        line.buyer = match &username {
            Some(u) => Some(u.as_str().into()),
            None => r.personal_str(Some(&self.user_id)).map(Into::into),
        };
        line.profile.name = r.personal(self.name.as_ref());
        line.profile.nick = username.or_else(|| line.profile.name.clone()).unwrap_or_default();
        line.profile.city = r.personal(self.city.as_ref());
        line.profile.province = r.personal(self.state.as_ref());
        line.profile.address = r.personal(self.street.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        let total = r.required_money(&self.total)?;
        let adjusted = r.money(self.adjusted.as_ref())?.unwrap_or(total);
        let refund = (total - adjusted).max(Decimal::ZERO);
        let completed = r.text(self.status.as_ref()).is_some_and(|s| s.eq_ignore_ascii_case("completed"));
        let mut st = if completed { OrderStatus::Completed } else { OrderStatus::Paid };
        if !total.is_zero() && refund >= total {
            st = OrderStatus::Refunded;
        }
        line.status = Some(st);
        line.amount = Amount::Order(total);
        line.refund = refund;
        line.coupon_code = r.text(self.coupon.as_ref());
        if let Some(d) = r.money(self.discount.as_ref())? {
            line.discount = Amount::Order(d);
        }
        Ok(line)
    }
}

pub struct Items {
    tz: Tz,
    order_no: Col,
    buyer: Col,
    created: Col,
    paid: Option<Col>,
    shipped: Option<Col>,
    title: Col,
    quantity: Option<Col>,
    price: Option<Col>,
    item_total: Col,
    discount: Option<Col>,
    coupon: Option<Col>,
    shipping_discount: Option<Col>,
    shipping: Option<Col>,
    tax: Option<Col>,
    sku: Option<Col>,
    name: Option<Col>,
    city: Option<Col>,
    state: Option<Col>,
}

impl Items {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Items {
            tz,
            order_no: c.require(&["Order ID"])?,
            buyer: c.require(&["Buyer"])?,
            created: c.require(&["Sale Date"])?,
            paid: c.find(&["Date Paid"]),
            shipped: c.find(&["Date Shipped"]),
            title: c.require(&["Item Name"])?,
            quantity: c.find(&["Quantity"]),
            price: c.find(&["Price"]),
            item_total: c.require(&["Item Total"])?,
            discount: c.find(&["Discount Amount"]),
            coupon: c.find(&["Coupon Code"]),
            shipping_discount: c.find(&["Shipping Discount"]),
            shipping: c.find(&["Order Shipping"]),
            tax: c.find(&["Order Sales Tax"]),
            sku: c.find(&["SKU"]),
            name: c.find(&["Ship Name"]),
            city: c.find(&["Ship City"]),
            state: c.find(&["Ship State"]),
        })
    }
}

impl RowReader for Items {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, order_id(&r, &self.order_no)?.into());
        line.buyer = r.personal_str(Some(&self.buyer)).map(Into::into);
        line.profile.nick = line.buyer.as_deref().unwrap_or_default().to_owned();
        line.profile.name = r.personal(self.name.as_ref());
        line.profile.city = r.personal(self.city.as_ref());
        line.profile.province = r.personal(self.state.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        let shipped = r.datetime(self.shipped.as_ref())?.is_some();
        line.status = Some(if shipped { OrderStatus::Completed } else { OrderStatus::Paid });
        line.amount = Amount::Part(r.required_money(&self.item_total)?);
        let money = |c: &Option<Col>| r.money(c.as_ref()).map(Option::unwrap_or_default);
        let discount = r.money(self.discount.as_ref())?;
        line.order_adjust = Some(
            money(&self.shipping)? + money(&self.tax)? - discount.unwrap_or_default() - money(&self.shipping_discount)?,
        );
        // Order-level, repeated on each of its rows.
        line.coupon_code = r.text(self.coupon.as_ref());
        if let Some(d) = discount {
            line.discount = Amount::Order(d);
        }
        line.items.push(ItemRecord {
            title: r.required_text(&self.title, "item name")?,
            sku: r.text(self.sku.as_ref()),
            category: None,
            quantity: r.count(self.quantity.as_ref())?.unwrap_or(1),
            unit_price: r.money(self.price.as_ref())?,
        });
        Ok(line)
    }
}
