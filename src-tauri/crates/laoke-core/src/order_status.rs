//! The normalized order status. Every platform's wording (交易成功, 买家已付款，等待卖家发货,
//! `fulfilled`, …) maps onto these six; the rules only ever look at these.

use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum OrderStatus {
    /// Placed, never paid (yet). The buyer is a "potential" customer.
    Unpaid,
    /// Paid, not shipped.
    Paid,
    /// Shipped, not confirmed.
    Shipped,
    /// Confirmed received / trade successful.
    Completed,
    /// Closed or cancelled, before or after payment.
    Closed,
    /// Refunded in full after payment.
    Refunded,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] = [
        OrderStatus::Unpaid,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Completed,
        OrderStatus::Closed,
        OrderStatus::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        // The spelling is strum's snake case of the variant, as serde's is.
        self.into()
    }

    /// Whether money changed hands and stayed: the status half of "is a purchase".
    pub fn counts_as_paid(self) -> bool {
        matches!(self, OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Completed)
    }

    /// How far an order has got. An order only ever moves forward (unpaid → paid →
    /// shipped → completed), and closing or refunding it ends it from any stage, a
    /// refund after a close included; so of two exports of one order, the one whose
    /// status has got further is the newer.
    pub fn progress(self) -> u8 {
        match self {
            OrderStatus::Unpaid => 0,
            OrderStatus::Paid => 1,
            OrderStatus::Shipped => 2,
            OrderStatus::Completed => 3,
            OrderStatus::Closed => 4,
            OrderStatus::Refunded => 5,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("unknown order status `{0}`")]
pub struct UnknownStatus(pub String);

impl FromStr for OrderStatus {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrderStatus::ALL.into_iter().find(|st| st.as_str() == s).ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paid_shipped_and_completed_count_as_paid() {
        let paid: Vec<_> = OrderStatus::ALL.into_iter().filter(|s| s.counts_as_paid()).collect();
        assert_eq!(paid, [OrderStatus::Paid, OrderStatus::Shipped, OrderStatus::Completed]);
        for s in OrderStatus::ALL {
            assert_eq!(s.as_str().parse::<OrderStatus>(), Ok(s));
        }
    }

    #[test]
    fn progress_follows_the_order_of_the_list() {
        let progress: Vec<u8> = OrderStatus::ALL.iter().map(|s| s.progress()).collect();
        assert_eq!(progress, [0, 1, 2, 3, 4, 5]);
    }
}
