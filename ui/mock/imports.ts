// DEV/TEST ONLY (never in ui/dist): a fake of the import commands for screenshots of the Import page —
// any path previews as a Taobao export, paths containing "generic" need a column mapping, and an
// import streams `import-progress` for about three seconds (long enough to see and press Cancel).
import { emit } from "@tauri-apps/api/event";
import type { FileReport } from "../src/bindings/FileReport";
import type { ImportBatch } from "../src/bindings/ImportBatch";
import type { ImportPreview } from "../src/bindings/ImportPreview";
import type { ImportRequest } from "../src/bindings/ImportRequest";
import type { MappingPreset } from "../src/bindings/MappingPreset";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const history: ImportBatch[] = [];
const presets: MappingPreset[] = [];
let cancel = false;
const GENERIC_HEADERS = ["Order Ref", "Customer No", "Order Date", "Product", "Qty", "Line Total"];

function previewOf(path: string, request: ImportRequest): ImportPreview {
  const generic = path.includes("generic");
  const mapping = request.mapping ?? (generic ? presets.find((p) => p.headers.join() === GENERIC_HEADERS.join())?.mapping ?? null : null);
  const orders = Array.from({ length: 12 }, (_, i) => ({
    row: i + 2, order_no: `35612844701234567${String(i).padStart(2, "0")}`, buyer_id: i % 5 === 4 ? null : `tb_买家${i % 4}`,
    nick: i % 5 === 4 ? "" : `tb_买家${i % 4}`, status: (["completed", "paid", "shipped", "unpaid", "closed", "refunded"] as const)[i % 6],
    created_at: `2025-03-${String(10 + i).padStart(2, "0")}T02:13:00Z`, amount_paid: `${100 + i * 7}.50`,
    refund: i % 6 === 5 ? `${100 + i * 7}.50` : "0.00", value: i % 6 === 5 ? "0.00" : `${100 + i * 7}.50`,
    purchase: i % 6 < 3, items: 1 + (i % 3), cod: false, shop: generic ? null : "小鱼手作铺",
  }));
  return {
    file: path, format: generic && !mapping ? null : generic ? "generic" : "taobao_orders",
    encoding: generic ? "utf-8" : "gb18030", headers: generic ? GENERIC_HEADERS : ["订单编号", "买家会员名"],
    sample: generic ? [["WS-1001", "C-001", "03/04/2024 14:05", "Tea Towel", "2", "17.00"]] : [],
    orders: generic && !mapping ? [] : orders, mapping, preset: request.mapping ? null : mapping ? "Web shop" : null,
    rejected: [{ row: 9, column: "订单创建时间", reason: "cannot read \"2025-13-45\" as a date and time", code: "row.not_a_date", params: { value: "2025-13-45" } }], replaced: [],
    file_shop: generic ? null : "小鱼手作铺", last_shop: null,
    platform: generic && !mapping ? null : generic ? "generic" : "taobao",
    shop: { shop_id: 1, name: generic ? "Other shop" : "小鱼手作铺", renames: null, new: false, remembered: false, choices: [],
      known: 0, conflicts: 0, elsewhere: [] },
  };
}

async function importFiles(paths: string[], request: ImportRequest) {
  cancel = false;
  const files: FileReport[] = [];
  for (const file of paths) {
    for (let done = 0; done <= 10; done++) {
      if (cancel) throw { code: "cancelled", message: "cancelled; nothing was changed", details: null };
      await emit("import-progress", { file, bytes_done: done * 104857, bytes_total: 1048576, rows: done * 1234 });
      await wait(300);
    }
    const report: FileReport = {
      file, format: request.format ?? "taobao_orders", encoding: "gb18030", rows: 12340, orders_new: 11800, orders_updated: 420,
      orders_unchanged: 0, orders_stale: 0, conflicts: 0, cod_counted: 0, shops: [request.shop ?? "小鱼手作铺"], items: 15012,
      customers_new: 6230, no_identity: 3, batch_id: history.length + 1, dry_run: false,
      rejected: [{ row: 9, column: "订单创建时间", reason: "cannot read \"2025-13-45\" as a date and time", code: "row.not_a_date", params: { value: "2025-13-45" } }], replaced: [],
    };
    files.push(report);
    history.unshift({ id: history.length + 1, source: "file", file_name: file, format: report.format, encoding: report.encoding,
      status: "done", started_at: new Date().toISOString().replace(/\.\d+Z$/, "Z"), finished_at: null, report });
  }
  await emit("data-changed", { tags: ["customers", "orders", "stats", "info"] });
  return { files };
}

/** Answers an import command, or `undefined` when `cmd` is not one. */
export function importCommand(cmd: string, a: Record<string, unknown>): Promise<unknown> | undefined {
  switch (cmd) {
    case "import_preview": return wait(150).then(() => previewOf(a.path as string, a.request as ImportRequest));
    case "import_files": return importFiles(a.paths as string[], a.request as ImportRequest);
    case "import_cancel": cancel = true; return Promise.resolve(null);
    case "import_history": return Promise.resolve(history);
    case "mapping_presets": return Promise.resolve(presets);
    case "mapping_save": presets.push(a.preset as MappingPreset); return Promise.resolve(null);
    default: return undefined;
  }
}
