//! Merging customers who are one person on several platforms, and undoing it.
//! A merged customer keeps its identity and its orders; it points at the kept
//! customer (`customers.merged_into`), whose totals then fold both, and it
//! leaves the list. Undo clears the pointer and refolds both again, so a merge
//! loses nothing. Suggestions only use real contact data: a masked phone
//! (`138****1234`) or an encrypted field never suggests anything.

use crate::roster::RosterSnapshot;
use crate::{customers, settings, EditError, Result, Store, StoreError};
use laoke_core::dto::MergeSuggestion;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;

impl Store {
    /// Groups of unmerged customers sharing a real phone or email.
    pub fn merge_suggestions(&self, snap: &RosterSnapshot) -> Result<Vec<MergeSuggestion>> {
        let mut out = Vec::new();
        for (reason, column) in [("phone", "phone"), ("email", "lower(email)")] {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {column}, group_concat(id) FROM customers
                 WHERE merged_into IS NULL AND {column} IS NOT NULL AND {column} != ''
                   AND {column} NOT LIKE '%*%' AND {column} NOT LIKE '$$%'
                 GROUP BY {column} HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 200"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let value: String = r.get(0)?;
                let ids: Vec<i64> = r.get::<_, String>(1)?.split(',').filter_map(|s| s.parse().ok()).collect();
                let positions: Vec<usize> = ids.iter().filter_map(|&id| snap.roster.position(id)).collect();
                if positions.len() > 1 {
                    let customers = crate::customer_list::rows_at(&self.conn, snap, &positions)?;
                    out.push(MergeSuggestion { reason: reason.to_owned(), value, customers });
                }
            }
        }
        Ok(out)
    }

    /// Merges `others` into `target` (one transaction). Customers already merged
    /// into one of `others` move to `target` with it.
    pub fn merge_customers(&mut self, target: i64, others: &[i64], now: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let now = &laoke_core::time::to_stored(now);
        let tx = self.conn.transaction()?;
        merge(&tx, target, others, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Takes `merged` back out of the customer it was merged into.
    pub fn unmerge_customer(&mut self, merged: i64, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let now = &laoke_core::time::to_stored(now);
        let tx = self.conn.transaction()?;
        let target: Option<i64> = tx
            .query_row("SELECT merged_into FROM customers WHERE id = ?1", [merged], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::CustomerNotFound { id: merged })?;
        let Some(target) = target else {
            return Err(EditError::NotMerged { customer: merged }.into());
        };
        tx.execute("UPDATE customers SET merged_into = NULL, updated_at = ?2 WHERE id = ?1", params![merged, now])?;
        tx.execute(
            "UPDATE customer_merges SET undone_at = ?3 WHERE target_id = ?1 AND merged_id = ?2 AND undone_at IS NULL",
            params![target, merged, now],
        )?;
        customers::refresh_totals(&tx, &HashSet::from([target, merged]), now)?;
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// Merges `others` into `target` inside the caller's transaction (see
/// [`Store::merge_customers`]; migration 7 merges Etsy customers with it too).
pub(crate) fn merge(tx: &Connection, target: i64, others: &[i64], now: &str) -> Result<()> {
    let merged_into = |id: i64| -> Result<Option<i64>> {
        tx.query_row("SELECT merged_into FROM customers WHERE id = ?1", [id], |r| r.get::<_, Option<i64>>(0))
            .optional()?
            .ok_or(StoreError::CustomerNotFound { id })
    };
    if merged_into(target)?.is_some() {
        return Err(EditError::MergeTargetMerged { customer: target }.into());
    }
    let mut touched = HashSet::from([target]);
    for &other in others.iter().filter(|&&o| o != target) {
        if merged_into(other)?.is_some() {
            return Err(EditError::AlreadyMerged { customer: other }.into());
        }
        let members: Vec<i64> = tx
            .prepare_cached("SELECT id FROM customers WHERE merged_into = ?1")?
            .query_map([other], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for m in std::iter::once(other).chain(members) {
            tx.execute(
                "UPDATE customers SET merged_into = ?2, updated_at = ?3 WHERE id = ?1",
                params![m, target, now],
            )?;
            tx.execute(
                "INSERT INTO customer_merges (target_id, merged_id, merged_at) VALUES (?1, ?2, ?3)",
                params![target, m, now],
            )?;
            touched.insert(m);
        }
    }
    customers::refresh_totals(tx, &touched, now)?;
    settings::bump_generation(tx)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{ImportFlags, Store};
    use chrono::{NaiveDate, TimeZone, Utc};
    use laoke_core::import::ImportOptions;

    const HEADER: &str =
        "订单编号,买家会员名,买家实际支付金额,订单状态,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n";

    #[test]
    fn same_real_phone_is_suggested_merged_and_undone_losslessly() {
        let dir = tempfile::tempdir().unwrap();
        let rows = "1,tb_a,100.00,交易成功,13812345678,2026-09-01 10:00:00,2026-09-01 10:00:00,龙井,1
2,tb_a,20.00,交易成功,13812345678,2026-09-02 10:00:00,2026-09-02 10:00:00,龙井,1
3,tb_b,50.00,交易成功,13812345678,2026-10-01 10:00:00,2026-10-01 10:00:00,白茶,1
4,tb_c,70.00,交易成功,138****5678,2026-10-02 10:00:00,2026-10-02 10:00:00,白茶,1
5,tb_d,70.00,交易成功,138****5678,2026-10-03 10:00:00,2026-10-03 10:00:00,白茶,1
";
        let path = dir.path().join("o.csv");
        std::fs::write(&path, format!("{HEADER}{rows}")).unwrap();
        let mut s = Store::open(dir.path().join("shop.db")).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        s.import_file(&path, &ImportOptions::default(), &ImportFlags::default(), now, |_| true).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        s.recompute(today).unwrap();
        let snap = s.roster().unwrap();
        let suggestions = s.merge_suggestions(&snap).unwrap();
        assert_eq!(suggestions.len(), 1, "the masked phone suggests nothing: {suggestions:?}");
        assert_eq!(suggestions[0].reason, "phone");
        let ids: Vec<i64> = suggestions[0].customers.iter().map(|c| c.id).collect();
        let (a, b) = (ids[0], ids[1]);
        let before = s.customer_profile(a, today).unwrap().facts;

        s.merge_customers(a, &[b], chrono::DateTime::UNIX_EPOCH).unwrap();
        let merged = s.customer_profile(a, today).unwrap();
        assert_eq!(merged.facts.purchases, 3);
        assert_eq!(merged.facts.value.to_string(), "170.00");
        assert_eq!(merged.identities.len(), 1);
        assert_eq!(merged.orders.len(), 3);
        s.refresh(today).unwrap();
        let snap = s.roster().unwrap();
        assert_eq!(snap.roster.facts().len(), 3, "the merged customer leaves the list");
        assert!(s.merge_suggestions(&snap).unwrap().is_empty());
        assert!(
            s.merge_customers(b, &[a], chrono::DateTime::UNIX_EPOCH).is_err(),
            "a merged customer cannot be a target"
        );

        s.unmerge_customer(b, chrono::DateTime::UNIX_EPOCH).unwrap();
        assert_eq!(s.customer_profile(a, today).unwrap().facts, before, "undo restores the totals exactly");
        assert_eq!(s.customer_profile(b, today).unwrap().facts.purchases, 1);
        assert!(s.unmerge_customer(b, chrono::DateTime::UNIX_EPOCH).is_err());
    }
}
