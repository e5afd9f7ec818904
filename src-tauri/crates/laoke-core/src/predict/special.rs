//! The special functions the models need: the log-gamma function (from `libm`,
//! a maintained port of the C library's), its derivative the digamma function
//! (from `statrs`), and the Gaussian hypergeometric function ₂F₁, which no
//! maintained pure-Rust crate offers for real arguments.
//! ₂F₁ is only ever evaluated here at 0 ≤ z < 1 with positive a, b and c (the
//! BG/NBD conditional expectation's t / (α + T + t)), where its power series
//! converges; tested against values computed with mpmath at 50 digits.

/// ln Γ(x) for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// ψ(x), the derivative of ln Γ, for x > 0 (from `statrs`).
pub fn digamma(x: f64) -> f64 {
    statrs::function::gamma::digamma(x)
}

/// ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and c > 0. The terms
/// shrink like zⁿ once n passes a, b and c, so even z = 0.99 needs a few
/// thousand of them; the sum stops when a term no longer moves it.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    debug_assert!((0.0..1.0).contains(&z) && c > 0.0, "hyp2f1 outside its series' domain: z = {z}, c = {c}");
    let (mut sum, mut term) = (1.0_f64, 1.0_f64);
    for n in 0..200_000 {
        let n = f64::from(n);
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if term.abs() <= sum.abs() * 1e-16 {
            break;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) {
        assert!(((got - want) / want).abs() < rel, "got {got}, want {want}");
    }

    #[test]
    fn log_gamma_matches_known_values() {
        close(ln_gamma(0.5), 0.572_364_942_924_700_1, 1e-14); // ln √π
        close(ln_gamma(10.0), 12.801_827_480_081_469, 1e-14); // ln 9!
        close(ln_gamma(0.243), 1.318_043_584_699_669_9, 1e-12);
    }

    /// Reference values from mpmath.hyp2f1 (50 significant digits).
    #[test]
    fn hyp2f1_matches_mpmath() {
        close(hyp2f1(1.0, 1.0, 2.0, 0.5), 1.386_294_361_119_890_6, 1e-14); // −ln(1 − z)/z
        close(hyp2f1(0.243, 2.426, 2.219, 0.27), 1.088_064_973_214_851_5, 1e-12);
        close(hyp2f1(2.243, 3.426, 4.219, 0.9), 48.512_161_105_407_365, 1e-10);
        close(hyp2f1(10.243, 12.426, 12.219, 0.2), 10.226_762_185_995_56, 1e-10);
    }
}
