//! Which shop each order of a file goes to: the shop the seller chose for the
//! file; else the shop the export names on the order's rows (a 店铺名称 column:
//! an ERP export may hold several); else the platform's only shop (see
//! `shops::destination`, which refuses to guess between several).

use crate::shops::{self, Shop};
use crate::Result;
use laoke_core::dto::FileReport;
use laoke_core::Platform;
use rusqlite::Connection;

/// A shop as an import writes into it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Target {
    pub id: i64,
    pub count_cod: bool,
    /// The shop held orders before this import: an order of the file may be one
    /// of them, so each is looked up before it is written.
    pub had_orders: bool,
    /// Item-report lines wait for orders of this shop.
    pub pending: bool,
}

pub(super) struct ShopRoute {
    platform: Platform,
    /// The shop the seller chose for the whole file.
    chosen: Option<String>,
    /// Every shop met so far, with the name the file gave it (`None`: the platform's
    /// default); a file names one or a few.
    met: Vec<(Option<String>, Target)>,
}

impl ShopRoute {
    pub(super) fn new(platform: Platform, chosen: Option<String>) -> Self {
        ShopRoute { platform, chosen, met: Vec::new() }
    }

    /// The shop of an order whose rows name `named` (or none).
    pub(super) fn target(
        &mut self,
        conn: &Connection,
        named: Option<&str>,
        now: &str,
        report: &mut FileReport,
    ) -> Result<Target> {
        // A chosen shop takes every order, whatever the rows say.
        let named = if self.chosen.is_some() { None } else { named };
        if let Some((_, t)) = self.met.iter().find(|(n, _)| n.as_deref() == named) {
            return Ok(*t);
        }
        let to = shops::destination(conn, self.platform, self.chosen.as_deref(), named)?;
        let shop = shops::settle(conn, self.platform, to, now)?;
        let target = self.admit(conn, &shop, report)?;
        self.met.push((named.map(str::to_owned), target));
        Ok(target)
    }

    /// A shop's first order in this import: what the writer needs to know of it.
    fn admit(&self, conn: &Connection, shop: &Shop, report: &mut FileReport) -> Result<Target> {
        if let Some((_, t)) = self.met.iter().find(|(_, t)| t.id == shop.id) {
            return Ok(*t);
        }
        report.shops.push(shop.name.clone());
        Ok(Target {
            id: shop.id,
            count_cod: shop.count_cod,
            had_orders: shops::has_orders(conn, shop.id)?,
            pending: crate::pending_items::any(conn, shop.id)?,
        })
    }

    /// The shop the seller chose, if one was.
    pub(super) fn chosen(&self) -> Option<i64> {
        self.chosen.as_ref().and_then(|_| self.met.first().map(|(_, t)| t.id))
    }
}
