//! One module per command; each turns its arguments into a call on the store
//! and an [`Output`].

mod activities;
mod backup;
mod calendar;
mod care;
mod coupons;
mod customers;
mod demo;
mod encryption;
mod export;
mod filter_arg;
mod import;
mod info;
mod predict;
mod segments;
mod settings;
mod shops;
mod stages;
mod stats;
mod tiers;

use crate::cli::{
    ActivityAction, Args, BackupAction, CareAction, CareRuleAction, Command, CouponAction, CustomerAction,
    SegmentAction, ShopAction, TierAction,
};
use crate::output::{Failure, Output};
use laoke_store::Store;

pub fn run(args: Args) -> Result<Output, Failure> {
    // The calendar is computed: it opens no archive (and so creates none).
    let path = args.db.unwrap_or_else(laoke_store::location::default_db_path);
    if let Command::Calendar { year, holidays } = args.command {
        // The shop's own dates, from an archive that exists (the calendar creates none).
        let shop_dates = match path.exists() {
            true => Store::open_with(&path, encryption::archive_key(&path)?.as_ref())?.shop_dates()?,
            false => Vec::new(),
        };
        return calendar::run(year, holidays, &shop_dates);
    }
    // These replace the archive file, so they open it themselves and hold no connection here.
    if let Command::Encryption(action) = args.command {
        return encryption::run(action, &path);
    }
    let mut store = Store::open_with(&path, encryption::archive_key(&path)?.as_ref())?;
    match args.command {
        Command::Init => info::init(&store),
        Command::Info => info::info(&store),
        Command::Demo { customers, seed, as_of } => demo::run(&mut store, customers, seed, as_of.as_deref()),
        Command::Stats { shop, scope } => stats::run(&store, shop.as_deref(), &scope),
        Command::Anomalies { shop, scope } => stats::anomalies(&store, shop.as_deref(), &scope),
        Command::Predict { as_of, unit, horizon } => predict::run(&store, as_of.as_deref(), &unit, horizon),
        Command::Shops { action: None | Some(ShopAction::List) } => shops::list(&store),
        Command::Shops { action: Some(ShopAction::Set { shop, platform, rename, count_cod }) } => {
            shops::set(&mut store, &shop, platform.as_deref(), rename, count_cod)
        }
        Command::Import { files, format, mapping, strict, dry_run, shop, allow_conflicts, replace_undecodable } => {
            import::run(
                &mut store,
                import::ImportArgs {
                    files,
                    format,
                    mapping,
                    strict,
                    dry_run,
                    shop,
                    allow_conflicts,
                    replace_undecodable,
                },
            )
        }
        Command::Backup { action: BackupAction::List } => backup::list(&store),
        Command::Backup { action: BackupAction::Restore { name } } => backup::restore(&mut store, &name),
        Command::Backup { action: BackupAction::Create { out } } => backup::create(&store, out.as_deref()),
        Command::Backup { action: BackupAction::Preview { name } } => backup::preview(&store, &name),
        Command::Backup { action: BackupAction::Schedule { daily, keep } } => backup::schedule(&mut store, daily, keep),
        Command::Export { kind, out, format, selection, privacy, lang } => {
            let query = customers::query_of(&store, selection)?;
            export::run(&mut store, &kind, &out, format.as_deref(), query, privacy, lang)
        }
        Command::Settings { set } => settings::run(&mut store, &set),
        Command::Customers { action: Some(CustomerAction::Bulk { filter, any, segment, dnd, tag, untag }), .. } => {
            customers::bulk(&mut store, &filter, any, segment.as_deref(), customers::bulk_action(dnd, tag, untag)?)
        }
        Command::Activities { action } => match action {
            ActivityAction::List { month } => activities::list(&store, &month),
            ActivityAction::Add { activity } => activities::add(&mut store, &activity),
            ActivityAction::Suggest { month } => activities::suggest(&store, &month),
            ActivityAction::Results { id, participants, new_members } => {
                activities::results(&mut store, id, participants, new_members)
            }
            ActivityAction::Move { id, date } => activities::move_to(&mut store, id, &date),
            ActivityAction::Tick { id, step, undo } => activities::tick(&mut store, id, step, !undo),
            ActivityAction::Delete { id } => activities::delete(&mut store, id),
            ActivityAction::Types => activities::types(&store),
            ActivityAction::Settings { set } => activities::settings(&mut store, set.as_deref()),
        },
        Command::Coupons { action } => match action {
            CouponAction::List => coupons::list(&store),
            CouponAction::Add { plan } => coupons::add(&mut store, &plan),
            CouponAction::Estimate { plan } => coupons::estimate(&store, &plan),
            CouponAction::Results { id, redeemed, from_orders } => match redeemed {
                Some(n) if !from_orders => coupons::results(&mut store, id, n),
                _ => coupons::results_from_orders(&mut store, id),
            },
            CouponAction::Delete { id } => coupons::delete(&mut store, id),
        },
        Command::Care { action } => match action {
            CareAction::Rules { action: CareRuleAction::List } => care::rules(&store),
            CareAction::Rules { action: CareRuleAction::Add { rule } } => care::add_rule(&mut store, &rule),
            CareAction::Rules { action: CareRuleAction::Delete { id } } => care::delete_rule(&mut store, id),
            CareAction::Plan { from, to } => care::plan(&mut store, &from, &to),
            CareAction::Today { date } => care::today(&mut store, date.as_deref()),
            CareAction::MarkCopied { keys } => care::mark_copied(&mut store, &keys),
            CareAction::ExportSms { date, out } => care::export_sms(&mut store, &date, &out),
            CareAction::SendEmail { date } => care::send_email(&mut store, &date),
            CareAction::Retry { keys } => care::retry(&mut store, &keys),
            CareAction::Dates { set } => care::dates(&mut store, set.as_deref()),
        },
        Command::Customers { selection, sort, limit, offset, action: None } => {
            customers::run(&mut store, selection, customers::Page { sort, limit, offset })
        }
        Command::Segments { action } => match action {
            SegmentAction::List => segments::list(&store),
            SegmentAction::Show { name } => segments::show(&store, &name),
            SegmentAction::Count { name, filter, any } => segments::count(&mut store, name.as_deref(), &filter, any),
            SegmentAction::Save { name, filter, any } => segments::save(&mut store, &name, &filter, any),
            SegmentAction::Delete { name } => segments::delete(&mut store, &name),
        },
        Command::Stages { as_of, set, dry_run } => stages::run(&mut store, as_of.as_deref(), &set, dry_run),
        Command::Rfm => stages::rfm(&mut store),
        // Answered above, before the archive is opened.
        Command::Calendar { year, holidays } => calendar::run(year, holidays, &store.shop_dates()?),
        Command::Encryption(action) => {
            drop(store);
            encryption::run(action, &path)
        }
        Command::Tiers { action } => match action {
            TierAction::Show => tiers::show(&mut store),
            TierAction::Preview { ladder } => tiers::preview(&mut store, &ladder),
            TierAction::Apply { ladder } => tiers::apply(&mut store, &ladder),
            TierAction::History { customer: Some(id), .. } => tiers::history(&store, id),
            TierAction::History { customer: None, limit } => tiers::recent(&store, limit),
            TierAction::Movers { ladder, direction, tier, limit } => {
                tiers::movers(&mut store, &ladder, direction, tier, limit)
            }
            TierAction::Pin { customer, tier, unpin } => {
                if tier.is_none() && !unpin {
                    return Err(crate::usage::UsageError::PinWhat.into());
                }
                tiers::pin(&mut store, customer, tier.as_deref())
            }
        },
    }
}

/// Today in the shop's time zone: the one place the CLI reads the clock for the rules.
fn today(store: &Store) -> Result<chrono::NaiveDate, Failure> {
    Ok(laoke_core::time::local_date(chrono::Utc::now(), store.timezone()?))
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
