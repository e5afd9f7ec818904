//! What a "privacy export" shows of a person: enough to tell two rows apart and
//! to read the region, never enough to call, mail or visit them. The rules live
//! here, once, so that every export (customers, orders, CSV or XLSX) masks alike.
//!
//! - A phone keeps its first three and last four digits (`138****5678`), the way
//!   the platforms themselves mask one; a short number keeps its last two.
//! - An email keeps the first character of its local part and its domain
//!   (`l***@example.com`): the domain says nothing of the person.
//! - A name or a chat handle keeps its first character (`张**`).
//! - A buyer id or nick that is an email or a phone number is masked as one,
//!   and a nick that is the person's name as a name.
//! - A street address is withheld entirely (`***`); province and city are kept,
//!   as regional counts are what a masked export is usually shared for.

/// What stands for withheld text.
pub const WITHHELD: &str = "***";

/// `13812345678` → `138****5678`; separators such as `+86 ` are kept in place.
pub fn mask_phone(phone: &str) -> String {
    let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return mask_name(phone);
    }
    let (head, tail) = if digits >= 7 { (3, 4) } else { (0, 2.min(digits)) };
    let mut seen = 0;
    phone
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > digits - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// `li.wei@example.com` → `l***@example.com`; text without `@` is masked as a name.
pub fn mask_email(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}{WITHHELD}@{domain}")
        }
        None => mask_name(email),
    }
}

/// `张三丰` → `张**`, `Ann Lee` → `A** ***`: the first character, then a star
/// for every further one but spaces.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    let Some(first) = chars.next() else { return String::new() };
    std::iter::once(first).chain(chars.map(|c| if c.is_whitespace() { ' ' } else { '*' })).collect()
}

/// A buyer id or nick is shown, unless it is an email or a phone number (Shopify
/// and WooCommerce key buyers by email, a Pinduoduo export may by phone): those
/// are masked as such.
pub fn mask_identity(text: &str) -> String {
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    let phone_like = digits >= 7 && text.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if text.contains('@') {
        mask_email(text)
    } else if phone_like {
        mask_phone(text)
    } else {
        text.to_owned()
    }
}

/// A nick is a handle, shown, unless it is the person's name (Shopify and Etsy
/// fill it with one), an email or a phone number.
pub fn mask_nick(nick: &str, name: Option<&str>) -> String {
    if name.is_some_and(|n| !n.trim().is_empty() && n.trim().eq_ignore_ascii_case(nick.trim())) {
        mask_name(nick)
    } else {
        mask_identity(nick)
    }
}

/// A street address is withheld whole: any part of it can name a building.
pub fn mask_address(address: &str) -> String {
    if address.trim().is_empty() {
        String::new()
    } else {
        WITHHELD.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_the_first_three_and_last_four_digits() {
        for (raw, masked) in [
            ("13812345678", "138****5678"),
            ("+86 138-1234-5678", "+86 1**-****-5678"),
            ("138****5678", "138****5678"),
            ("(555) 010-2345", "(555) ***-2345"),
            ("12345", "***45"),
            ("", ""),
        ] {
            assert_eq!(mask_phone(raw), masked, "{raw}");
        }
    }

    #[test]
    fn emails_keep_the_first_character_and_the_domain() {
        assert_eq!(mask_email("li.wei@example.com"), "l***@example.com");
        assert_eq!(mask_email("a@b.cn"), "a***@b.cn");
        assert_eq!(mask_email("not an email"), "n** ** *****");
    }

    #[test]
    fn identities_are_masked_only_when_they_are_contacts() {
        assert_eq!(mask_identity("jack.wong1@example.com"), "j***@example.com");
        assert_eq!(mask_identity("13812345678"), "138****5678");
        assert_eq!(mask_identity("tb_江南小雨"), "tb_江南小雨");
        assert_eq!(mask_identity("order 1234567"), "order 1234567");
        assert_eq!(mask_nick("Jack Wong", Some("jack wong")), "J*** ****");
        assert_eq!(mask_nick("江南小雨", Some("李伟")), "江南小雨");
        assert_eq!(mask_nick("13812345678", None), "138****5678");
    }

    #[test]
    fn names_keep_their_first_character_and_addresses_are_withheld() {
        assert_eq!(mask_name("张三丰"), "张**");
        assert_eq!(mask_name(" Ann Lee "), "A** ***");
        assert_eq!(mask_name("😀x"), "😀*");
        assert_eq!(mask_address("浙江省杭州市西湖区文三路 90 号"), WITHHELD);
        assert_eq!(mask_address("  "), "");
    }
}
