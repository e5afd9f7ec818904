//! The models against the published CDNOW results (Fader, Hardie & Lee 2005):
//! the calibration summary computed here from the raw purchases equals the one
//! distributed with the data, and both fits reproduce the paper's estimates.

use super::*;
use crate::error::ErrorCode;
use std::collections::BTreeMap;

fn cdnow() -> &'static str {
    include_str!("../../../../../tests/data/cdnow/CDNOW_sample.txt")
}

/// Each customer's transactions: distinct days with their dollar totals.
fn cdnow_days() -> BTreeMap<u32, Vec<(NaiveDate, f64)>> {
    let mut by_customer: BTreeMap<u32, BTreeMap<NaiveDate, f64>> = BTreeMap::new();
    for line in cdnow().lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let day = NaiveDate::parse_from_str(f[2], "%Y%m%d").unwrap();
        *by_customer.entry(f[1].parse().unwrap()).or_default().entry(day).or_default() += f[4].parse::<f64>().unwrap();
    }
    by_customer.into_iter().map(|(id, days)| (id, days.into_iter().collect())).collect()
}

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(1997, 9, 30).unwrap()
}

fn summaries() -> Vec<Summary> {
    cdnow_days().values().filter_map(|d| summarize(d, end(), Unit::Week)).collect()
}

fn within(got: f64, want: f64, rel: f64) -> bool {
    ((got - want) / want).abs() <= rel
}

#[test]
fn the_calibration_summary_is_the_published_one() {
    let published = include_str!("../../../../../tests/data/cdnow/cdnow_customers_summary.csv");
    let ours = summaries();
    assert_eq!(ours.len(), 2357);
    for (line, s) in published.lines().skip(1).zip(&ours) {
        let f: Vec<f64> = line.split(',').map(|v| v.parse().unwrap()).collect();
        assert_eq!(f64::from(s.x), f[1], "{line}");
        assert!((s.t_x - f[2]).abs() < 0.006 && (s.t - f[3]).abs() < 0.006, "{line}: {s:?}");
    }
    assert_eq!(ours.iter().filter(|s| s.x > 0).count(), 946);
}

/// The means a forecast values purchases at: the repeat purchases' for the
/// spend model, all of them for the fallback; a day after the end counts in neither.
#[test]
fn a_summary_carries_both_means_up_to_its_end() {
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    let days = [(day(15), 60.0), (day(1), 10.0), (day(8), 20.0), (day(29), 1000.0)];
    let s = summarize(&days, day(22), Unit::Day).unwrap();
    assert_eq!((s.x, s.t_x, s.t), (2, 14.0, 21.0));
    assert_eq!((s.mean_repeat, s.mean), (Some(40.0), 30.0));
    let once = summarize(&days, day(1), Unit::Week).unwrap();
    assert_eq!((once.x, once.mean_repeat, once.mean), (0, None, 10.0));
    assert_eq!(summarize(&days, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(), Unit::Day), None);
}

#[test]
fn bgnbd_reproduces_the_paper_on_cdnow() {
    let data = summaries();
    let (m, fit) = BgNbd::fit(&data).unwrap();
    assert!(fit.converged, "{fit:?}");
    let published = [(m.r, 0.243), (m.alpha, 4.414), (m.a, 0.793), (m.b, 2.426)];
    assert!(published.iter().all(|&(got, want)| within(got, want, 0.01)), "{m:?}");
    assert!((fit.ll - -9582.4).abs() < 0.5, "{}", fit.ll);
    assert!((m.log_likelihood(&data) - fit.ll).abs() < 1e-9);
}

