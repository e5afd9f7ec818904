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

/// Whether a payment-method cell says cash on delivery: 货到付款 (JD, Douyin),
/// Shopify's `Cash on Delivery (COD)`, WooCommerce's gateway id `cod` or its
/// title `Cash on delivery`.
pub fn is_cash_on_delivery(method: &str) -> bool {
    // Every row of some exports names its payment method: no allocation, no search in an empty cell.
    let m = method.trim();
    let has = |needle: &str| m.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    !m.is_empty()
        && (m.contains("货到付款") || m.eq_ignore_ascii_case("cod") || has("cash on delivery") || has("(cod)"))
}

/// A cash-on-delivery order as the archive keeps it, from the status its
/// platform shows (which follows the goods, not the money): the buyer pays the
/// courier, so an order waiting to ship is not paid, a shipped one is paid only
/// once the seller confirms it (`cod` stays true: see `OrderRecord::cod`), and a
/// delivered (completed) one was paid on delivery.
pub fn cash_on_delivery(status: OrderStatus) -> (OrderStatus, bool) {
    use OrderStatus::*;
    match status {
        Unpaid | Paid => (Unpaid, true),
        Completed => (Completed, false),
        s => (s, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn cash_on_delivery_is_recognized_in_every_wording() {
        for yes in ["货到付款", "Cash on Delivery (COD)", "cod", " COD ", "Cash on delivery", "货到付款(现金)"]
        {
            assert!(is_cash_on_delivery(yes), "{yes}");
        }
        for no in ["在线支付", "bacs", "Credit card", "codice", "", "抖音支付", "PayPal"] {
            assert!(!is_cash_on_delivery(no), "{no}");
        }
        assert_eq!(cash_on_delivery(Paid), (Unpaid, true), "waiting to ship: nothing paid yet");
        assert_eq!(cash_on_delivery(Shipped), (Shipped, true));
        assert_eq!(cash_on_delivery(Completed), (Completed, false), "delivered: the courier collected");
        assert_eq!(cash_on_delivery(Closed), (Closed, true));
    }

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
