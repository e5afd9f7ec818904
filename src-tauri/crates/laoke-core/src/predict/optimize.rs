//! Maximum likelihood over the logs of the parameters, which keeps every
//! parameter positive without constraints; a box on the logs keeps a
//! degenerate shop's fit from running off to zero or infinity.
//!
//! The models give their log-likelihood's exact gradient, so the search is
//! argmin's BFGS with a Moré–Thuente line search: a few dozen evaluations
//! where Nelder–Mead needs thousands, which is what makes a 300,000-customer
//! shop fit in well under a second. The objective is the mean log-likelihood
//! per customer, so that one gradient tolerance means the same on every shop
//! size. Several starting points, the best kept: one start can stall on a
//! ridge of the likelihood that another avoids. A start BFGS cannot finish
//! (a line search that fails, an end outside the box) is searched again by
//! argmin's Nelder–Mead, which needs no gradient and no smoothness.

use argmin::core::{CostFunction, Executor, Gradient, State, TerminationReason, TerminationStatus};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::neldermead::NelderMead;
use argmin::solver::quasinewton::BFGS;
use std::cell::RefCell;

/// The box on the logs of the parameters: e^±10 spans 4.5·10⁻⁵ to 22,026.
pub const LOG_BOUND: f64 = 10.0;

/// Above this many customers, the starts are searched on a sample of them first.
const COARSE_ABOVE: usize = 40_000;
/// About how many customers that sample holds.
const COARSE_SIZE: usize = 20_000;

/// The sample of a large shop's customers the starts are searched on: every
/// k-th, so that a fit is reproducible; `None` for a shop small enough to
/// search whole.
pub fn coarse_sample<T: Copy>(data: &[T]) -> Option<Vec<T>> {
    (data.len() > COARSE_ABOVE).then(|| data.iter().step_by(data.len() / COARSE_SIZE).copied().collect())
}

/// BFGS stops when every component of the gradient of the mean log-likelihood
/// (in the logs of the parameters) is this small: the total log-likelihood is
/// then within about 10⁻⁴ of the maximum on a 300,000-customer shop.
const GRADIENT_TOLERANCE: f64 = 1e-6;
/// A failed BFGS run whose lowest point has a gradient this small ended at the
/// maximum (the total within about 10⁻² of it).
const GRADIENT_FLOOR: f64 = 1e-5;

/// Where a fit ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimum {
    /// The searched parameters (not their logs): the model's own, or as its
    /// `fit` maps them.
    pub params: Vec<f64>,
    /// The log-likelihood there.
    pub ll: f64,
    /// The search converged (the gradient vanished, or Nelder–Mead's simplex
    /// agreed) inside the box, not on its wall, at a strict maximum (the
    /// Hessian negative definite).
    pub converged: bool,
    /// Iterations spent, over every start.
    pub iterations: u64,
    /// Evaluations of the whole data's log-likelihood (those of a coarse
    /// sample not counted).
    pub evaluations: u64,
}

/// A log-likelihood the search maximizes.
pub trait Likelihood {
    /// The customers it sums over (its scale).
    fn count(&self) -> f64;
    /// The log-likelihood at `params` (positive), and when `gradient` is given,
    /// its gradient with respect to the logs of the parameters written there.
    fn evaluate(&self, params: &[f64], gradient: Option<&mut [f64]>) -> f64;
}

/// A point of the search with its cost and gradient.
type Point = (Vec<f64>, f64, Vec<f64>);

/// The negative mean log-likelihood as a function of the logs, remembering its
/// last point: argmin asks for the cost and the gradient of one point in two
/// calls, and the model computes both in one pass.
struct Objective<'l> {
    model: &'l dyn Likelihood,
    last: RefCell<Option<Point>>,
    /// The lowest cost met so far inside the box, and where.
    lowest: RefCell<Option<(Vec<f64>, f64)>>,
    evaluations: RefCell<u64>,
}

