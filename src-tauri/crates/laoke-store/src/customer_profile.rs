//! A customer's profile: reading it whole (identity, contact, derived facts,
//! stage and RFM, items and orders, tags and notes) and the seller's edits.
//! An edited field is marked in `customers.edited`, so imports leave it alone.

use crate::edited_fields::EditedFields;
use crate::stored_values::{decimal, parsed};
use crate::{customer_tags, settings, stage_changes, EditError, Result, Store, StoreError};
use chrono::NaiveDate;
use laoke_core::dto::{
    CustomerProfile, Identity, ItemBought, NoteView, OrderLineView, ProfileEdit, ProfileFacts, ProfileOrder,
    StageChangeView,
};
use laoke_core::rfm::RfmGroup;
use laoke_core::time::stored_seconds;
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// Checks an edit and returns it trimmed, empty fields as none.
fn validated(e: &ProfileEdit) -> Result<ProfileEdit> {
    let out = ProfileEdit {
        name: clean(&e.name),
        phone: clean(&e.phone),
        email: clean(&e.email),
        wechat: clean(&e.wechat),
        province: clean(&e.province),
        city: clean(&e.city),
        address: clean(&e.address),
        birthday: clean(&e.birthday),
        birthday_lunar: e.birthday_lunar,
        gender: clean(&e.gender),
        hobbies: clean(&e.hobbies),
        dnd: e.dnd,
    };
    for (field, v, max) in [
        ("name", &out.name, 100),
        ("phone", &out.phone, 40),
        ("email", &out.email, 200),
        ("wechat", &out.wechat, 100),
        ("province", &out.province, 50),
        ("city", &out.city, 50),
        ("address", &out.address, 300),
        ("hobbies", &out.hobbies, 1000),
    ] {
        if v.as_ref().is_some_and(|s| s.chars().count() > max) {
            return Err(EditError::ProfileTooLong { field, max }.into());
        }
    }
    if let Some(m) = out.email.as_ref().filter(|m| !m.contains('@')) {
        return Err(EditError::EmailInvalid { value: m.clone() }.into());
    }
    if let Some(g) = out.gender.as_ref().filter(|g| !matches!(g.as_str(), "f" | "m")) {
        return Err(EditError::GenderInvalid { value: g.clone() }.into());
    }
    if let Some(b) = &out.birthday {
        let month_day = laoke_core::birthday::month_day(b);
        let ok = month_day.is_some_and(|(m, d)| laoke_core::birthday::valid(m, d, out.birthday_lunar))
            && (out.birthday_lunar || NaiveDate::parse_from_str(b, "%Y-%m-%d").is_ok());
        if !ok {
            return Err(EditError::BirthdayInvalid { value: b.clone() }.into());
        }
    }
    Ok(out)
}

fn avg_gap_days(purchase_times: &[i64]) -> Option<Decimal> {
    if purchase_times.len() < 2 {
        return None;
    }
    let span = purchase_times[purchase_times.len() - 1] - purchase_times[0];
    let days = Decimal::from(span) / Decimal::from(86_400 * (purchase_times.len() as i64 - 1));
    Some(days.round_dp(1))
}

