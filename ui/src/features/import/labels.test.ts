// Import labels: all ten formats and six encodings named in both languages; unknown ids shown raw.
import { afterAll, describe, expect, it } from "vitest";
import i18n from "../../app/i18n";
import { ENCODING_IDS, FORMAT_IDS, encodingLabel, formatLabel, orderStatusLabel } from "./labels";
import { importPercent } from "./useImportRun";

afterAll(() => i18n.changeLanguage("en-US"));

describe("labels", () => {
  it("name every format and encoding in Chinese", async () => {
    await i18n.changeLanguage("zh-CN");
    const t = i18n.t.bind(i18n);
    expect(FORMAT_IDS.map((f) => formatLabel(t, f))).toEqual([
      "淘宝/天猫 订单报表", "淘宝 宝贝报表", "拼多多", "京东", "抖店", "Shopify", "WooCommerce", "Etsy 订单", "Etsy 订单明细",
      "自定义表格（列映射）",
    ]);
    expect(encodingLabel(t, "gb18030")).toBe("GBK/GB18030");
    for (const id of ENCODING_IDS) expect(i18n.exists(`import.encoding.${id}`), id).toBe(true);
    expect(orderStatusLabel(t, "completed")).toBe("交易成功");
  });
  it("fall back to the raw id for formats Rust adds later", async () => {
    await i18n.changeLanguage("en-US");
    const t = i18n.t.bind(i18n);
    expect(formatLabel(t, "taobao_orders")).toBe("Taobao/Tmall order report");
    expect(formatLabel(t, "amazon_orders")).toBe("amazon_orders");
    expect(encodingLabel(t, "latin1")).toBe("latin1");
  });
});

describe("importPercent", () => {
  it("is bytes read over bytes total, whole and capped", () => {
    expect(importPercent(null)).toBe(0);
    expect(importPercent({ file: "a", bytes_done: 0, bytes_total: 0, rows: 0 })).toBe(0);
    expect(importPercent({ file: "a", bytes_done: 512, bytes_total: 2048, rows: 10 })).toBe(25);
    expect(importPercent({ file: "a", bytes_done: 999, bytes_total: 1000, rows: 10 })).toBe(99);
    expect(importPercent({ file: "a", bytes_done: 3000, bytes_total: 1000, rows: 10 })).toBe(100);
  });
});