impl Objective<'_> {
    fn at(&self, logs: &[f64]) -> (f64, Vec<f64>) {
        if let Some((at, cost, grad)) = self.last.borrow().as_ref() {
            if at.as_slice() == logs {
                return (*cost, grad.clone());
            }
        }
        *self.evaluations.borrow_mut() += 1;
        let params: Vec<f64> = logs.iter().map(|l| l.exp()).collect();
        let mut grad = vec![0.0; logs.len()];
        let scale = -1.0 / self.model.count().max(1.0);
        let cost = self.model.evaluate(&params, Some(&mut grad)) * scale;
        grad.iter_mut().for_each(|g| *g *= scale);
        *self.last.borrow_mut() = Some((logs.to_vec(), cost, grad.clone()));
        let lower = self.lowest.borrow().as_ref().is_none_or(|(_, c)| cost < *c);
        if cost.is_finite() && grad.iter().all(|g| g.is_finite()) && inside(logs) && lower {
            *self.lowest.borrow_mut() = Some((logs.to_vec(), cost));
        }
        (cost, grad)
    }

    fn new(model: &dyn Likelihood) -> Objective<'_> {
        Objective { model, last: RefCell::new(None), lowest: RefCell::new(None), evaluations: RefCell::new(0) }
    }
}

/// BFGS's view: outside a generous box, or where the likelihood is not finite,
/// an error that makes the line search step back.
struct Smooth<'o, 'l>(&'o Objective<'l>);

impl CostFunction for Smooth<'_, '_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, logs: &Self::Param) -> Result<f64, argmin::core::Error> {
        if logs.iter().any(|l| !l.is_finite() || l.abs() > 4.0 * LOG_BOUND) {
            // Far outside the box the special functions leave their domain:
            // the line search must step back.
            return Err(argmin::core::Error::msg("outside the parameters' range"));
        }
        let (cost, grad) = self.0.at(logs);
        if !cost.is_finite() || grad.iter().any(|g| !g.is_finite()) {
            return Err(argmin::core::Error::msg("the likelihood is not finite here"));
        }
        Ok(cost)
    }
}

impl Gradient for Smooth<'_, '_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, logs: &Self::Param) -> Result<Vec<f64>, argmin::core::Error> {
        self.cost(logs)?;
        Ok(self.0.at(logs).1)
    }
}

/// Nelder–Mead's view: the same cost, out of the box worse than anything inside
/// and finite, so that the simplex's spread stays a number.
struct Simplex<'o, 'l>(&'o Objective<'l>);

impl CostFunction for Simplex<'_, '_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, logs: &Self::Param) -> Result<f64, argmin::core::Error> {
        if logs.iter().any(|l| !l.is_finite() || l.abs() > LOG_BOUND) {
            return Ok(1e300);
        }
        let cost = self.0.at(logs).0;
        Ok(if cost.is_finite() { cost } else { 1e300 })
    }
}

/// One run's end.
struct Run {
    logs: Vec<f64>,
    cost: f64,
    converged: bool,
    iterations: u64,
}

/// BFGS from `start`, restarted (at most twice) from the lowest point met when
/// a run fails: argmin's BFGS does not skip an update whose step and gradient
/// change disagree, so where the gradient is down to the sums' rounding (or on
/// a flat ridge) its direction can stop going downhill, and the run ends in an
/// error that loses where it got to. A lowest point whose gradient is already
/// below [`GRADIENT_FLOOR`] is the maximum as far as the arithmetic can tell;
/// elsewhere the restart measures the curvature afresh.
fn bfgs(objective: &Objective<'_>, start: &[f64], inv_hessian: Option<Vec<Vec<f64>>>) -> Option<Run> {
    let (mut from, mut inv_hessian, mut spent) = (start.to_vec(), inv_hessian, 0);
    for _ in 0..3 {
        if let Some(run) = bfgs_once(objective, &from, inv_hessian) {
            return Some(Run { iterations: run.iterations + spent, ..run });
        }
        let lowest = objective.lowest.borrow().as_ref().map(|(at, _)| at.clone())?;
        let (cost, grad) = objective.at(&lowest);
        if grad.iter().all(|g| g.abs() < GRADIENT_FLOOR) {
            return Some(Run { logs: lowest, cost, converged: true, iterations: spent });
        }
        if lowest == from {
            return None;
        }
        spent += 1;
        inv_hessian = inverse_hessian(objective, &lowest);
        from = lowest;
    }
    None
}

