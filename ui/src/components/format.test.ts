// Display formatting of decimal strings and stored times: exact, localized, in the shop's time zone.
import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatDate, formatMoney, formatMonth, formatPercent, parseStored } from "./format";

describe("money and rates", () => {
  it("formats decimal strings exactly, without float rounding", () => {
    expect(formatMoney("1234.5", "CNY", "zh-CN")).toBe("¥1,234.50");
    expect(formatMoney("0.10", "USD", "en-US")).toBe("$0.10");
    // 2^53 + 1 cents would lose a digit as a float; Intl formats the string exactly.
    expect(formatMoney("90071992547409.93", "USD", "en-US")).toBe("$90,071,992,547,409.93");
    expect(formatMoney("-12.00", "EUR", "en-US")).toBe("-€12.00");
  });
  it("shows non-decimal text unchanged and survives an unknown currency", () => {
    expect(formatMoney("n/a", "CNY", "zh-CN")).toBe("n/a");
    expect(formatMoney("12.50", "NOPE1", "en-US")).toBe("12.50 NOPE1");
  });
  it("shows the repurchase fraction as a percent", () => {
    expect(formatPercent("0.3512", "en-US")).toBe("35.1%");
    expect(formatPercent("1", "zh-CN")).toBe("100%");
    expect(formatPercent("0", "en-US")).toBe("0%");
  });
  it("groups counts by locale", () => {
    expect(formatCount(300000, "en-US")).toBe("300,000");
  });
});

describe("dates", () => {
  it("parses the stored forms", () => {
    expect(parseStored("2025-11-02T17:30:00Z")?.date.toISOString()).toBe("2025-11-02T17:30:00.000Z");
    expect(parseStored("2025-11-02 17:30:00")?.date.toISOString()).toBe("2025-11-02T17:30:00.000Z");
    expect(parseStored("2025-11-02T17:30:00+08:00")?.date.toISOString()).toBe("2025-11-02T09:30:00.000Z");
    expect(parseStored("2025-11-02")).toMatchObject({ dateOnly: true });
    expect(parseStored("yesterday")).toBeNull();
  });
  it("shows the calendar day in the shop's time zone", () => {
    // 17:30 UTC on 2 Nov is 01:30 on 3 Nov in Shanghai.
    expect(formatDate("2025-11-02T17:30:00Z", "en-US", "Asia/Shanghai", "numeric")).toBe("11/03/2025");
    expect(formatDate("2025-11-02T17:30:00Z", "en-US", "Europe/London", "numeric")).toBe("11/02/2025");
    expect(formatDate("2025-11-02", "zh-CN", "America/Los_Angeles", "numeric")).toBe("2025/11/02");
    expect(formatDate(null, "en-US", "UTC")).toBe("");
    expect(formatDate("garbage", "en-US", "UTC")).toBe("garbage");
  });
  it("adds the shop's clock time for imported orders", () => {
    expect(formatDate("2019-03-12T02:13:00Z", "zh-CN", "Asia/Shanghai", "dateTime")).toBe("2019/03/12 10:13");
    expect(formatDate("2019-03-21T15:59:59Z", "en-US", "Asia/Shanghai", "dateTime")).toBe("03/21/2019, 23:59");
  });
  it("names months", () => {
    expect(formatMonth("2025-11", "en-US")).toBe("Nov 2025");
    expect(formatMonth("2025-11", "zh-CN")).toBe("2025年11月");
  });
});

describe("file sizes", () => {
  it("picks the largest unit that keeps the figure at 1 or more, 1024 apart", () => {
    expect(formatBytes(0, "en-US")).toBe("0 B");
    expect(formatBytes(1023, "en-US")).toBe("1,023 B");
    expect(formatBytes(1536, "en-US")).toBe("1.5 kB");
    expect(formatBytes(12.3 * 1024 * 1024, "zh-CN")).toBe("12.3 MB");
    expect(formatBytes(3 * 1024 ** 3, "en-US")).toBe("3 GB");
  });
});
