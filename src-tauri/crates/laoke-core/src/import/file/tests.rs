//! Whole files through the stream: Taobao rows, a generic mapping in the UCI
//! shape, rejections with row and column, and whole-file failures.

use super::*;
use crate::archive::OrderKind;
use crate::import::formats::MappedField;
use crate::{ErrorCode, OrderStatus};
use rust_decimal_macros::dec;
use std::io::Cursor;

fn events(text: &str, opts: &ImportOptions) -> Result<(ImportFile, Vec<Event>), ImportError> {
    let mut f =
        ImportFile::open(Box::new(Cursor::new(text.as_bytes().to_vec())), "t.csv", opts, chrono_tz::Asia::Shanghai)?;
    let mut out = Vec::new();
    while let Some(e) = f.next_event() {
        out.push(e?);
    }
    Ok((f, out))
}

fn orders(ev: &[Event]) -> Vec<&ImportedOrder> {
    ev.iter()
        .filter_map(|e| match e {
            Event::Order(o) => Some(o.as_ref()),
            _ => None,
        })
        .collect()
}

fn rejections(ev: &[Event]) -> Vec<&Rejection> {
    ev.iter()
        .filter_map(|e| match e {
            Event::Rejected(r) => Some(r),
            _ => None,
        })
        .collect()
}

const TAOBAO: &str = "订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机 ,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝总数量,退款金额
=\"1234567890123456789\",tb_小鱼儿,128.00,交易成功,王芳,'138****1234,2019-03-12 10:13:00,2019-03-12 10:14:10,西湖龙井，茉莉花茶,3,无退款申请
=\"1234567890123456790\",tb_小鱼儿,58.00元,交易关闭,王芳,'13812345678,2019-03-13 09:00:00,2019-03-13 09:01:00,白茶,1,58.00
=\"1234567890123456791\",jd_老茶客,30.00,等待买家付款,李军,,2019-03-14 20:00:00,,花茶,1,0
=\"1234567890123456792\",tb_x,abc,交易成功,李军,,2019-03-14 20:00:00,,花茶,1,0
=\"1234567890123456793\",tb_y,10.00,交易成功,李军,,not a date,,花茶,1,0
";

#[test]
fn a_taobao_report_becomes_orders_and_reasons() {
    let (f, ev) = events(TAOBAO, &ImportOptions::default()).unwrap();
    assert_eq!(f.format, ImportFormat::TaobaoOrders);
    assert_eq!(f.rows, 5);
    let os = orders(&ev);
    assert_eq!(os.len(), 3);
    let first = os[0];
    assert_eq!(first.order.order_no, "1234567890123456789");
    assert_eq!(first.identity.as_ref().map(|i| i.buyer_id.as_str()), Some("tb_小鱼儿"));
    assert_eq!(first.profile.phone, None, "a masked phone is not kept");
    assert_eq!(first.order.created_at.to_rfc3339(), "2019-03-12T02:13:00+00:00");
    assert_eq!(
        (first.order.amount_paid, first.order.refund, first.order.status),
        (dec!(128.00), dec!(0), OrderStatus::Completed)
    );
    assert_eq!(first.order.items[0].quantity, 3);
    assert_eq!(os[1].order.status, OrderStatus::Refunded, "交易关闭 after a full refund");
    assert_eq!(os[1].profile.phone.as_deref(), Some("13812345678"));
    assert_eq!(os[2].order.status, OrderStatus::Unpaid);
    assert_eq!(os[2].order.kind(true), OrderKind::Other);
    let rs = rejections(&ev);
    assert_eq!(rs.len(), 2);
    assert_eq!((rs[0].row, rs[0].column.as_deref()), (5, Some("买家实际支付金额")));
    assert_eq!((rs[1].row, rs[1].column.as_deref()), (6, Some("订单创建时间")));
}

fn uci_mapping() -> ImportOptions {
    let mut columns = std::collections::BTreeMap::new();
    for (f, h) in [
        (MappedField::OrderId, "InvoiceNo"),
        (MappedField::ItemTitle, "Description"),
        (MappedField::Quantity, "Quantity"),
        (MappedField::CreatedAt, "InvoiceDate"),
        (MappedField::UnitPrice, "UnitPrice"),
        (MappedField::BuyerId, "CustomerID"),
    ] {
        columns.insert(f, h.to_owned());
    }
    ImportOptions { mapping: Some(ColumnMapping { columns, date_format: None }), ..Default::default() }
}

#[test]
fn a_generic_file_in_the_uci_shape() {
    let text = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom
C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom
536414,22139,,56,12/1/2010 11:52,0,,United Kingdom
";
    let (f, ev) = events(text, &uci_mapping()).unwrap();
    assert_eq!(f.format, ImportFormat::Generic);
    let os = orders(&ev);
    assert_eq!(os.len(), 3);
    assert_eq!(os[0].order.amount_paid, dec!(35.64));
    assert_eq!(os[0].order.items.len(), 2);
    assert_eq!(os[0].identity.as_ref().unwrap().buyer_id, "17850");
    assert_eq!(os[1].order.kind(true), OrderKind::RefundDocument);
    assert_eq!(os[1].order.value(), dec!(-27.50));
    assert_eq!(os[2].identity, None, "no CustomerID");
    assert!(rejections(&ev).is_empty());
}