fn bfgs_once(objective: &Objective<'_>, start: &[f64], inv_hessian: Option<Vec<Vec<f64>>>) -> Option<Run> {
    let n = start.len();
    let inv_hessian = match inv_hessian {
        Some(h) => h,
        None => {
            // Without a better guess, the first step goes down the gradient at most one unit of log.
            let (_, g0) = objective.at(start);
            let scale = 1.0 / g0.iter().fold(1.0_f64, |m, g| m.max(g.abs()));
            (0..n).map(|i| (0..n).map(|j| if i == j { scale } else { 0.0 }).collect()).collect()
        }
    };
    let solver = BFGS::new(MoreThuenteLineSearch::new())
        .with_tolerance_grad(GRADIENT_TOLERANCE)
        .ok()?
        .with_tolerance_cost(1e-15)
        .ok()?;
    let res = Executor::new(Smooth(objective), solver)
        .configure(|s| s.param(start.to_vec()).inv_hessian(inv_hessian).max_iters(500))
        .run()
        .ok()?;
    ended(res.state())
}

/// Where a run of either solver ended.
fn ended<S: State<Param = Vec<f64>, Float = f64>>(state: &S) -> Option<Run> {
    let converged =
        matches!(state.get_termination_status(), TerminationStatus::Terminated(TerminationReason::SolverConverged));
    Some(Run {
        logs: state.get_best_param()?.clone(),
        cost: state.get_best_cost(),
        converged,
        iterations: state.get_iter(),
    })
}

fn nelder_mead(objective: &Objective<'_>, start: &[f64]) -> Option<Run> {
    let mut simplex = vec![start.to_vec()];
    for i in 0..start.len() {
        let mut v = start.to_vec();
        v[i] += 0.5;
        simplex.push(v);
    }
    // The costs are means per customer, so this tolerance is relative to the data's size.
    let solver = NelderMead::new(simplex).with_sd_tolerance(1e-12).ok()?;
    let res = Executor::new(Simplex(objective), solver).configure(|s| s.max_iters(4_000)).run().ok()?;
    ended(res.state())
}

/// The inverse of the cost's Hessian at `logs`, from central differences of the
/// gradient; `None` unless it is positive definite (a minimum's is).
fn inverse_hessian(objective: &Objective<'_>, logs: &[f64]) -> Option<Vec<Vec<f64>>> {
    let (n, h) = (logs.len(), 1e-4);
    let grad_at = |j: usize, d: f64| {
        let mut at = logs.to_vec();
        at[j] += d;
        objective.at(&at).1
    };
    let mut hessian = vec![vec![0.0; n]; n];
    for j in 0..n {
        let (up, down) = (grad_at(j, h), grad_at(j, -h));
        for i in 0..n {
            hessian[i][j] = (up[i] - down[i]) / (2.0 * h);
        }
    }
    // Cholesky: H = L·Lᵀ, then H⁻¹'s columns solve L·Lᵀ·x = eᵢ.
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            let h_ij = (hessian[i][j] + hessian[j][i]) / 2.0;
            if i == j {
                let d = h_ij - sum;
                if !(d > 0.0 && d.is_finite()) {
                    return None;
                }
                l[i][i] = d.sqrt();
            } else {
                l[i][j] = (h_ij - sum) / l[j][j];
            }
        }
    }
    let mut inverse = vec![vec![0.0; n]; n];
    for col in 0..n {
        let mut y = vec![0.0; n];
        for i in 0..n {
            let e = f64::from(u8::from(i == col));
            y[i] = (e - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
        }
        for i in (0..n).rev() {
            inverse[i][col] = (y[i] - (i + 1..n).map(|k| l[k][i] * inverse[k][col]).sum::<f64>()) / l[i][i];
        }
    }
    Some(inverse)
}

fn inside(logs: &[f64]) -> bool {
    logs.iter().all(|l| l.abs() < LOG_BOUND - 0.01)
}

