//! `laoke tiers show|preview|movers|apply|history|pin`: membership tiers.

use super::{to_json, today};
use crate::cli::MoverDirection;
use crate::output::{Failure, Output};
use crate::usage::UsageError;
use laoke_core::dto::{MoveDirection, TierMoverQuery};
use laoke_core::tier::TierLadder;
use laoke_store::Store;
use std::fmt::Write;
use std::path::Path;

fn read_ladder(path: &Path) -> Result<TierLadder, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| UsageError::LadderFile { file: path.display().to_string(), reason: e.to_string() })?;
    serde_json::from_str(&text).map_err(|e| {
        UsageError::LadderFile { file: path.display().to_string(), reason: format!("not a ladder file: {e}") }.into()
    })
}

/// "银卡 → 金卡", with "-" for no tier.
fn arrow(from: &Option<String>, to: &Option<String>) -> String {
    format!("{} → {}", from.as_deref().unwrap_or("-"), to.as_deref().unwrap_or("-"))
}

pub fn show(store: &mut Store) -> Result<Output, Failure> {
    let today = today(store)?;
    store.refresh(today)?;
    let state = store.tier_state()?;
    let mut text = String::new();
    for t in &state.tiers {
        let _ = writeln!(text, "{:<12} {:>8}", t.name, t.customers);
    }
    let _ = writeln!(text, "{:<12} {:>8}", "(none)", state.no_tier);
    Ok(Output { json: to_json(&state), text })
}

pub fn preview(store: &mut Store, ladder: &Path) -> Result<Output, Failure> {
    let ladder = read_ladder(ladder)?;
    let today = today(store)?;
    store.refresh(today)?;
    let p = store.tier_preview(&ladder, today)?;
    Ok(Output { json: to_json(&p), text: preview_text(&p) })
}

fn preview_text(p: &laoke_core::dto::TierPreview) -> String {
    let mut text = String::from("tier           now  after     up   down  share  discount cost\n");
    for t in &p.tiers {
        let _ = writeln!(
            text,
            "{:<12} {:>5} {:>6} {:>6} {:>6} {:>6} {:>14}",
            t.name, t.customers_now, t.customers, t.moved_up, t.moved_down, t.revenue_share, t.discount_cost
        );
    }
    let _ = writeln!(text, "{:<12} {:>5} {:>6}", "(none)", p.no_tier_now, p.no_tier);
    text
}

pub fn apply(store: &mut Store, ladder: &Path) -> Result<Output, Failure> {
    let ladder = read_ladder(ladder)?;
    let today = today(store)?;
    store.refresh(today)?;
    store.backup(chrono::Utc::now())?;
    let p = store.tier_apply(&ladder, today)?;
    Ok(Output { json: to_json(&p), text: format!("applied\n{}", preview_text(&p)) })
}

pub fn history(store: &Store, customer: i64) -> Result<Output, Failure> {
    let h = store.tier_history(customer)?;
    let mut text = String::new();
    for c in &h {
        let _ = writeln!(text, "{}  {}  ({})", c.on, arrow(&c.from, &c.to), <&str>::from(c.reason));
    }
    Ok(Output { json: serde_json::json!({ "customer": customer, "changes": to_json(&h) }), text })
}

pub fn recent(store: &Store, limit: u32) -> Result<Output, Failure> {
    let changes = store.tier_changes_recent(limit, false)?;
    let mut text = String::new();
    for c in &changes {
        let _ = writeln!(text, "{}  {:<20} {}  ({})", c.on, c.nick, arrow(&c.from, &c.to), <&str>::from(c.reason));
    }
    Ok(Output { json: serde_json::json!({ "changes": to_json(&changes) }), text })
}

pub fn movers(
    store: &mut Store,
    ladder: &Path,
    direction: MoverDirection,
    tier: Option<String>,
    limit: u32,
) -> Result<Output, Failure> {
    if limit > laoke_store::MAX_MOVERS {
        let max = laoke_store::MAX_MOVERS;
        return Err(UsageError::LimitTooLarge { max, limit }.into());
    }
    let ladder = read_ladder(ladder)?;
    let today = today(store)?;
    store.refresh(today)?;
    let direction = match direction {
        MoverDirection::Up => MoveDirection::Up,
        MoverDirection::Down => MoveDirection::Down,
        MoverDirection::Dropped => MoveDirection::Dropped,
    };
    let inputs = store.tier_inputs(ladder.window, today)?;
    let moves = store.tier_movers_in(&ladder, &inputs, &TierMoverQuery { direction, tier, limit })?;
    let mut text = format!("{} customers\n", moves.total);
    for m in &moves.customers {
        let _ = writeln!(text, "{:>8}  {:<20} {}  {}", m.customer_id, m.nick, arrow(&m.from, &m.to), m.value);
    }
    Ok(Output { json: to_json(&moves), text })
}

pub fn pin(store: &mut Store, customer: i64, tier: Option<&str>) -> Result<Output, Failure> {
    let today = today(store)?;
    store.tier_pin(customer, tier, today)?;
    Ok(Output {
        json: serde_json::json!({ "customer": customer, "pinned": tier }),
        text: format!("customer {customer}: {}\n", tier.map_or("unpinned".to_owned(), |t| format!("pinned to {t}"))),
    })
}