#[test]
fn late_rows_join_their_order_unless_they_are_too_late() {
    let text = "InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,a,1,2011-01-01,1,7\n2,b,1,2011-01-01,1,7\n1,c,2,2011-01-01,1,7\n";
    let (_, ev) = events(text, &uci_mapping()).unwrap();
    let os = orders(&ev);
    assert_eq!(os.len(), 2);
    assert_eq!(os[0].order.order_no, "1");
    assert_eq!((os[0].order.items.len(), os[0].order.amount_paid), (2, dec!(3)));
    assert!(rejections(&ev).is_empty());

    let mut far =
        String::from("InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n0,a,1,2011-01-01,1,7\n");
    for i in 1..=WINDOW + 1 {
        far.push_str(&format!("{i},a,1,2011-01-01,1,7\n"));
    }
    far.push_str("0,late,1,2011-01-01,1,7\n");
    let (_, ev) = events(&far, &uci_mapping()).unwrap();
    assert_eq!(orders(&ev).len(), WINDOW + 2);
    let rs = rejections(&ev);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].row, WINDOW as u64 + 4);
}

#[test]
fn whole_file_failures() {
    let code = |text: &str, opts: &ImportOptions| events(text, opts).err().expect("fails").code();
    let auto = ImportOptions::default();
    assert_eq!(code("a,b,c\n1,2,3\n", &auto), "import.unknown_format");
    assert_eq!(code("订单编号;买家会员名;订单状态;买家实际支付金额\n1;a;交易成功;1\n", &auto), "import.unknown_format");
    assert_eq!(code(TAOBAO.lines().next().unwrap(), &auto), "import.header_only");
    let no_created = TAOBAO.replace("订单创建时间", "下单时间");
    assert_eq!(code(&no_created, &auto), "import.missing_column");
    let ragged = "订单编号,买家会员名,买家实际支付金额,宝贝标题,订单状态,订单创建时间\n1,a,1,t,交易成功,2019-01-01,x,y\n2,a,1,t,交易成功,2019-01-01,x,y\n";
    assert_eq!(code(ragged, &auto), "import.ragged");
    let mut bad = uci_mapping();
    bad.mapping.as_mut().unwrap().columns.insert(MappedField::Amount, "Total".into());
    assert_eq!(
        code("InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,a,1,2011-01-01,1,7\n", &bad),
        "import.missing_column"
    );
    // A generic file needs a mapping, and the mapping the fields an order cannot do without.
    let uci = "InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,a,1,2011-01-01,1,7\n";
    let generic = ImportOptions { format: Some(ImportFormat::Generic), ..Default::default() };
    assert_eq!(code(uci, &generic), "import.mapping_needed");
    let mut no_date = uci_mapping();
    no_date.mapping.as_mut().unwrap().columns.remove(&MappedField::CreatedAt);
    let err = events(uci, &no_date).err().expect("fails");
    assert_eq!((err.code(), err.details()["field"].as_str()), ("import.mapping_missing_field", Some("created_at")));
    let mut no_amount = uci_mapping();
    no_amount.mapping.as_mut().unwrap().columns.remove(&MappedField::UnitPrice);
    assert_eq!(code(uci, &no_amount), "import.mapping_no_amount");
}

#[test]
fn an_export_of_several_shops_names_each_orders_shop_and_keeps_colliding_numbers_apart() {
    let mut mapping = ColumnMapping { columns: Default::default(), date_format: None };
    for (f, h) in [
        (MappedField::OrderId, "Order"),
        (MappedField::CreatedAt, "Date"),
        (MappedField::Amount, "Total"),
        (MappedField::Shop, "Store"),
        (MappedField::PaymentMethod, "Payment"),
        (MappedField::Status, "Status"),
    ] {
        mapping.columns.insert(f, h.into());
    }
    let text = "Order,Date,Total,Store,Payment,Status
#1001,2025-03-01 10:00,10.00,North,card,completed
#1001,2025-03-01 10:00,5.00,North,card,completed
#1001,2025-04-02 11:00,20.00,South,货到付款,shipped
#1002,2025-04-03 12:00,7.00,South,货到付款,paid
";
    let (_, ev) = events(text, &ImportOptions { mapping: Some(mapping), ..Default::default() }).unwrap();
    let os = orders(&ev);
    let got: Vec<(&str, Option<&str>, _, _, bool)> = os
        .iter()
        .map(|o| (o.order.order_no.as_str(), o.shop.as_deref(), o.order.amount_paid, o.order.status, o.order.cod))
        .collect();
    assert_eq!(
        got,
        [
            ("#1001", Some("North"), dec!(15.00), OrderStatus::Completed, false),
            // Cash on delivery: paid but not shipped is not paid yet.
            ("#1002", Some("South"), dec!(7.00), OrderStatus::Unpaid, true),
        ]
    );
    // South's #1001 next to North's is another order: refused rather than merged into it.
    let r = rejections(&ev);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].row, 4);
    assert!(r[0].reason.contains("of shop \"South\" is also an order of shop \"North\""), "{}", r[0].reason);
    assert_eq!(r[0].code, "row.order_of_two_shops");
    assert_eq!(r[0].params.get("other_shop").map(String::as_str), Some("North"));
}
