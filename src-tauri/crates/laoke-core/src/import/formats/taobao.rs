//! Taobao/Tmall 订单报表 (ExportOrderList): one order per row, every header
//! variant from 2016 to the 2023+ column set (see shared/formats/taobao_tmall.txt).
//! 宝贝标题 joins the titles of a multi-item order with '，'.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::cells;
use crate::import::error::ImportError;
use crate::import::line::{Amount, Line, Rejection, RowProblem};
use crate::import::source::Record;
use crate::OrderStatus;
use chrono_tz::Tz;
use rust_decimal::Decimal;

/// Columns that mark an order report (any three of them).
pub const MARKERS: &[&str] =
    &["买家会员名", "买家实际支付金额", "买家支付宝账号", "宝贝标题", "订单付款时间", "宝贝总数量"];

pub struct Orders {
    tz: Tz,
    order_no: Col,
    buyer: Col,
    paid_amount: Col,
    status: Col,
    created: Col,
    paid: Option<Col>,
    refund: Option<Col>,
    receiver: Option<Col>,
    address: Option<Col>,
    mobile: Option<Col>,
    phone: Option<Col>,
    titles: Option<Col>,
    count: Option<Col>,
    shop: Option<Col>,
}

impl Orders {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Orders {
            tz,
            order_no: c.require(&["订单编号"])?,
            buyer: c.require(&["买家会员名"])?,
            paid_amount: c.require(&["买家实际支付金额"])?,
            status: c.require(&["订单状态"])?,
            created: c.require(&["订单创建时间"])?,
            paid: c.find(&["订单付款时间"]),
            refund: c.find(&["退款金额"]),
            receiver: c.find(&["收货人姓名"]),
            address: c.find(&["收货地址"]),
            mobile: c.find(&["联系手机"]),
            phone: c.find(&["联系电话"]),
            titles: c.find(&["宝贝标题"]),
            count: c.find(&["宝贝总数量"]),
            shop: c.find(&["店铺名称"]),
        })
    }
}

impl RowReader for Orders {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.order_no, "order number")?.into());
        line.buyer = r.personal_str(Some(&self.buyer)).map(Into::into);
        line.profile.nick = line.buyer.as_deref().unwrap_or_default().to_owned();
        line.profile.name = r.personal(self.receiver.as_ref());
        line.profile.phone = r.personal(self.mobile.as_ref()).or_else(|| r.personal(self.phone.as_ref()));
        line.profile.address = r.personal(self.address.as_ref());
        line.shop = r.shop(self.shop.as_ref())?;
        line.created_at = Some(r.required_datetime(&self.created)?);
        line.paid_at = r.datetime(self.paid.as_ref())?;
        let paid = r.required_money(&self.paid_amount)?;
        // 退款金额 holds text such as 无退款申请 when there was no refund.
        let refund_raw = r.raw_opt(self.refund.as_ref());
        let mut refund = if cells::clean(refund_raw).chars().any(|c| c.is_ascii_digit()) {
            r.money(self.refund.as_ref())?.unwrap_or_default()
        } else {
            Decimal::ZERO
        };
        if refund < Decimal::ZERO || refund > paid {
            return Err(r.reject(
                self.refund.as_ref(),
                &RowProblem::RefundOutOfRange { refund: refund.to_string(), paid: paid.to_string() },
            ));
        }
        let mut st = r.status(&self.status)?;
        // A Taobao order refunded in full ends as 交易关闭 with the refund recorded.
        if st == OrderStatus::Closed && paid > Decimal::ZERO && refund >= paid {
            st = OrderStatus::Refunded;
        }
        // Old reports (2016) say 退款 and have no refund column: the whole payment went back.
        if st == OrderStatus::Refunded && self.refund.is_none() {
            refund = paid;
        }
        line.status = Some(st);
        line.amount = Amount::Order(paid);
        line.refund = refund;
        if let Some(titles) = r.text(self.titles.as_ref()) {
            // The report names the items but gives neither prices nor per-item counts:
            // the order gets one line with all titles and the total count; the item
            // report (宝贝报表) carries the real lines.
            let count = r.count(self.count.as_ref())?.unwrap_or(1);
            line.items.push(ItemRecord { title: titles, sku: None, category: None, quantity: count, unit_price: None });
        }
        Ok(line)
    }
}
