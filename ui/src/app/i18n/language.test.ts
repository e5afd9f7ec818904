// Language detection: zh* system languages get Chinese, everything else English; a stored choice wins.
import { describe, expect, it } from "vitest";
import { antdLocale, detectLang, dayjsLocale, readStoredLang, storeLang, systemLang, STORAGE_KEY } from "./language";

describe("language detection", () => {
  it("follows navigator.language", () => {
    expect(systemLang("zh-CN")).toBe("zh-CN");
    expect(systemLang("zh-TW")).toBe("zh-CN");
    expect(systemLang("zh")).toBe("zh-CN");
    expect(systemLang("ZH-hk")).toBe("zh-CN");
    expect(systemLang("en-GB")).toBe("en-US");
    expect(systemLang("de-DE")).toBe("en-US");
    expect(systemLang(undefined)).toBe("en-US");
  });
  it("prefers a valid stored choice and ignores junk", () => {
    expect(detectLang("en-US", "zh-CN")).toBe("en-US");
    expect(detectLang("zh-CN", "fr-FR")).toBe("zh-CN");
    expect(detectLang("klingon", "zh-CN")).toBe("zh-CN");
    expect(detectLang(null, "ja-JP")).toBe("en-US");
  });
  it("persists under laoke.lang and clears for 'follow the system'", () => {
    storeLang("zh-CN");
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe("zh-CN");
    expect(readStoredLang()).toBe("zh-CN");
    storeLang(null);
    expect(readStoredLang()).toBeNull();
  });
  it("maps to antd and dayjs locales", () => {
    expect(antdLocale("zh-CN").locale).toBe("zh-cn");
    expect(antdLocale("en-US").locale).toBe("en");
    expect(dayjsLocale("zh-CN")).toBe("zh-cn");
  });
});
