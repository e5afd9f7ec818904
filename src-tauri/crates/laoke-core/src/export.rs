//! The columns of a customer or order export, their titles in each language
//! the app speaks, and the one rule that keeps a spreadsheet from running what
//! a buyer typed. The store fills the rows; this says what they are called.

/// One column: its stable key (the same in every language, for scripts) and its titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn col(key: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { key, zh, en }
}

/// A customer export, left to right.
pub const CUSTOMER_COLUMNS: &[Column] = &[
    col("id", "客户编号", "Customer ID"),
    col("platform", "平台", "Platform"),
    col("buyer_id", "买家ID", "Buyer ID"),
    col("nick", "昵称", "Nick"),
    col("name", "姓名", "Name"),
    col("phone", "手机", "Phone"),
    col("email", "邮箱", "Email"),
    col("wechat", "微信", "WeChat"),
    col("province", "省份", "Province"),
    col("city", "城市", "City"),
    col("address", "地址", "Address"),
    col("birthday", "生日", "Birthday"),
    col("birthday_lunar", "农历生日", "Lunar birthday"),
    col("gender", "性别", "Gender"),
    col("hobbies", "爱好", "Hobbies"),
    col("shops", "店铺", "Shops"),
    col("tags", "标签", "Tags"),
    col("stage", "生命周期", "Stage"),
    col("tier", "会员等级", "Tier"),
    col("rfm", "RFM 分组", "RFM group"),
    col("orders", "订单数", "Orders"),
    col("purchases", "购买次数", "Purchases"),
    col("value", "累计消费", "Total spent"),
    col("first_purchase", "首次购买", "First purchase"),
    col("last_purchase", "最近购买", "Last purchase"),
    col("dnd", "免打扰", "Do not disturb"),
    col("p_alive", "活跃概率", "P(alive)"),
    col("expected_90d", "预计 90 天购买次数", "Expected purchases in 90 days"),
    col("clv", "预测客户价值", "Predicted CLV"),
    col("notes", "备注", "Notes"),
];

/// An order export, left to right.
pub const ORDER_COLUMNS: &[Column] = &[
    col("order_no", "订单号", "Order number"),
    col("platform", "平台", "Platform"),
    col("shop", "店铺", "Shop"),
    col("customer_id", "客户编号", "Customer ID"),
    col("buyer_id", "买家ID", "Buyer ID"),
    col("nick", "昵称", "Nick"),
    col("status", "订单状态", "Status"),
    col("kind", "类型", "Kind"),
    col("created_at", "下单时间", "Created"),
    col("paid_at", "付款时间", "Paid"),
    col("shipped_at", "发货时间", "Shipped"),
    col("completed_at", "完成时间", "Completed"),
    col("amount_paid", "实付金额", "Amount paid"),
    col("refund", "退款金额", "Refund"),
    col("value", "计入金额", "Value"),
    col("coupon_code", "优惠码", "Coupon code"),
    col("discount", "店铺优惠", "Shop discount"),
    col("items", "商品", "Items"),
    col("receiver_name", "收货人", "Receiver"),
    col("phone", "收货手机", "Receiver phone"),
    col("address", "收货地址", "Shipping address"),
    col("buyer_message", "买家留言", "Buyer message"),
    col("seller_note", "卖家备注", "Seller note"),
];

/// The columns' titles in `language` (`en…` for English, Chinese otherwise, the app's default).
pub fn titles(columns: &[Column], language: &str) -> Vec<&'static str> {
    let english = language.to_ascii_lowercase().starts_with("en");
    columns.iter().map(|c| if english { c.en } else { c.zh }).collect()
}

/// A text cell that a spreadsheet would read as a formula (`=HYPERLINK(…)`,
/// `+cmd|…`, `@SUM(…)`, or a tab or carriage return before one) gets a leading
/// apostrophe, which Excel, WPS and LibreOffice show as plain text. Only text
/// columns pass through here: a negative amount stays a number.
pub fn defuse_formula(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_unique_key_and_both_titles() {
        for columns in [CUSTOMER_COLUMNS, ORDER_COLUMNS] {
            let mut keys: Vec<_> = columns.iter().map(|c| c.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), columns.len());
            assert!(columns.iter().all(|c| !c.zh.is_empty() && !c.en.is_empty()));
        }
        assert_eq!(titles(ORDER_COLUMNS, "en-US")[0], "Order number");
        assert_eq!(titles(ORDER_COLUMNS, "zh-CN")[0], "订单号");
    }

    #[test]
    fn formulas_become_text() {
        assert_eq!(defuse_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(defuse_formula("+1 cmd|' /C calc'!A0"), "'+1 cmd|' /C calc'!A0");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("-2+3"), "'-2+3");
        assert_eq!(defuse_formula("江南 = good"), "江南 = good");
        assert_eq!(defuse_formula(""), "");
    }
}
