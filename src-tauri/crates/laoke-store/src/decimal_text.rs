//! A decimal's stored text, written into a buffer on the stack. Money is stored
//! as `Decimal::to_string()`; a heap string per line item (half a million in
//! the UCI file, formatted through `fmt` machinery) was made only to be bound
//! and freed. The text is exactly what `Display` writes, which the tests check
//! over many values.

use rust_decimal::Decimal;

/// Room for any decimal: 29 digits, a sign, a point and a leading zero.
const CAPACITY: usize = 40;

pub(crate) struct DecimalText {
    buf: [u8; CAPACITY],
}

impl Default for DecimalText {
    fn default() -> Self {
        DecimalText { buf: [0; CAPACITY] }
    }
}

impl DecimalText {
    /// `d` as `d.to_string()` writes it.
    pub(crate) fn of(&mut self, d: Decimal) -> &str {
        // The digits of the mantissa, least significant first, padded with zeros
        // up to the scale (0.05 has the digits "5" and "0").
        let mut digits = [b'0'; CAPACITY];
        let mut n = 0;
        let mut m = d.mantissa().unsigned_abs();
        while m > 0 {
            digits[n] = b'0' + (m % 10) as u8;
            m /= 10;
            n += 1;
        }
        let scale = d.scale() as usize;
        n = n.max(scale);
        let mut len = 0;
        let mut push = |b: u8| {
            self.buf[len] = b;
            len += 1;
        };
        if d.is_sign_negative() {
            push(b'-');
        }
        let whole = n - scale;
        for i in 0..n {
            if i == whole {
                if i == 0 {
                    push(b'0');
                }
                push(b'.');
            }
            push(digits[n - 1 - i]);
        }
        if n == 0 {
            push(b'0');
        }
        // Only ASCII digits, '-' and '.' were written.
        std::str::from_utf8(&self.buf[..len]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn writes_what_display_writes() {
        let mut text = DecimalText::default();
        let mut check = |d: Decimal| assert_eq!(text.of(d), d.to_string(), "{d:?}");
        for s in
            ["0", "0.00", "-0.00", "2.55", "0.05", "-0.05", "12", "-8.00", "100.10", "0.0000000000000000000000000001"]
        {
            check(s.parse().unwrap());
        }
        check(Decimal::MAX);
        check(Decimal::MIN);
        check(-Decimal::ZERO);
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..20_000 {
            let bits: u32 = rng.random_range(0..=96);
            let mantissa = (rng.random::<u128>() >> (128 - bits.max(1))) as i128 & ((1i128 << 96) - 1);
            let mantissa = if rng.random() { -mantissa } else { mantissa };
            check(Decimal::from_i128_with_scale(mantissa, rng.random_range(0..=28)));
        }
    }
}
