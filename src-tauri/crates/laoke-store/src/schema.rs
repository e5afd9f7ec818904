//! The list of migrations. Migration 1 is the initial schema, assembled from the
//! `SCHEMA_V1` text of each table's module so that a table's definition sits
//! beside the code that uses it. Shipped migrations never change: a later change
//! to a table is a new migration here.

use rusqlite_migration::{Migrations, M};

/// The schema version a fully migrated archive reports (`PRAGMA user_version`).
pub const SCHEMA_VERSION: u32 = 11;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(steps())
}

/// Every migration in order; a test builds an archive of an older schema from
/// the first few.
pub(crate) fn steps() -> Vec<M<'static>> {
    vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up_with_hook("", crate::check_lists::rewrite),
        M::up(V5),
        // Rebuilds `orders` (foreign keys are off while migrating): the check proves every reference held.
        M::up_with_hook("", crate::orders_per_shop::migrate).foreign_key_check(),
        // Etsy buyers keyed by username, as both Etsy downloads can key them.
        M::up_with_hook("", crate::etsy_usernames::migrate),
        M::up(V8),
        M::up(V9),
        M::up(V10),
        M::up(V11),
    ]
}

/// Migration 1 in dependency order: a table comes after the tables it references.
/// Each `.sql` file sits beside the module that owns the table.
pub(crate) const V1: &str = concat!(
    include_str!("shops.sql"),
    include_str!("import_batches.sql"),
    include_str!("customers.sql"),
    include_str!("orders.sql"),
    include_str!("order_items.sql"),
    include_str!("tags.sql"),
    include_str!("customer_tags.sql"),
    include_str!("notes.sql"),
    include_str!("settings.sql"),
    include_str!("mapping_presets.sql"),
    include_str!("pending_items.sql"),
);

/// Migration 2: lifecycle stages, RFM scores and saved segments.
pub(crate) const V2: &str = concat!(
    include_str!("customers_v2.sql"),
    include_str!("customer_scores.sql"),
    include_str!("stage_changes.sql"),
    include_str!("segments.sql"),
    include_str!("customer_merges.sql"),
);

/// Migration 3: membership tiers and their history.
pub(crate) const V3: &str = include_str!("customer_tiers.sql");

/// Migration 8: care rules and the outbox of their messages.
pub(crate) const V8: &str = concat!(include_str!("care_rules.sql"), include_str!("care_messages.sql"));

/// Migration 9: fan-group activities, the shop's activity types, coupon plans.
pub(crate) const V9: &str =
    concat!(include_str!("activities.sql"), include_str!("activity_types.sql"), include_str!("coupon_plans.sql"));

/// Migration 10: the coupon an order used; where a coupon plan's results came from.
pub(crate) const V10: &str = concat!(include_str!("orders_v10.sql"), include_str!("coupon_plans_v10.sql"));

/// Migration 11: each buyer's forecast (P(alive), expected purchases, CLV) for the customer list.
pub(crate) const V11: &str = include_str!("customer_forecasts.sql");

// Migration 4 (`check_lists`) rewrites CHECK constraints in place; it has no SQL text of its own.

/// Migration 5: drop the customer indexes no query reads any more.
pub(crate) const V5: &str = include_str!("customers_v5.sql");

// Migration 6 (`orders_per_shop`): orders unique per shop, not per platform; its SQL
// runs from the hook, around the choice of each platform's default shop.

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }
}
