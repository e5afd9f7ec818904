//! Who buys in the demo shop: the platform mix, Chinese and English nicks,
//! names, masked phones, regions, and birthdays.

use crate::archive::{BuyerIdentity, CustomerRecord};
use crate::Platform;
use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Share of customers per platform, in percent.
const PLATFORM_MIX: [(Platform, u32); 8] = [
    (Platform::Taobao, 38),
    (Platform::Tmall, 7),
    (Platform::Pinduoduo, 15),
    (Platform::Jd, 10),
    (Platform::Douyin, 10),
    (Platform::Shopify, 10),
    (Platform::Woocommerce, 5),
    (Platform::Etsy, 5),
];

pub(super) fn platform(rng: &mut ChaCha8Rng) -> Platform {
    let mut roll = rng.random_range(0..100);
    for (p, share) in PLATFORM_MIX {
        if roll < share {
            return p;
        }
        roll -= share;
    }
    Platform::Taobao
}

const NICK_WORDS: &[&str] = &[
    "小鱼儿",
    "江南烟雨",
    "快乐的猫咪",
    "追风少年",
    "茶小白",
    "半夏微凉",
    "清风徐来",
    "爱喝茶的胖子",
    "木子李",
    "阿狸",
    "糖糖",
    "晴天",
    "喵星人",
    "安静的美男子",
    "向日葵",
    "小确幸",
    "老王茶馆",
    "南山南",
    "月半弯",
    "一叶知秋",
    "豆豆妈",
    "西瓜太郎",
    "lucky猪",
    "tb_茶友",
    "jd_老茶客",
];
const PINYIN: &[&str] = &["xiaomei", "wangfang", "lijun", "zhangwei", "chenchen", "liuyang", "huanghui", "zhaolei"];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
];
const GIVEN: &[&str] = &[
    "芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英",
    "婷婷", "子涵", "浩然", "雨桐",
];
const FIRST: &[&str] = &[
    "Emma", "Olivia", "Liam", "Noah", "Ava", "Sophia", "James", "Lucas", "Mia", "Amelia", "Ethan", "Chloe", "Grace",
    "Daniel", "Hannah", "Jack",
];
const LAST: &[&str] = &[
    "Smith", "Johnson", "Brown", "Wong", "Garcia", "Miller", "Davis", "Taylor", "Wilson", "Chen", "Martin", "Clarke",
    "Walker", "Young",
];
const REGIONS_CN: &[(&str, &[&str])] = &[
    ("浙江省", &["杭州市", "宁波市", "温州市", "绍兴市"]),
    ("广东省", &["广州市", "深圳市", "佛山市", "东莞市"]),
    ("江苏省", &["南京市", "苏州市", "无锡市", "常州市"]),
    ("上海市", &["上海市"]),
    ("北京市", &["北京市"]),
    ("山东省", &["济南市", "青岛市", "烟台市"]),
    ("四川省", &["成都市", "绵阳市"]),
    ("福建省", &["福州市", "厦门市", "泉州市"]),
    ("湖北省", &["武汉市", "宜昌市"]),
    ("河南省", &["郑州市", "洛阳市"]),
    ("湖南省", &["长沙市", "株洲市"]),
    ("云南省", &["昆明市", "大理白族自治州"]),
];
const REGIONS_WEST: &[(&str, &[&str])] = &[
    ("California", &["Los Angeles", "San Francisco", "San Diego"]),
    ("New York", &["New York", "Brooklyn"]),
    ("Texas", &["Austin", "Houston"]),
    ("Ontario", &["Toronto", "Ottawa"]),
    ("England", &["London", "Manchester", "Bristol"]),
    ("Victoria", &["Melbourne"]),
];

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// The identity and profile of a buyer; `unique` makes the identity unique
/// within the shop.
pub(super) fn buyer(rng: &mut ChaCha8Rng, platform: Platform, unique: u64) -> (BuyerIdentity, CustomerRecord) {
    let gender = match rng.random_range(0..10) {
        0..=5 => Some('f'),
        6..=8 => Some('m'),
        _ => None,
    };
    let birthday = if rng.random_bool(0.35) {
        NaiveDate::from_ymd_opt(rng.random_range(1965..=2004), rng.random_range(1..=12), rng.random_range(1..=28))
    } else {
        None
    };
    let birthday_lunar = birthday.is_some() && platform.is_chinese() && rng.random_bool(0.2);
    let mut profile = CustomerRecord { birthday, birthday_lunar, gender, ..CustomerRecord::default() };
    let buyer_id = if platform.is_chinese() {
        let (province, cities) = pick(rng, REGIONS_CN);
        let city = pick(rng, cities);
        profile.nick = match rng.random_range(0..3) {
            0 => format!("{}{}", pick(rng, PINYIN), unique),
            _ => format!("{}{}", pick(rng, NICK_WORDS), unique),
        };
        profile.name = Some(format!("{}{}", pick(rng, SURNAMES), pick(rng, GIVEN)));
        // Recent exports mask phones (脱敏); they are never identity keys.
        profile.phone = Some(format!(
            "1{}{}****{:04}",
            rng.random_range(3..=9),
            rng.random_range(0..10),
            rng.random_range(0..10_000)
        ));
        profile.address = Some(format!("{province} {city} 某某区 {}号", rng.random_range(1..300)));
        profile.province = Some((*province).to_owned());
        profile.city = Some((*city).to_owned());
        profile.nick.clone()
    } else {
        let (region, cities) = pick(rng, REGIONS_WEST);
        let city = pick(rng, cities);
        let (first, last) = (pick(rng, FIRST), pick(rng, LAST));
        profile.nick = format!("{first} {last}");
        profile.name = Some(profile.nick.clone());
        // example.com is reserved for examples: these addresses reach nobody.
        let email = format!("{}.{}{}@example.com", first.to_lowercase(), last.to_lowercase(), unique);
        profile.email = Some(email.clone());
        profile.province = Some((*region).to_owned());
        profile.city = Some((*city).to_owned());
        profile.address = Some(format!("{} Market Street, {city}, {region}", rng.random_range(1..999)));
        match platform {
            Platform::Etsy => format!("{}{}", first.to_lowercase(), unique),
            _ => email,
        }
    };
    (BuyerIdentity { platform, buyer_id }, profile)
}
