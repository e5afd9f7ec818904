//! JD POP 订单导出 (shared/formats/jd.txt): one row per SKU, the order's fields
//! repeated on each; 下单帐号 (the buyer's JD pin) is the identity unless masked.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection};
use crate::import::source::Record;
use chrono_tz::Tz;

pub const MARKERS: &[&str] = &["下单帐号", "京东价", "应付金额", "订购数量", "付款确认时间", "商品ID"];

pub struct Orders {
    tz: Tz,
    order_no: Col,
    buyer: Col,
    payable: Col,
    status: Col,
    created: Col,
    paid: Option<Col>,
    title: Option<Col>,
    sku: Option<Col>,
    quantity: Option<Col>,
    price: Option<Col>,
    name: Option<Col>,
    address: Option<Col>,
    phone: Option<Col>,
    shop: Option<Col>,
    payment: [Option<Col>; 1],
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Orders {
            tz,
            order_no: c.require(&["订单号"])?,
            buyer: c.require(&["下单帐号", "下单账号"])?,
            payable: c.require(&["应付金额"])?,
            status: c.require(&["订单状态"])?,
            created: c.require(&["下单时间"])?,
            paid: c.find(&["付款确认时间"]),
            title: c.find(&["商品名称"]),
            sku: c.find(&["商品ID", "货号"]),
            quantity: c.find(&["订购数量"]),
            price: c.find(&["京东价"]),
            name: c.find(&["客户姓名"]),
            address: c.find(&["客户地址"]),
            phone: c.find(&["联系电话"]),
            shop: c.find(&["店铺名称"]),
            payment: [c.find(&["支付方式"])],
        })
    }
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.order_no, "order number")?.into());
        line.buyer = r.personal_str(Some(&self.buyer)).map(Into::into);
        line.profile.nick = line.buyer.as_deref().unwrap_or_default().to_owned();
        line.profile.name = r.personal(self.name.as_ref());
        line.profile.address = r.personal(self.address.as_ref());
        line.profile.phone = r.personal(self.phone.as_ref());
        line.created_at = Some(r.required_datetime(&self.created)?);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        line.shop = r.shop(self.shop.as_ref())?;
        line.status = Some(r.status(&self.status)?);
        if r.cash_on_delivery(&self.payment) {
            line.cash_on_delivery();
        }
        line.amount = Amount::Order(r.required_money(&self.payable)?);
        if let Some(title) = r.text(self.title.as_ref()) {
            line.items.push(ItemRecord {
                title,
                sku: r.text(self.sku.as_ref()),
                category: None,
                quantity: r.count(self.quantity.as_ref())?.unwrap_or(1),
                unit_price: r.money(self.price.as_ref())?,
            });
        }
        Ok(line)
    }
}
