//! IPC commands of the activity planner and coupon plans: the planner's span of
//! days, types and settings, an activity's life (new from its type, preview,
//! save, move, tick, results, delete), "suggest a month", the steps due on a
//! day, and coupon plans with their estimates and results. Each write is
//! announced (`activities` / `coupons`).

use crate::archive::Archive;
use crate::commands::announce;
use crate::error::IpcError;
use chrono::{NaiveDate, Utc};
use laoke_core::dto::{
    Activity, ActivityCalendar, ActivityResults, ActivitySettings, ActivityStepItem, ActivityType, ActivityView,
    CouponEstimate, CouponPlan, CouponResults, CouponView, DataChanged, DataTag, MonthSuggestion,
};
use tauri::{AppHandle, State};

fn changed(tag: DataTag) -> DataChanged {
    DataChanged { tags: vec![tag] }
}

#[tauri::command]
pub async fn activity_calendar(
    archive: State<'_, Archive>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ActivityCalendar, IpcError> {
    archive.run(move |s| s.activity_calendar(from, to)).await
}

#[tauri::command]
pub async fn activity_types(archive: State<'_, Archive>) -> Result<Vec<ActivityType>, IpcError> {
    archive.run(|s| s.activity_types()).await
}

#[tauri::command]
pub async fn activity_type_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    activity_type: ActivityType,
) -> Result<Vec<ActivityType>, IpcError> {
    let types = archive.run(move |s| s.save_activity_type(&activity_type, Utc::now())).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(types)
}

#[tauri::command]
pub async fn activity_type_reset(
    app: AppHandle,
    archive: State<'_, Archive>,
    key: String,
) -> Result<Vec<ActivityType>, IpcError> {
    let types = archive.run(move |s| s.reset_activity_type(&key)).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(types)
}

#[tauri::command]
pub async fn activity_settings(archive: State<'_, Archive>) -> Result<ActivitySettings, IpcError> {
    archive.run(|s| s.activity_settings()).await
}

#[tauri::command]
pub async fn activity_settings_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    settings: ActivitySettings,
) -> Result<ActivitySettings, IpcError> {
    let saved = archive.run(move |s| s.save_activity_settings(&settings)).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(saved)
}

/// A new activity of type `kind` on `date`, filled from its type (saves nothing).
#[tauri::command]
pub async fn activity_new(archive: State<'_, Archive>, kind: String, date: NaiveDate) -> Result<Activity, IpcError> {
    archive.run(move |s| s.new_activity(&kind, date)).await
}

/// Checks an activity as the editor changes it; refuses it with its `activity.*`/`template.*` code.
#[tauri::command]
pub async fn activity_preview(archive: State<'_, Archive>, activity: Activity) -> Result<ActivityView, IpcError> {
    archive.run(move |s| s.preview_activity(&activity)).await
}

/// Saves an activity: a new one without `id`, else replaces activity `id`.
#[tauri::command]
pub async fn activity_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    activity: Activity,
) -> Result<ActivityView, IpcError> {
    let saved = archive
        .run(move |s| match activity.id {
            Some(id) => s.update_activity(id, &activity, Utc::now()),
            None => s.add_activity(&activity, Utc::now()),
        })
        .await?;
    announce(&app, changed(DataTag::Activities));
    Ok(saved)
}

#[tauri::command]
pub async fn activity_move(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    date: NaiveDate,
) -> Result<ActivityView, IpcError> {
    let saved = archive.run(move |s| s.move_activity(id, date, Utc::now())).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(saved)
}

#[tauri::command]
pub async fn activity_delete(app: AppHandle, archive: State<'_, Archive>, id: i64) -> Result<(), IpcError> {
    archive.run(move |s| s.delete_activity(id)).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(())
}

#[tauri::command]
pub async fn activity_tick(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    step: u32,
    done: bool,
) -> Result<ActivityView, IpcError> {
    let saved = archive.run(move |s| s.tick_activity_step(id, step, done, Utc::now())).await?;
    announce(&app, changed(DataTag::Activities));
    Ok(saved)
}

/// Records the counts the seller entered and counts the activity's orders.
#[tauri::command]
pub async fn activity_results(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    participants: i64,
    new_members: i64,
) -> Result<ActivityResults, IpcError> {
    let r = archive
        .with_roster(move |s, roster, today| {
            s.record_activity_results_in(Some(roster), id, participants, new_members, today)
        })
        .await?;
    announce(&app, changed(DataTag::Activities));
    Ok(r)
}

/// "Suggest a month" (`YYYY-MM`): saves nothing.
#[tauri::command]
pub async fn activity_suggest(archive: State<'_, Archive>, month: String) -> Result<MonthSuggestion, IpcError> {
    archive.run(move |s| s.suggest_activities(laoke_core::activity::month_start(&month)?)).await
}

/// The checklist steps due on `date` and those left undone before it.
#[tauri::command]
pub async fn activity_steps(archive: State<'_, Archive>, date: NaiveDate) -> Result<Vec<ActivityStepItem>, IpcError> {
    archive.run(move |s| s.activity_steps_on(date)).await
}

#[tauri::command]
pub async fn coupon_plans(archive: State<'_, Archive>) -> Result<Vec<CouponView>, IpcError> {
    archive.with_roster(|s, roster, today| s.coupon_plans(Some(roster), today)).await
}

/// A plan's estimate before it is saved; refuses a broken plan with its `coupon.*` code.
#[tauri::command]
pub async fn coupon_estimate(archive: State<'_, Archive>, plan: CouponPlan) -> Result<CouponEstimate, IpcError> {
    archive.with_roster(move |s, roster, today| s.estimate_coupon_plan(Some(roster), &plan, today)).await
}

/// Saves a plan: a new one without `id`, else replaces plan `id`.
#[tauri::command]
pub async fn coupon_save(
    app: AppHandle,
    archive: State<'_, Archive>,
    plan: CouponPlan,
) -> Result<CouponView, IpcError> {
    let saved = archive
        .run(move |s| {
            let today = laoke_core::time::local_date(Utc::now(), s.timezone()?);
            match plan.id {
                Some(id) => s.update_coupon_plan(id, &plan, Utc::now(), today),
                None => s.add_coupon_plan(&plan, Utc::now(), today),
            }
        })
        .await?;
    announce(&app, changed(DataTag::Coupons));
    Ok(saved)
}

#[tauri::command]
pub async fn coupon_delete(app: AppHandle, archive: State<'_, Archive>, id: i64) -> Result<(), IpcError> {
    archive.run(move |s| s.delete_coupon_plan(id)).await?;
    announce(&app, changed(DataTag::Coupons));
    Ok(())
}

#[tauri::command]
pub async fn coupon_results(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
    redeemed: i64,
) -> Result<CouponResults, IpcError> {
    let r = archive
        .with_roster(move |s, roster, today| s.record_coupon_results_in(Some(roster), id, redeemed, Utc::now(), today))
        .await?;
    announce(&app, changed(DataTag::Coupons));
    Ok(r)
}

/// Takes the redemptions matched in the imported orders over as a plan's results.
#[tauri::command]
pub async fn coupon_results_from_orders(
    app: AppHandle,
    archive: State<'_, Archive>,
    id: i64,
) -> Result<CouponResults, IpcError> {
    let r = archive
        .with_roster(move |s, roster, today| s.record_coupon_results_from_orders(Some(roster), id, Utc::now(), today))
        .await?;
    announce(&app, changed(DataTag::Coupons));
    Ok(r)
}
