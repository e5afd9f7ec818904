//! Douyin 抖店 批量导出 (shared/formats/douyin.txt): one row per sub-order
//! (子订单) grouped by 主订单编号; each row's 订单应付金额 is its share. Buyer data
//! is encrypted (##密文, $$密文), so orders normally have no identity; a real,
//! unmasked phone is used when an export shows one.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;

pub const MARKERS: &[&str] =
    &["主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单提交时间", "达人实际承担优惠金额"];

pub struct Orders {
    tz: Tz,
    order_no: Col,
    title: Option<Col>,
    quantity: Option<Col>,
    sku: Option<Col>,
    amount: Col,
    created: Col,
    paid: Option<Col>,
    status: Col,
    after_sale: Option<Col>,
    receiver: Option<Col>,
    phone: Option<Col>,
    address: Option<Col>,
    shop: Option<Col>,
    payment: [Option<Col>; 1],
    shop_discount: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Orders {
            tz,
            order_no: c.require(&["主订单编号"])?,
            title: c.find(&["选购商品"]),
            quantity: c.find(&["商品数量"]),
            sku: c.find(&["商家编码"]),
            amount: c.require(&["订单应付金额"])?,
            created: c.require(&["订单提交时间"])?,
            paid: c.find(&["支付完成时间"]),
            status: c.require(&["订单状态"])?,
            after_sale: c.find(&["售后状态"]),
            receiver: c.find(&["收件人"]),
            phone: c.find(&["收件人手机号"]),
            address: c.find(&["详细地址"]),
            shop: c.find(&["店铺名称"]),
            payment: [c.find(&["支付方式"])],
            shop_discount: c.find(&["商家实际承担优惠金额"]),
        })
    }
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.order_no, "order number")?.into());
        line.buyer = r.phone_identity(self.phone.as_ref()).map(Into::into);
        line.profile.name = r.personal(self.receiver.as_ref());
        line.profile.nick = line.profile.name.clone().unwrap_or_default();
        line.profile.phone = line.buyer.as_deref().map(str::to_owned);
        line.profile.address = r.personal(self.address.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        let amount = r.required_money(&self.amount)?;
        let mut st = r.status(&self.status)?;
        if r.text(self.after_sale.as_ref()).is_some_and(|a| a.contains("退款成功")) {
            st = OrderStatus::Refunded;
            line.refund = amount;
        }
        line.status = Some(st);
        if r.cash_on_delivery(&self.payment) {
            line.cash_on_delivery();
        }
        line.shop = r.shop(self.shop.as_ref())?;
        line.amount = Amount::Part(amount);
        // The shop's share of the discounts on this sub-order (the platform's and the
        // creator's cost the seller nothing).
        if let Some(d) = r.money(self.shop_discount.as_ref())? {
            line.discount = Amount::Part(d);
        }
        if let Some(title) = r.text(self.title.as_ref()) {
            line.items.push(ItemRecord {
                title,
                sku: r.text(self.sku.as_ref()),
                category: None,
                quantity: r.count(self.quantity.as_ref())?.unwrap_or(1),
                unit_price: None,
            });
        }
        Ok(line)
    }
}