impl Store {
    fn contact(&self, id: i64) -> Result<(ProfileEdit, i64)> {
        let row = self
            .conn
            .query_row(
                "SELECT name, phone, email, wechat, province, city, address, birthday, birthday_lunar, gender, hobbies,
                        dnd, edited FROM customers WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        ProfileEdit {
                            name: r.get(0)?,
                            phone: r.get(1)?,
                            email: r.get(2)?,
                            wechat: r.get(3)?,
                            province: r.get(4)?,
                            city: r.get(5)?,
                            address: r.get(6)?,
                            birthday: r.get(7)?,
                            birthday_lunar: r.get::<_, i64>(8)? != 0,
                            gender: r.get(9)?,
                            hobbies: r.get(10)?,
                            dnd: r.get::<_, i64>(11)? != 0,
                        },
                        r.get(12)?,
                    ))
                },
            )
            .optional()?;
        row.ok_or(StoreError::CustomerNotFound { id })
    }

    /// Everything about one customer, as of `today` (for the next birthday).
    pub fn customer_profile(&self, id: i64, today: NaiveDate) -> Result<CustomerProfile> {
        let (contact, _) = self.contact(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.platform, c.buyer_id, c.nick, c.orders_count, c.purchases, c.value, c.refunds, c.first_purchase_at,
                    c.last_purchase_at, c.first_order_at, c.last_order_at, c.created_at, s.stage, s.stage_since,
                    s.rfm_r, s.rfm_f, s.rfm_m, fc.p_alive, fc.expected_90d, fc.clv
             FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id
             LEFT JOIN customer_forecasts fc ON fc.customer_id = c.id WHERE c.id = ?1",
        )?;
        let mut rows = stmt.query([id])?;
        let r = rows.next()?.ok_or(StoreError::CustomerNotFound { id })?;
        let purchases: u32 = r.get(4)?;
        let value = decimal(r, 5, "customers", "value")?;
        let rfm = crate::customer_scores::rfm_at(r, 14)?;
        let forecast = crate::customer_forecasts::forecast_at(r, 17)?;
        let group = self.identities(id)?;
        let members: Vec<i64> = std::iter::once(id).chain(group.iter().map(|i| i.customer_id)).collect();
        let orders = self.profile_orders(&members)?;
        let mut purchase_times: Vec<i64> =
            orders.iter().filter(|o| o.purchase).filter_map(|o| stored_seconds(&o.created_at)).collect();
        purchase_times.sort_unstable();
        let next_birthday = contact
            .birthday
            .as_deref()
            .and_then(laoke_core::birthday::month_day)
            .and_then(|(m, d)| laoke_core::birthday::next_birthday(m, d, contact.birthday_lunar, today))
            .map(|d| d.to_string());
        let held: Option<(String, String, bool, Option<String>)> = self
            .conn
            .query_row(
                "SELECT tier, since, pinned, downgrade_due FROM customer_tiers WHERE customer_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0, r.get(3)?)),
            )
            .optional()?;
        Ok(CustomerProfile {
            id,
            platform: parsed(r, 0, "customers", "platform")?,
            buyer_id: r.get(1)?,
            nick: r.get(2)?,
            next_birthday,
            tags: customer_tags::names_of(&self.conn, id)?,
            shops: orders.iter().fold(Vec::new(), |mut shops, o| {
                if !shops.contains(&o.shop) {
                    shops.push(o.shop.clone());
                }
                shops
            }),
            notes: self.notes_of(id)?,
            facts: ProfileFacts {
                orders: r.get(3)?,
                purchases,
                value,
                refunds: decimal(r, 6, "customers", "refunds")?,
                aov: (purchases > 0).then(|| (value / Decimal::from(purchases)).round_dp(2)),
                days_between_purchases: avg_gap_days(&purchase_times),
                first_purchase: r.get(7)?,
                last_purchase: r.get(8)?,
                first_order: r.get(9)?,
                last_order: r.get(10)?,
            },
            created_at: r.get(11)?,
            stage: r.get(12)?,
            stage_since: r.get(13)?,
            stage_history: stage_changes::history(&self.conn, id)?
                .into_iter()
                .map(|(from, to, on)| StageChangeView { from, to, on })
                .collect(),
            rfm: rfm.map(|s| RfmGroup::of(s).as_str().to_owned()),
            rfm_cell: rfm.map(|s| s.cell()),
            p_alive: forecast.map(|f| f.p_alive),
            expected_90d: forecast.map(|f| f.expected_90d),
            clv: forecast.map(|f| f.clv),
            tier: held.as_ref().map(|h| h.0.clone()),
            tier_since: held.as_ref().map(|h| h.1.clone()),
            tier_pinned: held.as_ref().is_some_and(|h| h.2),
            tier_downgrade_due: held.and_then(|h| h.3),
            tier_history: self.tier_history(id)?,
            items: self.items_bought(&members)?,
            orders: orders.into_iter().take(100).collect(),
            identities: group,
            contact,
        })
    }

    /// Customers merged into `id`.
    fn identities(&self, id: i64) -> Result<Vec<Identity>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, platform, buyer_id, nick FROM customers WHERE merged_into = ?1 ORDER BY id")?;
        let mut rows = stmt.query([id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(Identity {
                customer_id: r.get(0)?,
                platform: parsed(r, 1, "customers", "platform")?,
                buyer_id: r.get(2)?,
                nick: r.get(3)?,
            });
        }
        Ok(out)
    }

    fn profile_orders(&self, members: &[i64]) -> Result<Vec<ProfileOrder>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.order_no, o.platform, o.status, o.created_at, o.value, o.kind, s.name, o.cod
             FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.customer_id = ?1",
        )?;
        let mut out = Vec::new();
        for &m in members {
            let mut rows = stmt.query([m])?;
            while let Some(r) = rows.next()? {
                let order_id: i64 = r.get(0)?;
                let items = crate::order_items::load(&self.conn, order_id)?
                    .into_iter()
                    .map(|i| OrderLineView {
                        title: i.title,
                        sku: i.sku,
                        quantity: i.quantity,
                        unit_price: i.unit_price,
                    })
                    .collect();
                out.push(ProfileOrder {
                    order_no: r.get(1)?,
                    platform: parsed(r, 2, "orders", "platform")?,
                    shop: r.get(7)?,
                    status: r.get(3)?,
                    cod: r.get(8)?,
                    created_at: r.get(4)?,
                    value: decimal(r, 5, "orders", "value")?,
                    purchase: crate::orders::kind_at(r, 6)? == laoke_core::archive::OrderKind::Purchase,
                    items,
                });
            }
        }
        out.sort_by(|a, b| b.created_at.cmp(&a.created_at));
        Ok(out)
    }

    fn items_bought(&self, members: &[i64]) -> Result<Vec<ItemBought>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.title, i.category, sum(i.quantity), count(DISTINCT o.id) FROM order_items i
             JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ?1 AND o.kind = 'purchase'
             GROUP BY i.title, i.category",
        )?;
        let mut merged: std::collections::BTreeMap<(String, Option<String>), (i64, u32)> = Default::default();
        for &m in members {
            let mut rows = stmt.query([m])?;
            while let Some(r) = rows.next()? {
                let e = merged.entry((r.get(0)?, r.get(1)?)).or_default();
                e.0 += r.get::<_, i64>(2)?;
                e.1 += r.get::<_, u32>(3)?;
            }
        }
        let mut items: Vec<ItemBought> = merged
            .into_iter()
            .map(|((title, category), (quantity, orders))| ItemBought { title, category, quantity, orders })
            .collect();
        items.sort_by(|a, b| b.quantity.cmp(&a.quantity).then_with(|| a.title.cmp(&b.title)));
        items.truncate(20);
        Ok(items)
    }

    fn notes_of(&self, id: i64) -> Result<Vec<NoteView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, body, created_at FROM notes WHERE customer_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([id], |r| Ok(NoteView { id: r.get(0)?, body: r.get(1)?, created_at: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves the seller's edit of a customer's contact fields; every field that
    /// changed is marked as edited, so later imports keep the seller's value.
    pub fn update_profile(&mut self, id: i64, edit: &ProfileEdit, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let now = &laoke_core::time::to_stored(now);
        let new = validated(edit)?;
        let (old, edited) = self.contact(id)?;
        let mut edited = EditedFields::from_bits_retain(edited);
        let pairs: [(EditedFields, &Option<String>, &Option<String>); 10] = [
            (EditedFields::NAME, &old.name, &new.name),
            (EditedFields::PHONE, &old.phone, &new.phone),
            (EditedFields::EMAIL, &old.email, &new.email),
            (EditedFields::PROVINCE, &old.province, &new.province),
            (EditedFields::CITY, &old.city, &new.city),
            (EditedFields::ADDRESS, &old.address, &new.address),
            (EditedFields::WECHAT, &old.wechat, &new.wechat),
            (EditedFields::BIRTHDAY, &old.birthday, &new.birthday),
            (EditedFields::GENDER, &old.gender, &new.gender),
            (EditedFields::HOBBIES, &old.hobbies, &new.hobbies),
        ];
        // A field once edited stays edited: only changes add flags.
        for (flag, a, b) in pairs {
            if a != b {
                edited |= flag;
            }
        }
        if old.birthday_lunar != new.birthday_lunar {
            edited |= EditedFields::BIRTHDAY_LUNAR;
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE customers SET name = ?2, phone = ?3, email = ?4, wechat = ?5, province = ?6, city = ?7, address = ?8,
                 birthday = ?9, birthday_lunar = ?10, gender = ?11, hobbies = ?12, dnd = ?13, edited = ?14, updated_at = ?15
             WHERE id = ?1",
            params![
                id,
                new.name,
                new.phone,
                new.email,
                new.wechat,
                new.province,
                new.city,
                new.address,
                new.birthday,
                new.birthday_lunar,
                new.gender,
                new.hobbies,
                new.dnd,
                edited.bits(),
                now
            ],
        )?;
        settings::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
