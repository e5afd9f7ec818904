//! The words platforms use for an order's state, mapped onto [`OrderStatus`].
//! One vocabulary for all formats (and for generic files, whose status column
//! can say anything): platform-specific nuances — a Taobao 交易关闭 after a full
//! refund is a refund — are decided by the format with the amounts in hand.

use crate::OrderStatus;

/// The status a status cell means, or `None` when the word is unknown.
pub fn normalize(raw: &str) -> Option<OrderStatus> {
    let s = raw.trim().to_lowercase().replace(['，', ' '], ",").replace('-', "_");
    let s = s.strip_prefix("wc_").unwrap_or(&s);
    use OrderStatus::*;
    let status = match s {
        "等待买家付款" | "买家未付款" | "等待付款" | "待付款" | "未付款" | "待支付" | "unpaid" | "pending"
        | "pending_payment" | "awaiting_payment" | "authorized" | "on_hold" | "draft" => Unpaid,
        "买家已付款,等待卖家发货"
        | "等待卖家发货"
        | "待发货"
        | "已付款"
        | "等待出库"
        | "paid"
        | "processing"
        | "awaiting_fulfillment"
        | "unfulfilled" => Paid,
        "卖家已发货,等待买家确认"
        | "卖家已发货"
        | "已发货"
        | "已发货,待收货"
        | "待收货"
        | "等待确认收货"
        | "shipped"
        | "in_transit"
        | "partially_fulfilled"
        | "partial" => Shipped,
        "交易成功" | "已收货" | "已完成" | "完成" | "已签收" | "completed" | "complete" | "fulfilled" | "delivered"
        | "success" => Completed,
        "交易关闭" | "已关闭" | "已取消" | "取消" | "订单取消" | "closed" | "cancelled" | "canceled" | "voided"
        | "failed" | "expired" | "declined" => Closed,
        "退款" | "已退款" | "退款成功" | "全额退款" | "refunded" => Refunded,
        _ => return None,
    };
    Some(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn every_platform_word_maps() {
        let cases = [
            ("等待买家付款", Unpaid),
            ("买家已付款，等待卖家发货", Paid),
            ("买家已付款,等待卖家发货", Paid),
            ("卖家已发货，等待买家确认", Shipped),
            ("交易成功", Completed),
            ("交易关闭", Closed),
            ("已发货，待收货", Shipped),
            ("已收货", Completed),
            ("已完成", Completed),
            ("已关闭", Closed),
            ("wc-processing", Paid),
            ("completed", Completed),
            ("wc-cancelled", Closed),
            ("Refunded", Refunded),
            ("on-hold", Unpaid),
            ("voided", Closed),
            (" Completed ", Completed),
        ];
        for (word, want) in cases {
            assert_eq!(normalize(word), Some(want), "{word}");
        }
        assert_eq!(normalize("摸鱼中"), None);
        assert_eq!(normalize(""), None);
    }
}