/// P(alive) and E[Y(t)] at the published parameters, against the paper's closed
/// forms evaluated with mpmath at 30 digits (its hyp2f1 included).
#[test]
fn p_alive_and_expected_purchases_at_the_published_parameters() {
    let m = BgNbd { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    let one = Summary { x: 2, t_x: 30.43, t: 38.86, mean_repeat: None, mean: 0.0 };
    assert!(within(m.p_alive(&one), 0.726_578_570_080_673, 1e-9), "{}", m.p_alive(&one));
    assert!(within(m.expected(&one, 39.0), 1.226_028_174_767_140_5, 1e-9), "{}", m.expected(&one, 39.0));
    // No repeat purchase: alive as far as the model can tell, and fewer purchases to expect.
    let new = Summary { x: 0, t_x: 0.0, t: 38.86, mean_repeat: None, mean: 0.0 };
    assert_eq!(m.p_alive(&new), 1.0);
    assert!(within(m.expected(&new, 39.0), 0.195_098_052_011_262_9, 1e-9), "{}", m.expected(&new, 39.0));
}

#[test]
fn gamma_gamma_reproduces_the_paper_on_cdnow() {
    let data: Vec<(u32, f64)> = summaries().iter().filter_map(|s| Some((s.x, s.mean_repeat?))).collect();
    assert_eq!(data.len(), 946);
    let (m, fit) = GammaGamma::fit(&data).unwrap();
    assert!(fit.converged, "{fit:?}");
    let published = [(m.p, 6.25), (m.q, 3.74), (m.gamma, 15.44)];
    assert!(published.iter().all(|&(got, want)| within(got, want, 0.01)), "{m:?}");
}

/// A shop whose buyers never came back: the likelihood has no interior maximum,
/// and the fit says so instead of reporting where it gave up.
#[test]
fn no_repeat_buyers_give_no_converged_fit() {
    let data: Vec<Summary> =
        (0..40).map(|i| Summary { x: 0, t_x: 0.0, t: f64::from(10 + i), mean_repeat: None, mean: 0.0 }).collect();
    let converged = BgNbd::fit(&data).is_some_and(|(_, fit)| fit.converged);
    assert!(!converged);
    assert!(GammaGamma::fit(&[]).is_none());
}

#[test]
fn cdnow_is_reliable_and_a_small_shop_falls_back_saying_why() {
    let data = summaries();
    let fit = BgNbd::fit(&data).map(|(m, f)| (m, f.converged));
    let (method, why) = forecast::method(&data, fit, None, Unit::Week);
    assert!(matches!(method, Method::Models { .. }) && why.is_none());
    let (method, why) = forecast::method(&data[..50], fit, None, Unit::Week);
    assert_eq!(why, Some(Unreliable::TooFewCustomers { customers: 50, min: 100 }));
    assert!(matches!(method, Method::Fallback { .. }));
    let once: Vec<Summary> = data.iter().map(|s| Summary { x: 0, t_x: 0.0, ..*s }).collect();
    let (_, why) = forecast::method(&once, fit, None, Unit::Week);
    assert_eq!(why, Some(Unreliable::TooFewRepeatBuyers { repeat_buyers: 0, min: 20 }));
    let (_, why) = forecast::method(&data, fit.map(|(m, _)| (m, false)), None, Unit::Week);
    assert_eq!(why, Some(Unreliable::NotConverged));
}

/// The fallback's figures and the CLV's discounting, by hand: a customer who
/// bought twice 30 days apart, the last time today, in a shop where τ = 30 days.
#[test]
fn the_fallback_rule_and_the_clv_by_hand() {
    let m = Method::Fallback { gap: 30.0 };
    let s = Summary { x: 1, t_x: 30.0, t: 30.0, mean_repeat: Some(50.0), mean: 50.0 };
    let f = m.forecast(&s, Unit::Day, 60);
    // P(alive) = e⁰; 2 purchases in 30 days: 6 in 90 days, 4 in the 60-day horizon.
    assert_eq!(f.p_alive, 1.0);
    assert!((f.expected_90d - 6.0).abs() < 1e-12 && (f.expected - 4.0).abs() < 1e-12, "{f:?}");
    // 2 × 50 / 1.01 + 2 × 50 / 1.01².
    assert!((f.clv - (100.0 / 1.01 + 100.0 / 1.0201)).abs() < 1e-9, "{}", f.clv);
    // 60 days since the last purchase: e^−2 of it.
    let quiet = Summary { t: 90.0, ..s };
    assert!((m.forecast(&quiet, Unit::Day, 60).p_alive - (-2.0f64).exp()).abs() < 1e-12);
}

#[test]
fn horizons_are_one_day_to_ten_years() {
    assert_eq!(forecast::check_horizon(365), Ok(365));
    for bad in [0, -5, 3651] {
        assert_eq!(forecast::check_horizon(bad).unwrap_err().code(), "predict.horizon_out_of_range");
    }
}

/// The analytic gradients the search follows are the likelihoods' derivatives:
/// against central differences at the CDNOW estimates and far from them.
#[test]
fn the_gradients_are_the_likelihoods_derivatives() {
    use super::optimize::tests::gradient_matches_differences;
    let data = summaries();
    let sample = bgnbd::Sample::of(&data);
    for at in [[0.243, 4.414, 0.793, 2.426], [1.7, 0.3, 3.0, 0.6], [0.05, 60.0, 0.2, 12.0]] {
        gradient_matches_differences(&sample, &at);
    }
    let spend: Vec<(u32, f64)> = data.iter().filter_map(|s| Some((s.x, s.mean_repeat?))).collect();
    let sample = gamma_gamma::Sample::of(&spend);
    for at in [[6.25, 3.74, 15.44], [0.8, 12.0, 300.0], [30.0, 1.2, 2.0]] {
        gradient_matches_differences(&sample, &at);
    }
}

/// A large shop: its starts are searched on a sample, and the polish on the
/// whole data lands where searching every start on the whole data does, for a
/// fraction of the whole-data evaluations.
#[test]
fn a_large_shop_is_searched_on_a_sample_and_polished_to_the_same_optimum() {
    let data = summaries();
    // CDNOW 40 times over, each copy a few days younger: 94,280 customers.
    let big: Vec<Summary> =
        (0..40).flat_map(|k| data.iter().map(move |s| Summary { t: s.t + f64::from(k) / 7.0, ..*s })).collect();
    let (m, quick) = BgNbd::fit(&big).unwrap();
    assert!(quick.converged, "{quick:?}");
    let sample = bgnbd::Sample::of(&big);
    let starts = [vec![0.0, 1.0, 0.0, 0.0], vec![-1.0, 2.0, -0.5, 1.0]];
    let whole = optimize::maximize(&sample, None, &starts).unwrap();
    assert!(whole.converged);
    assert!((quick.ll - whole.ll).abs() < 1e-6, "{} vs {}", quick.ll, whole.ll);
    for (got, want) in [m.r, m.alpha, m.a, m.b].iter().zip(&whole.params) {
        assert!(within(*got, *want, 1e-3), "{m:?} vs {:?}", whole.params);
    }
    assert!(quick.evaluations * 3 < whole.evaluations, "{} vs {}", quick.evaluations, whole.evaluations);

    let spend: Vec<(u32, f64)> = big.iter().filter_map(|s| Some((s.x, s.mean_repeat?))).collect();
    let spend: Vec<(u32, f64)> =
        spend.iter().enumerate().map(|(i, &(x, m))| (x, m * (1.0 + (i % 7) as f64 / 50.0))).collect();
    let (g, quick) = GammaGamma::fit(&spend).unwrap();
    let whole = optimize::maximize(&gamma_gamma::Sample::of(&spend), None, &[vec![0.0, 0.0, 3.0]]).unwrap();
    assert!(quick.converged && whole.converged);
    assert!((quick.ll - whole.ll).abs() < 1e-6, "{} vs {}", quick.ll, whole.ll);
    assert!(within(g.p, whole.params[0], 1e-3) && within(g.q, whole.params[1], 1e-3), "{g:?} vs {whole:?}");
}
