// Import DTOs for component tests: previews (a Taobao export, an unknown header), a report and a history.
import type { FileReport } from "../bindings/FileReport";
import type { ImportBatch } from "../bindings/ImportBatch";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { PreviewOrder } from "../bindings/PreviewOrder";

const order = (p: Partial<PreviewOrder>): PreviewOrder => ({
  row: 2, order_no: "3561284470123456789", buyer_id: "tb_小鱼儿", nick: "tb_小鱼儿", status: "completed",
  created_at: "2019-03-12T02:13:00Z", amount_paid: "128.00", refund: "0.00", value: "128.00", purchase: true, items: 1,
  cod: false, shop: null, ...p,
});

export const TAOBAO_PATH = "/data/exports/ExportOrderList201903.csv";
export const GENERIC_PATH = "C:\\exports\\web shop.csv";

export const taobaoPreview: ImportPreview = {
  file: TAOBAO_PATH, format: "taobao_orders", platform: "taobao", encoding: "gb18030", headers: ["订单编号", "买家会员名"], sample: [],
  orders: [
    order({}),
    order({ row: 3, order_no: "3561284470123456790", buyer_id: null, nick: "", status: "closed", amount_paid: "0.00",
      value: "0.00", purchase: false, created_at: "2019-03-21T15:59:59Z" }),
  ],
  rejected: [{ row: 7, column: "订单创建时间", reason: "cannot read \"2019-13-45\" as a date and time", code: "row.not_a_date", params: { value: "2019-13-45" } }], replaced: [],
  mapping: null, preset: null, file_shop: null, last_shop: null, shop: null,
};

export const GENERIC_HEADERS = ["Order Ref", "Customer No", "Order Date", "Product", "Qty", "Line Total (GBP)"];

export const unknownPreview: ImportPreview = {
  file: GENERIC_PATH, format: null, platform: null, encoding: "utf-8", headers: GENERIC_HEADERS,
  sample: [
    ["WS-1001", "C-001", "03/04/2024 14:05", "Tea Towel", "2", "17.00"],
    ["WS-1002", "C-002", "25/12/2023 09:30", "Mug", "1", "12.00"],
  ],
  orders: [], rejected: [], replaced: [], mapping: null, preset: null, file_shop: null, last_shop: null, shop: null,
};

export function mappedPreview(mapping: ImportPreview["mapping"], preset: string | null = null): ImportPreview {
  return {
    ...unknownPreview, format: "generic", platform: "generic", mapping, preset,
    orders: [order({ row: 2, order_no: "WS-1001", buyer_id: "C-001", nick: "", amount_paid: "26.50", value: "26.50", items: 2 })],
  };
}

export const taobaoReport: FileReport = {
  file: TAOBAO_PATH, format: "taobao_orders", encoding: "gb18030", rows: 1234, orders_new: 1200, orders_updated: 20,
  orders_unchanged: 3, orders_stale: 0, conflicts: 0, cod_counted: 0, shops: ["小鱼手作铺"], items: 1500,
  customers_new: 640, no_identity: 2,
  rejected: [{ row: 7, column: "订单创建时间", reason: "cannot read \"2019-13-45\" as a date and time", code: "row.not_a_date", params: { value: "2019-13-45" } }], replaced: [], batch_id: 4, dry_run: false,
};

export const history: ImportBatch[] = [
  { id: 4, source: "file", file_name: TAOBAO_PATH, format: "taobao_orders", encoding: "gb18030", status: "done",
    started_at: "2025-11-02T09:30:00Z", finished_at: "2025-11-02T09:30:05Z", report: taobaoReport },
  { id: 3, source: "file", file_name: "/data/broken.csv", format: null, encoding: null, status: "failed",
    started_at: "2025-11-01T09:30:00Z", finished_at: "2025-11-01T09:30:01Z", report: null },
  { id: 1, source: "demo", file_name: null, format: null, encoding: null, status: "done",
    started_at: "2025-10-30T09:30:00Z", finished_at: "2025-10-30T09:31:00Z", report: null },
];
