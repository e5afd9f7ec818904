//! Why one row of an export cannot be used: a [`RowProblem`] with its code
//! (`row.*`) and parameters, and the [`Rejection`] an import report lists for it.
//! A row can also be rejected for a reason that has its own error type
//! elsewhere (a shop name, [`crate::shop::ShopNameError`]); any
//! [`ErrorCode`] becomes a rejection the same way.

use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A row that cannot be used, and why. `row` is the line in the file (header = 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rejection {
    #[ts(type = "number")]
    pub row: u64,
    /// The header of the offending column as written in the file, when one is to blame.
    pub column: Option<String>,
    /// The reason in English, for logs and the command line.
    pub reason: String,
    /// The reason as a code the UI words in the seller's language (`errors.<code>`), with `params`.
    pub code: String,
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

impl Rejection {
    /// The rejection of row `row` (in `column`, when one is to blame) for `why`.
    pub fn new(row: u64, column: Option<String>, why: &dyn ErrorCode) -> Self {
        Rejection { row, column, reason: why.to_string(), code: why.code().to_owned(), params: why.params() }
    }
}

/// What is wrong with a row. The code is `row.` and the variant's name in
/// snake case; the parameters are its fields (`value` is the cell as written).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(untagged)]
#[strum(prefix = "row.", serialize_all = "snake_case")]
pub enum RowProblem {
    /// A cell the format cannot do without is empty (the column names which).
    #[error("missing {what}")]
    MissingValue {
        #[serde(skip)]
        what: &'static str,
    },
    #[error("unknown order status {value:?}")]
    UnknownStatus { value: String },
    #[error("cannot read {value:?} as a date and time")]
    NotADate { value: String },
    #[error("cannot read {value:?} as an amount")]
    NotAnAmount { value: String },
    /// An amount beyond any shop's order (a pasted phone number, an ID in the wrong column).
    #[error("amount {value} is not plausible")]
    AmountImplausible { value: String },
    #[error("negative quantity {value}")]
    QuantityNegative { value: String },
    #[error("cannot read {value:?} as a quantity")]
    QuantityNotANumber { value: String },
    /// Pinduoduo: no order time, and the order number does not start with its date.
    #[error("missing order date, and the order number has no date prefix")]
    NoOrderDate,
    /// Shopify: a financial status the importer does not know.
    #[error("unknown financial status {value:?}")]
    UnknownFinancialStatus { value: String },
    #[error("refund {refund} exceeds the total {total}")]
    RefundExceedsTotal { refund: String, total: String },
    #[error("refund {refund} is not between 0 and the paid {paid}")]
    RefundOutOfRange { refund: String, paid: String },
    /// Bytes of the row that were no text in the file's encoding were replaced with U+FFFD,
    /// as the seller asked; the row is imported with them.
    #[error("bytes that are not text were replaced with U+FFFD in this row")]
    BytesReplaced,
    /// More cells than the header has columns (the rest of the file is fine).
    #[error("{cells} cells, but the header has {columns} columns")]
    TooManyCells { cells: usize, columns: usize },
    /// An order's rows are so far apart that the importer closed the order before the row came.
    #[error(
        "order {order_no} appeared more than {window} orders earlier in the file; its rows must be closer together"
    )]
    OrderRowsApart { order_no: String, window: usize },
    /// An export of several shops whose order numbers collide.
    #[error(
        "order {order_no} of shop {shop:?} is also an order of shop {other_shop:?} in this file; \
         import each shop's orders in a file of its own"
    )]
    OrderOfTwoShops { order_no: String, shop: String, other_shop: String },
    /// The archive already holds this order number with another creation time or buyer.
    #[error(
        "order {order_no} of shop {shop:?} was placed {created_at} by {buyer:?}, but this row says \
         {file_created_at} by {file_buyer:?}: it is another order, perhaps of another shop"
    )]
    OrderConflict {
        order_no: String,
        shop: String,
        created_at: String,
        buyer: String,
        file_created_at: String,
        file_buyer: String,
    },
}

crate::coded_errors!(RowProblem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_carries_the_code_and_the_fields_as_text() {
        let r = Rejection::new(7, Some("数量".into()), &RowProblem::QuantityNotANumber { value: "two".into() });
        assert_eq!(r.code, "row.quantity_not_a_number");
        assert_eq!(r.params, BTreeMap::from([("value".to_owned(), "two".to_owned())]));
        assert_eq!(r.reason, "cannot read \"two\" as a quantity");
        let r = Rejection::new(3, None, &RowProblem::TooManyCells { cells: 9, columns: 8 });
        assert_eq!(r.params["cells"], "9");
        let r = Rejection::new(3, Some("x".into()), &RowProblem::MissingValue { what: "order number" });
        assert_eq!((r.code.as_str(), r.params.len()), ("row.missing_value", 0));
    }
}
