//! Maximum likelihood by Nelder–Mead (argmin's) over the logs of the
//! parameters, which keeps every parameter positive without constraints; a
//! box on the logs keeps a degenerate shop's fit from running off to zero or
//! infinity. Several starting points, each polished by a restart from where it
//! stopped, and the best kept: one start can stall on a ridge of the
//! likelihood that another avoids.

use argmin::core::{CostFunction, Executor, State, TerminationReason, TerminationStatus};
use argmin::solver::neldermead::NelderMead;

/// The box on the logs of the parameters: e^±10 spans 4.5·10⁻⁵ to 22,026.
pub const LOG_BOUND: f64 = 10.0;

/// Where a fit ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimum {
    /// The parameters (not their logs).
    pub params: Vec<f64>,
    /// The log-likelihood there.
    pub ll: f64,
    /// Nelder–Mead converged (the simplex's costs agree) inside the box, not on its wall.
    pub converged: bool,
    /// Nelder–Mead iterations spent, over every start.
    pub iterations: u64,
}

struct NegLogLikelihood<'f> {
    ll: &'f dyn Fn(&[f64]) -> f64,
}

impl CostFunction for NegLogLikelihood<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, logs: &Self::Param) -> Result<f64, argmin::core::Error> {
        if logs.iter().any(|l| !l.is_finite() || l.abs() > LOG_BOUND) {
            // Outside the box: worse than anything inside, and finite so that the
            // simplex's spread stays a number.
            return Ok(1e300);
        }
        let params: Vec<f64> = logs.iter().map(|l| l.exp()).collect();
        let ll = (self.ll)(&params);
        Ok(if ll.is_finite() { -ll } else { 1e300 })
    }
}

/// One Nelder–Mead run from `start` (logs): the best logs, their cost, whether it converged, iterations.
fn run(ll: &dyn Fn(&[f64]) -> f64, start: &[f64]) -> Option<(Vec<f64>, f64, bool, u64)> {
    let mut simplex = vec![start.to_vec()];
    for i in 0..start.len() {
        let mut v = start.to_vec();
        v[i] += 0.5;
        simplex.push(v);
    }
    let solver = NelderMead::new(simplex).with_sd_tolerance(1e-10).ok()?;
    let res = Executor::new(NegLogLikelihood { ll }, solver).configure(|s| s.max_iters(4_000)).run().ok()?;
    let state = res.state();
    let converged =
        matches!(state.get_termination_status(), TerminationStatus::Terminated(TerminationReason::SolverConverged));
    Some((state.get_best_param()?.clone(), state.get_best_cost(), converged, state.get_iter()))
}

/// Maximizes `ll` over positive parameters from each of `starts` (the logs of
/// the parameters); `None` when no start reached a finite likelihood.
pub fn maximize(ll: &dyn Fn(&[f64]) -> f64, starts: &[Vec<f64>]) -> Option<Optimum> {
    let (mut best, mut iterations): (Option<Optimum>, u64) = (None, 0);
    for start in starts {
        let Some((logs, _, _, first)) = run(ll, start) else { continue };
        // A restart from the end: a simplex that collapsed early gets fresh directions.
        let Some((logs, cost, converged, second)) = run(ll, &logs) else { continue };
        iterations += first + second;
        if cost >= 1e300 || best.as_ref().is_some_and(|b| b.ll >= -cost) {
            continue;
        }
        let inside = logs.iter().all(|l| l.abs() < LOG_BOUND - 0.01);
        let params = logs.iter().map(|l| l.exp()).collect();
        best = Some(Optimum { params, ll: -cost, converged: converged && inside, iterations: 0 });
    }
    best.map(|b| Optimum { iterations, ..b })
}
