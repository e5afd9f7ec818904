//! Pinduoduo 订单明细 (shared/formats/pinduoduo.txt): one order per row, no buyer
//! id column. The receiver's phone is the identity when the export shows it
//! unmasked; recent exports mask it, and then the order has no identity. A blank
//! 订单成交时间 is taken from the order number's date prefix (YYMMDD-…).

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::cells;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection, RowProblem};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono::NaiveDate;
use chrono_tz::Tz;

pub const MARKERS: &[&str] =
    &["用户实付金额(元)", "商家实收金额(元)", "样式ID", "多多支付立减金额(元)", "售后状态", "商品数量(件)"];

pub struct Orders {
    tz: Tz,
    order_no: Col,
    title: Option<Col>,
    status: Col,
    paid_amount: Col,
    count: Option<Col>,
    after_sale: Option<Col>,
    created: Vec<Col>,
    paid: Option<Col>,
    receiver: Option<Col>,
    phone: Option<Col>,
    province: Option<Col>,
    city: Option<Col>,
    address: Vec<Col>,
    shop: Option<Col>,
    shop_discount: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        let created: Vec<Col> =
            ["订单创建时间", "订单成交时间", "拼单成功时间", "支付时间"].iter().filter_map(|n| c.find(&[n])).collect();
        if created.is_empty() {
            c.require(&["订单成交时间"])?;
        }
        Ok(Orders {
            tz,
            order_no: c.require(&["订单号"])?,
            title: c.find(&["商品"]),
            status: c.require(&["订单状态"])?,
            paid_amount: c.require(&["用户实付金额(元)"])?,
            count: c.find(&["商品数量(件)"]),
            after_sale: c.find(&["售后状态"]),
            created,
            paid: c.find(&["支付时间"]),
            receiver: c.find(&["收货人"]),
            phone: c.find(&["手机"]),
            province: c.find(&["省"]),
            city: c.find(&["市"]),
            address: ["省", "市", "区", "街道"].iter().filter_map(|n| c.find(&[n])).collect(),
            shop: c.find(&["店铺名称"]),
            shop_discount: c.find(&["店铺优惠折扣(元)"]),
        })
    }
}

/// `260517-607198974342268` → 2026-05-17.
fn date_from_order_no(order_no: &str) -> Option<NaiveDate> {
    let prefix = order_no.split('-').next()?;
    if prefix.len() != 6 {
        return None;
    }
    NaiveDate::parse_from_str(&format!("20{prefix}"), "%Y%m%d").ok()
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let order_no = r.required_text(&self.order_no, "order number")?;
        let mut created = None;
        for col in &self.created {
            if let Some(t) = r.datetime(Some(col))? {
                created = Some(t);
                break;
            }
        }
        let created = match created {
            Some(t) => t,
            None => date_from_order_no(&order_no)
                .and_then(|d| cells::local_to_utc(d.and_hms_opt(0, 0, 0)?, self.tz))
                .ok_or_else(|| r.reject(self.created.first(), &RowProblem::NoOrderDate))?,
        };
        let mut line = Line::new(rec.row, order_no.into());
        line.created_at = Some(created);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        line.buyer = r.phone_identity(self.phone.as_ref()).map(Into::into);
        line.profile.name = r.personal(self.receiver.as_ref());
        line.profile.nick = line.profile.name.clone().unwrap_or_default();
        line.profile.phone = line.buyer.as_deref().map(str::to_owned);
        line.profile.province = r.personal(self.province.as_ref());
        line.profile.city = r.personal(self.city.as_ref());
        let parts: Vec<String> = self.address.iter().filter_map(|c| r.personal(Some(c))).collect();
        line.profile.address = (!parts.is_empty()).then(|| parts.join(" "));
        let paid = r.required_money(&self.paid_amount)?;
        let mut st = r.status(&self.status)?;
        if r.text(self.after_sale.as_ref()).is_some_and(|a| a.contains("退款成功")) {
            st = OrderStatus::Refunded;
            line.refund = paid;
        }
        line.status = Some(st);
        line.shop = r.shop(self.shop.as_ref())?;
        line.amount = Amount::Order(paid);
        // The shop's own discount; 平台优惠折扣 and 多多支付立减 are the platform's.
        if let Some(d) = r.money(self.shop_discount.as_ref())? {
            line.discount = Amount::Order(d);
        }
        if let Some(title) = r.text(self.title.as_ref()) {
            let quantity = r.count(self.count.as_ref())?.unwrap_or(1);
            line.items.push(ItemRecord { title, sku: None, category: None, quantity, unit_price: None });
        }
        Ok(line)
    }
}
