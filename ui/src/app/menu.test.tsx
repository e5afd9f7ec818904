// The native menu's language: the real providers send menu.json's labels at start, again after each language change
// (the seller's choice or the archive's saved language), in order, and keep sending after a failed call.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import i18n from "./i18n";
import { AppProviders } from "./AppProviders";
import { createQueryClient } from "./queryClient";
import { menuLabels } from "./menu";
import { invokeBy, settings } from "../test/ipcFixtures";
import type { MenuLabels } from "../bindings/MenuLabels";
import type { Settings } from "../bindings/Settings";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const invoked = vi.mocked(invoke);
const sent = (): MenuLabels[] =>
  invoked.mock.calls.filter(([cmd]) => cmd === "menu_set_language").map(([, a]) => (a as { labels: MenuLabels }).labels);

function backend(saved: Settings = settings, menu: () => unknown = () => null) {
  invoked.mockImplementation(invokeBy({ settings_get: () => saved, care_due: () => 0, menu_set_language: menu }) as typeof invoke);
}

const start = () => render(<AppProviders client={createQueryClient()}><div /></AppProviders>);

beforeEach(async () => {
  invoked.mockReset();
  vi.mocked(listen).mockImplementation(async () => () => undefined);
  await i18n.changeLanguage("en-US");
});

describe("the native menu's labels", () => {
  it("go to Rust at start in the UI's language, naming 老客 Laoke", async () => {
    backend();
    start();
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({
      product: "老客 Laoke", about: "About 老客 Laoke", quit: "Quit 老客 Laoke", file: "File", edit: "Edit", copy: "Copy", help: "Help",
    });
  });

  it("are sent again in Chinese when the language changes, and in English when it changes back", async () => {
    backend();
    start();
    await waitFor(() => expect(sent()).toHaveLength(1));
    await act(() => i18n.changeLanguage("zh-CN"));
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1]).toMatchObject({
      product: "老客 Laoke", about: "关于 老客 Laoke", quit: "退出 老客 Laoke", file: "文件", edit: "编辑", copy: "复制", help: "帮助",
    });
    await act(() => i18n.changeLanguage("en-US"));
    await waitFor(() => expect(sent()).toHaveLength(3));
    expect(sent()[2].about).toBe("About 老客 Laoke");
  });

  it("follow the language saved in the archive, after the system's, in that order", async () => {
    backend({ ...settings, language: "zh-CN" });
    start();
    await waitFor(() => expect(sent().map((l) => l.help)).toEqual(["Help", "帮助"]));
  });

  it("keep going after a call fails", async () => {
    backend(settings, () => Promise.reject({ code: "internal", message: "no menu", details: null }));
    start();
    await waitFor(() => expect(sent()).toHaveLength(1));
    await act(() => i18n.changeLanguage("zh-CN"));
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1].edit).toBe("编辑");
  });

  it("have every text in both languages, and the product name is the window title's", () => {
    const conf = JSON.parse(readFileSync(join(__dirname, "../../../src-tauri/tauri.conf.json"), "utf8"));
    const title: string = conf.app.windows[0].title;
    for (const lang of ["zh-CN", "en-US"]) {
      const labels = menuLabels(i18n.getFixedT(lang));
      for (const [key, text] of Object.entries(labels)) {
        expect(text, `${lang} ${key}`).not.toBe(`menu.${key}`);
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
      }
      expect(labels.product).toBe(title);
      expect(labels.about).toContain(title);
    }
  });
});
