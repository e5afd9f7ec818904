//! What the demo shop sells: a small tea shop's range, named in Chinese for the
//! Chinese marketplaces and in English for the others.

use rust_decimal::Decimal;

pub(super) struct Product {
    pub sku: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub category_zh: &'static str,
    pub category_en: &'static str,
    /// Price in cents, so the catalogue stays exact.
    pub cents: i64,
}

impl Product {
    pub fn price(&self) -> Decimal {
        Decimal::new(self.cents, 2)
    }
}

macro_rules! products {
    ($( $sku:literal, $zh:literal, $en:literal, $cz:literal, $ce:literal, $cents:literal; )*) => {
        &[ $( Product { sku: $sku, zh: $zh, en: $en, category_zh: $cz, category_en: $ce, cents: $cents }, )* ]
    };
}

pub(super) const PRODUCTS: &[Product] = products![
    "T-LJ-250", "西湖龙井 明前特级 250g", "West Lake Longjing, pre-Qingming, 250 g", "绿茶", "Green tea", 26800;
    "T-LJ-100", "西湖龙井 雨前 100g", "West Lake Longjing, 100 g", "绿茶", "Green tea", 9800;
    "T-BLC-100", "洞庭碧螺春 100g", "Biluochun green tea, 100 g", "绿茶", "Green tea", 8800;
    "T-MJ-50", "黄山毛峰 50g 尝鲜装", "Huangshan Maofeng sampler, 50 g", "绿茶", "Green tea", 3900;
    "T-TGY-250", "安溪铁观音 清香型 250g", "Anxi Tieguanyin, light roast, 250 g", "乌龙茶", "Oolong", 15800;
    "T-DHP-125", "武夷大红袍 125g", "Wuyi Da Hong Pao, 125 g", "乌龙茶", "Oolong", 19800;
    "T-DC-100", "凤凰单丛 鸭屎香 100g", "Phoenix Dancong 'Duck Shit' aroma, 100 g", "乌龙茶", "Oolong", 12800;
    "T-PE-357", "云南普洱 熟茶饼 357g", "Yunnan ripe Pu-erh cake, 357 g", "黑茶", "Dark tea", 16800;
    "T-PE-SH", "普洱生茶 古树 200g", "Ancient-tree raw Pu-erh, 200 g", "黑茶", "Dark tea", 32800;
    "T-BC-300", "福鼎白茶 寿眉饼 300g", "Fuding white tea Shoumei cake, 300 g", "白茶", "White tea", 13800;
    "T-BHY-100", "白毫银针 100g", "Silver Needle white tea, 100 g", "白茶", "White tea", 29800;
    "T-QM-100", "祁门红茶 100g", "Keemun black tea, 100 g", "红茶", "Black tea", 6800;
    "T-DH-100", "滇红金芽 100g", "Yunnan golden bud black tea, 100 g", "红茶", "Black tea", 7800;
    "T-MH-50", "茉莉花茶 飘雪 50g", "Jasmine snowflake tea, 50 g", "花茶", "Flower tea", 2900;
    "T-JH-30", "桐乡胎菊 30g", "Tongxiang chrysanthemum buds, 30 g", "花茶", "Flower tea", 1990;
    "W-GB-01", "手工盖碗 景德镇白瓷 150ml", "Jingdezhen porcelain gaiwan, 150 ml", "茶具", "Teaware", 8800;
    "W-ZS-01", "宜兴紫砂壶 西施 200ml", "Yixing clay teapot, 200 ml", "茶具", "Teaware", 36800;
    "W-BZ-06", "玻璃公道杯+6品茗杯", "Glass pitcher with six cups", "茶具", "Teaware", 5900;
    "W-CP-01", "竹制茶盘 简约款", "Bamboo tea tray", "茶具", "Teaware", 12800;
    "W-LZ-01", "旅行茶具 快客杯", "Travel tea set", "茶具", "Teaware", 4900;
    "G-CN-01", "中秋茶礼盒 龙井+铁观音", "Mid-Autumn tea gift box", "礼盒", "Gift boxes", 39800;
    "G-NY-01", "新年茶礼 六大茶类品鉴装", "New Year tasting box, six teas", "礼盒", "Gift boxes", 29900;
    "G-BS-01", "商务茶礼 大红袍礼罐", "Da Hong Pao gift tin", "礼盒", "Gift boxes", 59800;
    "S-BX-01", "茶点 桂花糕 8枚", "Osmanthus cakes, 8 pcs", "茶点", "Tea snacks", 2580;
    "S-MG-01", "陈皮梅 200g", "Tangerine-peel plums, 200 g", "茶点", "Tea snacks", 1880;
    "S-GZ-01", "坚果礼包 每日坚果 30袋", "Daily nuts, 30 packs", "茶点", "Tea snacks", 8900;
];
