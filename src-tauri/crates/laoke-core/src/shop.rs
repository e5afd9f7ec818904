//! Shops: one storefront on one platform. A seller may run several on the same
//! platform (a Taobao shop and a Tmall shop, two Pinduoduo shops, three Shopify
//! stores), and order numbers are unique only within a shop (every Shopify store
//! starts at `#1001`), so an order is a shop's order number. A customer stays one
//! buyer identity per platform: a Taobao nick buying in two of a seller's Taobao
//! shops is one person, who has bought in both.

use crate::Platform;
use std::borrow::Cow;

/// The longest shop name, in characters.
pub const NAME_MAX: usize = 100;

/// The name a platform's shop gets until the seller or an export names it: the
/// platform's own word for a shop, as sellers on it say it.
pub fn default_name(platform: Platform) -> &'static str {
    match platform {
        Platform::Taobao => "淘宝店",
        Platform::Tmall => "天猫店",
        Platform::Pinduoduo => "拼多多店",
        Platform::Jd => "京东店",
        Platform::Douyin => "抖店",
        Platform::Shopify => "Shopify store",
        Platform::Woocommerce => "WooCommerce store",
        Platform::Etsy => "Etsy shop",
        Platform::Generic => "Other shop",
    }
}

/// Why a shop name cannot be used (`shop.name_empty`, `shop.name_too_long {max}`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(untagged)]
#[strum(prefix = "shop.", serialize_all = "snake_case")]
pub enum ShopNameError {
    #[error("a shop name cannot be empty")]
    NameEmpty,
    #[error("a shop name has at most {max} characters")]
    NameTooLong { max: usize },
}

crate::coded_errors!(ShopNameError);

/// A shop name as it is stored: trimmed, not empty, at most [`NAME_MAX`]
/// characters, line breaks and tabs turned into spaces. Borrowed when it is
/// already so (every row of an export names its shop).
pub fn checked_name(name: &str) -> Result<Cow<'_, str>, ShopNameError> {
    let name = name.trim();
    let name = if name.chars().any(char::is_control) {
        Cow::Owned(name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(name)
    };
    if name.is_empty() {
        Err(ShopNameError::NameEmpty)
    } else if name.chars().count() > NAME_MAX {
        Err(ShopNameError::NameTooLong { max: NAME_MAX })
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_has_a_valid_default_name() {
        let names: std::collections::HashSet<&str> = Platform::ALL.iter().map(|&p| default_name(p)).collect();
        assert_eq!(names.len(), Platform::ALL.len(), "one default per platform");
        for name in names {
            assert_eq!(checked_name(name).as_deref(), Ok(name));
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(checked_name("  Tea House \n").as_deref(), Ok("Tea House"));
        assert_eq!(checked_name("A\tB").as_deref(), Ok("A B"));
        assert_eq!(checked_name(" \t "), Err(ShopNameError::NameEmpty));
        assert_eq!(checked_name(&"茶".repeat(NAME_MAX)).map(|n| n.chars().count()), Ok(NAME_MAX));
        assert_eq!(checked_name(&"茶".repeat(NAME_MAX + 1)), Err(ShopNameError::NameTooLong { max: NAME_MAX }));
    }
}
