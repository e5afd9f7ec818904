//! What an SMS costs: its length and the number of billed parts. A message in
//! the GSM 7-bit alphabet fits 160 characters (153 per part once it is split);
//! one character outside it (any Chinese character) turns the whole message
//! into UCS-2, 70 characters (67 per part), counted in UTF-16 units so that an
//! emoji counts twice, as the carriers bill it. Chinese SMS platforms require a
//! shop signature in 【】 and an opt-out line; [`sms_text`] adds what a
//! template left out, so the length shown is the length billed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The GSM 03.38 basic alphabet, one septet each.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table: two septets each (an escape, then the character).
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{c}";

/// The opt-out line Chinese carriers expect at the end of a marketing SMS.
pub const OPT_OUT: &str = "回T退订";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SmsEncoding {
    Gsm7,
    Ucs2,
}

/// The length of one SMS text and what it is billed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SmsLength {
    /// Characters as the carrier counts them (septets, or UTF-16 units).
    pub length: u32,
    pub encoding: SmsEncoding,
    /// Billed parts: 1 up to 160/70, then ⌈length / 153⌉ or ⌈length / 67⌉.
    pub segments: u32,
    /// The most one part holds in this encoding (160 or 70), for the UI's counter.
    pub single_max: u32,
}

pub fn sms_length(text: &str) -> SmsLength {
    let mut septets = 0u32;
    let mut gsm = true;
    for c in text.chars() {
        if GSM_BASIC.contains(c) {
            septets += 1;
        } else if GSM_EXTENDED.contains(c) {
            septets += 2;
        } else {
            gsm = false;
            break;
        }
    }
    let (length, single, part, encoding) = if gsm {
        (septets, 160, 153, SmsEncoding::Gsm7)
    } else {
        (text.encode_utf16().count() as u32, 70, 67, SmsEncoding::Ucs2)
    };
    let segments = if length <= single { 1 } else { length.div_ceil(part) };
    SmsLength { length, encoding, segments, single_max: single }
}

/// The text as it is sent by SMS: `【signature】` first unless it already starts
/// with a 【…】 signature, and the opt-out line last unless the text has it.
pub fn sms_text(body: &str, signature: &str) -> String {
    let body = body.trim();
    let mut out = String::new();
    if !body.starts_with('【') {
        out.push('【');
        out.push_str(signature.trim());
        out.push('】');
    }
    out.push_str(body);
    if !body.contains(OPT_OUT) {
        out.push(' ');
        out.push_str(OPT_OUT);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_billed_in_70s_then_67s() {
        let l = sms_length(&"好".repeat(70));
        assert_eq!((l.length, l.segments, l.encoding), (70, 1, SmsEncoding::Ucs2));
        assert_eq!(sms_length(&"好".repeat(71)).segments, 2);
        assert_eq!(sms_length(&"好".repeat(134)).segments, 2);
        assert_eq!(sms_length(&"好".repeat(135)).segments, 3);
        // One Chinese character makes a long English text UCS-2 as well.
        assert_eq!(sms_length(&format!("{}好", "a".repeat(69))).segments, 1);
        assert_eq!(sms_length(&format!("{}好", "a".repeat(70))).segments, 2);
        // An emoji is two UTF-16 units.
        assert_eq!(sms_length("🎂").length, 2);
    }

    #[test]
    fn gsm_text_is_billed_in_160s_then_153s_with_escapes_counted_twice() {
        assert_eq!(sms_length(&"a".repeat(160)).segments, 1);
        assert_eq!(sms_length(&"a".repeat(161)).segments, 2);
        assert_eq!(sms_length(&"a".repeat(306)).segments, 2);
        assert_eq!(sms_length(&"a".repeat(307)).segments, 3);
        let l = sms_length("€5 {off}");
        assert_eq!((l.length, l.encoding), (11, SmsEncoding::Gsm7));
        assert_eq!(sms_length(&format!("{}€", "a".repeat(159))).segments, 2);
    }

    #[test]
    fn signature_and_opt_out_are_added_once() {
        assert_eq!(sms_text("小美，生日快乐！", "老客茶铺"), "【老客茶铺】小美，生日快乐！ 回T退订");
        assert_eq!(sms_text("【茶铺】小美，生日快乐！回T退订", "老客茶铺"), "【茶铺】小美，生日快乐！回T退订");
    }
}
