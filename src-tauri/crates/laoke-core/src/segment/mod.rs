//! Segments: saved filters over the customer archive ([`filter`]), compiled
//! into predicates ([`compile`]) and run against the in-memory [`roster`].

pub mod compile;
pub mod filter;
pub mod roster;
pub mod schema;

pub use compile::{bought_on_bounds, compile, Context, FilterError, Predicate};
pub use filter::{Condition, Field, Filter, Match, Op, Rule};
pub use roster::{CustomerFacts, Forecast, Roster, Search, Selection, SortField, SortKey};

#[cfg(test)]
mod tests;
