// Localized names of import formats, encodings, order statuses and batch statuses; unknown ids are shown raw.
import type { TFunction } from "i18next";

/** The ten formats the importer knows or will know; others fall back to their id. */
export const FORMAT_IDS = [
  "taobao_orders", "taobao_items", "pinduoduo", "jd", "douyin", "shopify", "woocommerce", "etsy_orders", "etsy_items",
  "generic",
] as const;

export const ENCODING_IDS = ["utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be", "xlsx", "xls"] as const;

const label = (t: TFunction, group: string, id: string) => t(`${group}.${id}`, { defaultValue: id });

export const formatLabel = (t: TFunction, id: string) => label(t, "import.format", id);
export const encodingLabel = (t: TFunction, id: string) => label(t, "import.encoding", id);
export const orderStatusLabel = (t: TFunction, id: string) => label(t, "orderStatus", id);
export const batchStatusLabel = (t: TFunction, id: string) => label(t, "import.history.status", id);

/** Tag colours of an order's status and of a batch's outcome. */
export const ORDER_STATUS_COLORS: Record<string, string> = {
  unpaid: "default", paid: "blue", shipped: "cyan", completed: "green", closed: "default", refunded: "orange",
};
export const BATCH_STATUS_COLORS: Record<string, string> = {
  running: "processing", done: "success", failed: "error", cancelled: "warning",
};
