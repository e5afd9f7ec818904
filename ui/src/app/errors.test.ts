// Error-code → localized text mapping, in both languages, with the generic fallback.
import { afterAll, describe, expect, it } from "vitest";
import i18n from "./i18n";
import { describePlace, errorKey, errorParams, errorPlace, localizeError, toErrorDto } from "./errors";

afterAll(() => i18n.changeLanguage("en-US"));

describe("toErrorDto", () => {
  it("keeps an ErrorDto from Rust as is", () => {
    const dto = { code: "demo.not_empty", message: "archive has orders", details: { orders: 3 } };
    expect(toErrorDto(dto)).toEqual(dto);
  });
  it("wraps strings and Errors (plugins, no Tauri runtime) with a code", () => {
    expect(toErrorDto("boom")).toMatchObject({ code: "ipc.unavailable", message: "boom" }); // jsdom: no Tauri
    expect(toErrorDto(new Error("bad"))).toMatchObject({ message: "bad" });
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
    try {
      expect(toErrorDto("plugin failed")).toEqual({ code: "internal", message: "plugin failed", details: null });
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });
});

describe("localizeError", () => {
  it("keeps dots in the key", () => {
    expect(errorKey("demo.not_empty")).toBe("errors.demo.not_empty");
  });

  it("maps known codes to text in the current language", async () => {
    await i18n.changeLanguage("zh-CN");
    const zh = localizeError(i18n, { code: "demo.not_empty", message: "x", details: null });
    expect(zh.title).toContain("演示店铺");
    expect(localizeError(i18n, { code: "db.open", message: "", details: null }).title).toContain("数据库");
    await i18n.changeLanguage("en-US");
    const en = localizeError(i18n, { code: "demo.not_empty", message: "x", details: null });
    expect(en.title).toContain("demo shop");
    expect(localizeError(i18n, { code: "tag.too_long", message: "", details: { max: 30 } }).title).toBe("A tag has at most 30 characters.");
    expect(localizeError(i18n, { code: "internal", message: "", details: null }).title).toMatch(/went wrong/);
  });

  it("says why a file was not written in the seller's language, never in the system's English", async () => {
    const failed = (cause: string) => ({
      code: "export.write_failed", message: "cannot write /x/a.csv: No space left on device (os error 28)",
      details: { file: "/x/a.csv", reason: "No space left on device (os error 28)", cause },
    });
    await i18n.changeLanguage("zh-CN");
    expect(localizeError(i18n, failed("disk_full")).title).toBe("无法写入 /x/a.csv：磁盘已满。没有留下不完整的文件。");
    expect(localizeError(i18n, { ...failed("not_found"), code: "backup.failed" }).title).toContain("文件夹不存在");
    expect(localizeError(i18n, { ...failed("in_use"), code: "db.rekey_failed" }).title).toContain("文件正被其他程序占用");
    expect(localizeError(i18n, failed("disk_full")).title).not.toMatch(/space|os error/);
    await i18n.changeLanguage("en-US");
    expect(localizeError(i18n, failed("read_only")).title)
      .toBe("/x/a.csv could not be written: the disk or folder can only be read. No file was left behind.");
  });

  it("falls back to a generic localized message naming the code", async () => {
    await i18n.changeLanguage("en-US");
    const unknown = localizeError(i18n, { code: "import.gbk_broken", message: "", details: null });
    expect(unknown.title).toBe("Something went wrong (error code import.gbk_broken).");
    // A code that names a group of messages, not a message, is unknown too.
    expect(localizeError(i18n, { code: "db", message: "", details: null }).title).toContain("(error code db)");
    await i18n.changeLanguage("zh-CN");
    expect(localizeError(i18n, { code: "x.y", message: "", details: null }).title).toBe("出错了（错误代码 x.y）。");
  });
});


describe("error details", () => {
  it("fill the message: numbers and texts as they are, lists joined, anything else left out", () => {
    expect(errorParams({ shop: "North", conflicts: 4, shops: ["North", "South"], files_done: [{ file: "a" }] }))
      .toEqual({ shop: "North", conflicts: 4, shops: "North, South" });
    expect(errorParams(null)).toEqual({});
    expect(errorParams(["x"])).toEqual({});
  });

  it("name the shops and counts in both languages", async () => {
    const refused = { code: "import.other_shop", message: "",
      details: { file: "/s.csv", shop: "North", conflicts: 4, matched: 4, files_done: [] } };
    const required = { code: "import.shop_required", message: "", details: { platform: "shopify", shops: ["North", "South"] } };
    await i18n.changeLanguage("zh-CN");
    expect(localizeError(i18n, refused).title).toContain("与店铺「North」共有的 4 笔订单中，有 4 笔");
    expect(localizeError(i18n, required).title).toContain("（North, South）");
    await i18n.changeLanguage("en-US");
    expect(localizeError(i18n, refused).title).toContain("4 of the 4 orders this file shares with the shop “North”");
    expect(localizeError(i18n, { code: "shop.name_too_long", message: "", details: { max: 100 } }).title).toContain("100");
  });
});

describe("import errors", () => {
  // That every code Rust can produce has its text in both languages is checked in Rust, over the codes
  // derived from the error enums (laoke-cli src/locale_check.rs); here, that the texts are the ones meant.
  it("words import failures in the current language", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(localizeError(i18n, { code: "import.ragged", message: "", details: null }).title).toContain("分隔符");
    expect(localizeError(i18n, { code: "cancelled", message: "", details: null }).title).toContain("未改动");
    await i18n.changeLanguage("en-US");
    expect(localizeError(i18n, { code: "import.unbalanced_quotes", message: "", details: null }).title).toContain("quote");
  });

  it("names the file, row and column from the details", async () => {
    const dto = { code: "import.unbalanced_quotes", message: "m", details: { file: "/tmp/订单.csv", row: 12 } };
    expect(errorPlace(dto)).toEqual({ file: "/tmp/订单.csv", row: 12 });
    expect(errorPlace({ code: "import.duplicate_header", message: "", details: { file: "a.csv", column: "订单编号" } }))
      .toEqual({ file: "a.csv", column: "订单编号" });
    expect(errorPlace({ code: "internal", message: "", details: null })).toEqual({});
    expect(errorPlace({ code: "x", message: "", details: { row: "3", column: "" } })).toEqual({});
    await i18n.changeLanguage("zh-CN");
    expect(describePlace(i18n, { file: "a.csv", row: 12, column: "订单编号" })).toBe("文件：a.csv · 第 12 行 · 列：订单编号");
    await i18n.changeLanguage("en-US");
    expect(describePlace(i18n, errorPlace(dto))).toBe("File: /tmp/订单.csv · Row 12");
    expect(describePlace(i18n, {})).toBe("");
  });
});