/// The best run over `starts`: BFGS from each; only when none of them
/// converged inside the box, Nelder–Mead from each (twice: a restart from where
/// the first simplex stopped gives it fresh directions). A start whose BFGS
/// failed while another's converged is not searched again: that one already
/// found a maximum, and Nelder–Mead costs a hundred times more evaluations.
/// Adds the iterations spent to `spent`.
fn search(objective: &Objective<'_>, starts: &[Vec<f64>], spent: &mut u64) -> Option<Run> {
    let better = |run: &Run, best: &Option<Run>| {
        run.cost.is_finite() && run.cost < 1e300 && best.as_ref().is_none_or(|b| run.cost < b.cost)
    };
    let mut best: Option<Run> = None;
    for start in starts {
        let Some(run) = bfgs(objective, start, None) else { continue };
        *spent += run.iterations;
        if run.converged && inside(&run.logs) && better(&run, &best) {
            best = Some(run);
        }
    }
    if best.is_some() {
        return best;
    }
    for start in starts {
        let first = nelder_mead(objective, start);
        let from = first.as_ref().map_or(start.as_slice(), |r| r.logs.as_slice()).to_vec();
        *spent += first.map_or(0, |r| r.iterations);
        let Some(run) = nelder_mead(objective, &from) else { continue };
        *spent += run.iterations;
        if better(&run, &best) {
            best = Some(run);
        }
    }
    best
}

/// Maximizes `model` over positive parameters from each of `starts` (the logs
/// of the parameters); `None` when no start reached a finite likelihood.
///
/// With a `coarse` model (the same likelihood on a sample of a large shop's
/// customers) the starts are searched on it, and the best end is polished on
/// the whole data by BFGS, carrying over its curvature: a handful of full
/// evaluations instead of a hundred. Should the polish not converge, every
/// start is searched again on the whole data.
pub fn maximize(model: &dyn Likelihood, coarse: Option<&dyn Likelihood>, starts: &[Vec<f64>]) -> Option<Optimum> {
    let objective = Objective::new(model);
    let mut iterations = 0;
    let polished = coarse.and_then(|coarse| {
        let coarse = Objective::new(coarse);
        let from = search(&coarse, starts, &mut iterations)?;
        // The curvature measured on the sample, not BFGS's last approximation of
        // it: that one can be NaN (a last step of zero length) or not positive
        // definite (argmin does not skip an update whose step and gradient
        // change disagree), and a polish from it would not go downhill.
        let curvature = inverse_hessian(&coarse, &from.logs);
        let run = bfgs(&objective, &from.logs, curvature)?;
        iterations += run.iterations;
        Some(run).filter(|r| r.converged && inside(&r.logs))
    });
    let best = match polished {
        Some(run) => run,
        None => search(&objective, starts, &mut iterations)?,
    };
    // A maximum only if the likelihood curves down in every direction there: where
    // a parameter does not matter (a shop without repeat buyers says nothing about
    // dropping out), a vanishing gradient is a plateau, not an estimate.
    let converged = best.converged && inside(&best.logs) && inverse_hessian(&objective, &best.logs).is_some();
    let params: Vec<f64> = best.logs.iter().map(|l| l.exp()).collect();
    // The log-likelihood itself, not the mean the search minimized.
    let ll = model.evaluate(&params, None);
    let evaluations = objective.evaluations.into_inner();
    Some(Optimum { params, ll, converged, iterations, evaluations })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks a model's analytic gradient against central differences of its
    /// value, coordinate by coordinate, at `params`.
    pub(crate) fn gradient_matches_differences(model: &dyn Likelihood, params: &[f64]) {
        let mut grad = vec![0.0; params.len()];
        let ll = model.evaluate(params, Some(&mut grad));
        assert!((ll - model.evaluate(params, None)).abs() <= 1e-9 * ll.abs(), "the value depends on the gradient");
        for i in 0..params.len() {
            let h = 1e-5;
            let at = |d: f64| {
                let mut p = params.to_vec();
                p[i] = (p[i].ln() + d).exp();
                model.evaluate(&p, None)
            };
            let numeric = (at(h) - at(-h)) / (2.0 * h);
            // The differences' own error: ln Γ's rounding over a sum of thousands of terms.
            let tolerance = 1e-5 * numeric.abs() + 1e-7 * ll.abs();
            assert!((grad[i] - numeric).abs() <= tolerance, "∂/∂ln p{i}: analytic {} numeric {numeric}", grad[i]);
        }
    }
}
