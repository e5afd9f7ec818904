// Rejected rows worded from their codes in the seller's language, with the importer's text as fallback.
import { afterAll, describe, expect, it } from "vitest";
import i18n from "../../app/i18n";
import type { Rejection } from "../../bindings/Rejection";
import { rejectionReason } from "./previewColumns";

afterAll(() => i18n.changeLanguage("en-US"));

const conflict: Rejection = {
  row: 7, column: null, reason: "order #1113 of shop \"North\" was placed …", code: "row.order_conflict",
  params: { order_no: "#1113", shop: "North", created_at: "2025-05-11T05:55:16Z", buyer: "",
    file_created_at: "2025-06-01T02:00:00Z", file_buyer: "ivy@example.com" },
};

describe("rejectionReason", () => {
  it("words a conflict in Chinese, times in the shop's zone, a missing buyer said so", async () => {
    await i18n.changeLanguage("zh-CN");
    const text = rejectionReason(conflict, { t: i18n.t, locale: "zh-CN", timeZone: "Asia/Shanghai" });
    expect(text).toContain("店铺「North」的订单 #1113 是 无买家信息 在 2025");
    expect(text).toContain("ivy@example.com");
    expect(text).not.toMatch(/placed|by ,/);
  });

  it("words an order of two shops in one file, and a broken cell in Chinese", async () => {
    await i18n.changeLanguage("en-US");
    const ctx = { t: i18n.t, locale: "en-US", timeZone: "Asia/Shanghai" };
    const twoShops: Rejection = { row: 4, column: null, reason: "x", code: "row.order_of_two_shops",
      params: { order_no: "#1001", shop: "South", other_shop: "North" } };
    expect(rejectionReason(twoShops, ctx)).toBe(
      "Order #1001 of the shop “South” is also an order of the shop “North” in this file: import each shop’s orders from a file of its own.");
    const quantity: Rejection = { row: 9, column: "数量", reason: "cannot read \"two\" as a quantity",
      code: "row.quantity_not_a_number", params: { value: "two" } };
    await i18n.changeLanguage("zh-CN");
    expect(rejectionReason(quantity, { ...ctx, locale: "zh-CN" })).toBe("“two”不是数量。");
  });
});
