// Error-code → localized text mapping, in both languages, with the generic fallback.
import { afterAll, describe, expect, it } from "vitest";
import i18n from "./i18n";
import { errorKey, localizeError, toErrorDto } from "./errors";

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
    expect(localizeError(i18n, { code: "settings.invalid", message: "", details: null }).title).toContain("settings");
    expect(localizeError(i18n, { code: "internal", message: "", details: null }).title).toMatch(/went wrong/);
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
