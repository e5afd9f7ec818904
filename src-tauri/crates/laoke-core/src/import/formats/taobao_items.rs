//! Taobao/Tmall 宝贝报表 (ExportOrderDetailList / 销售明细): one row per item,
//! joined to its order by 订单编号 (classic) or 主订单编号 (newer, with
//! 子订单编号). It carries the lines and prices the order report lacks; the
//! store attaches them to the order whichever report is imported first.

use super::columns::{Col, Columns, Reading};
use super::RowReader;
use crate::archive::ItemRecord;
use crate::import::error::ImportError;
use crate::import::line::{Line, Rejection};
use crate::import::source::Record;
use chrono_tz::Tz;

pub const MARKERS: &[&str] =
    &["标题", "商品标题", "价格", "商品价格", "购买数量", "子订单编号", "商品属性", "外部系统编号"];

pub struct Items {
    tz: Tz,
    order_no: Col,
    title: Col,
    price: Option<Col>,
    quantity: Option<Col>,
    sku: Option<Col>,
    attributes: Option<Col>,
}

impl Items {
    pub fn bind(c: &Columns<'_>, tz: Tz) -> Result<Self, ImportError> {
        Ok(Items {
            tz,
            order_no: c.require(&["主订单编号", "订单编号"])?,
            title: c.require(&["标题", "商品标题"])?,
            price: c.find(&["价格", "商品价格"]),
            quantity: c.find(&["购买数量"]),
            sku: c.find(&["商家编码", "外部系统编号"]),
            attributes: c.find(&["商品属性"]),
        })
    }
}

impl RowReader for Items {
    fn read(&self, rec: &Record) -> Result<Line, Rejection> {
        let r = Reading { rec, tz: self.tz, date_format: None };
        let mut line = Line::new(rec.row, r.required_text(&self.order_no, "order number")?.into());
        let title = r.required_text(&self.title, "item title")?;
        line.items.push(ItemRecord {
            title,
            sku: r.text(self.sku.as_ref()),
            category: r.text(self.attributes.as_ref()),
            quantity: r.count(self.quantity.as_ref())?.unwrap_or(1),
            unit_price: r.money(self.price.as_ref())?,
        });
        Ok(line)
    }
}
