//! The ten built-in activity types the seed articles describe, each with its
//! default checklist, announcement (zh and en) and budget. A shop edits them or
//! adds its own in the archive (`activity_types`); these are what a fresh shop
//! starts from and what deleting an edit restores.

use crate::dto::{ActivityType, Step, StepKind, TypeBudgetLine};
use rust_decimal::Decimal;

/// A step `offset` days from the activity, at the slot's start (winners: its end).
fn step(kind: StepKind, offset_days: i32) -> Step {
    Step { kind, label: None, offset_days, at: None, done: false }
}

/// The checklist the issue names: pre-announce D−3, reminder D−1, run, winners, follow-up D+1.
fn contest_steps() -> Vec<Step> {
    use StepKind::*;
    vec![
        step(PreAnnounce, -3),
        step(PreparePrizes, -2),
        step(Reminder, -1),
        step(Run, 0),
        step(AnnounceWinners, 0),
        step(FollowUp, 1),
    ]
}

/// A sale or preview has no winners to announce.
fn sale_steps() -> Vec<Step> {
    use StepKind::*;
    vec![step(PreAnnounce, -3), step(Reminder, -1), step(Run, 0), step(FollowUp, 1)]
}

fn line(label_zh: &str, label_en: &str, cents: i64) -> TypeBudgetLine {
    TypeBudgetLine { label_zh: label_zh.into(), label_en: label_en.into(), amount: Decimal::new(cents, 2) }
}

struct Spec {
    key: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    template_zh: &'static str,
    template_en: &'static str,
    contest: bool,
    budget: &'static [(&'static str, &'static str, i64)],
}

const SPECS: [Spec; 10] = [
    Spec {
        key: "guess_price",
        name_zh: "猜价格",
        name_en: "Guess the price",
        template_zh: "【{shop}】{date} {time} 群内「{title}」：猜中新品价格的前 3 位送出奖品，奖池 {budget} 元！{coupon}",
        template_en: "[{shop}] {title} in the group on {date} at {time}: the first 3 to guess the new item's price win. Prize pool {budget}! {coupon}",
        contest: true,
        budget: &[("奖品", "Prizes", 8800)],
    },
    Spec {
        key: "red_packet",
        name_zh: "抢红包",
        name_en: "Red-packet round",
        template_zh: "【{shop}】{date} {time} 群里发红包啦！「{title}」共 {budget} 元，准时来抢～{coupon}",
        template_en: "[{shop}] Red packets in the group on {date} at {time}: {title}, {budget} in all. Be there! {coupon}",
        contest: false,
        budget: &[("红包池", "Red-packet pool", 10000)],
    },
    Spec {
        key: "buyer_show",
        name_zh: "买家秀",
        name_en: "Buyer-show contest",
        template_zh: "【{shop}】「{title}」开始征集买家秀！{date} {time} 前在群里晒图，点赞最多的送好礼（奖品 {budget} 元）。{coupon}",
        template_en: "[{shop}] {title}: post your photos in the group by {date} {time}; the most liked win prizes worth {budget}. {coupon}",
        contest: true,
        budget: &[("奖品", "Prizes", 10000)],
    },
    Spec {
        key: "new_preview",
        name_zh: "上新预告",
        name_en: "New-product preview",
        template_zh: "【{shop}】新品抢先看！{date} {time} 群内首发「{title}」，群友专享价。{coupon}",
        template_en: "[{shop}] Sneak peek: {title} launches in the group on {date} at {time}, members' price. {coupon}",
        contest: false,
        budget: &[("群友券", "Members' coupons", 5000)],
    },
    Spec {
        key: "trial",
        name_zh: "新品试用",
        name_en: "Product trial",
        template_zh: "【{shop}】「{title}」试用招募：{date} {time} 群内报名，送出试用装，用后晒图即可。{coupon}",
        template_en: "[{shop}] {title}: sign up in the group on {date} at {time} for a free trial; post a photo after. {coupon}",
        contest: true,
        budget: &[("试用装", "Trial samples", 15000)],
    },
    Spec {
        key: "flash_sale",
        name_zh: "秒杀",
        name_en: "Flash sale",
        template_zh: "【{shop}】{date} {time} 群内秒杀「{title}」，限量先到先得！{coupon}",
        template_en: "[{shop}] Flash sale in the group on {date} at {time}: {title}, while stocks last! {coupon}",
        contest: false,
        budget: &[("让利", "Discount given", 20000)],
    },
    Spec {
        key: "live",
        name_zh: "直播",
        name_en: "Live session",
        template_zh: "【{shop}】{date} {time} 开播「{title}」，直播间抽奖（奖品 {budget} 元），记得来！{coupon}",
        template_en: "[{shop}] Live on {date} at {time}: {title}, with a prize draw worth {budget}. See you there! {coupon}",
        contest: true,
        budget: &[("抽奖奖品", "Draw prizes", 10000)],
    },
    Spec {
        key: "return_sale",
        name_zh: "返场",
        name_en: "Return sale",
        template_zh: "【{shop}】大促返场！{date} {time} 起「{title}」，错过大促的群友再享一次优惠。{coupon}",
        template_en: "[{shop}] Return sale from {date} {time}: {title}, one more chance at the promotion's prices. {coupon}",
        contest: false,
        budget: &[("返场券", "Return-sale coupons", 10000)],
    },
    Spec {
        key: "quiz",
        name_zh: "问答",
        name_en: "Quiz",
        template_zh: "【{shop}】{date} {time} 群内有奖问答「{title}」，答对就有奖（奖品 {budget} 元）！{coupon}",
        template_en: "[{shop}] Quiz in the group on {date} at {time}: {title}. Right answers win (prizes worth {budget})! {coupon}",
        contest: true,
        budget: &[("奖品", "Prizes", 5000)],
    },
    Spec {
        key: "check_in",
        name_zh: "签到",
        name_en: "Check-in streak",
        template_zh: "【{shop}】「{title}」从 {date} 开始，每天 {time} 群内签到，连签 7 天送礼（奖品 {budget} 元）。{coupon}",
        template_en: "[{shop}] {title} starts {date}: check in daily at {time}; 7 days in a row wins a gift (worth {budget}). {coupon}",
        contest: true,
        budget: &[("连签礼品", "Streak gifts", 6000)],
    },
];

/// Every built-in type, in the order the planner lists them.
pub fn builtin_types() -> Vec<ActivityType> {
    SPECS
        .iter()
        .map(|s| ActivityType {
            key: s.key.into(),
            name_zh: s.name_zh.into(),
            name_en: s.name_en.into(),
            steps: if s.contest { contest_steps() } else { sale_steps() },
            template_zh: s.template_zh.into(),
            template_en: s.template_en.into(),
            budget: s.budget.iter().map(|(zh, en, cents)| line(zh, en, *cents)).collect(),
            builtin: true,
        })
        .collect()
}

/// Whether `key` is a built-in type's.
pub fn is_builtin(key: &str) -> bool {
    SPECS.iter().any(|s| s.key == key)
}
