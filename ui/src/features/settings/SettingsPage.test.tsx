// Settings: the form shows the saved values and the DB path, and saving sends a Settings DTO and applies the language.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import type { Settings } from "../../bindings/Settings";
import { SettingsPage } from "./SettingsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);

beforeEach(async () => {
  invoked.mockReset();
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(5),
    settings_get: () => settings,
    settings_update: ({ settings: s }) => s,
    backups: () => [],
    backup_schedule: () => ({ daily: true, keep: 10 }),
    segments_list: () => [],
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("SettingsPage", () => {
  it("saves shop name, zone, currency, language and theme through settings_update", async () => {
    renderPage("/settings", <SettingsPage />);
    const name = await screen.findByTestId("settings-shop-name");
    await waitFor(() => expect(name).toHaveValue("Test shop"));
    expect(screen.getByTestId("settings-db-path")).toHaveTextContent("/tmp/laoke-test.sqlite3");
    // Backups and exports sit below the database card.
    expect(await screen.findByTestId("backups-keep")).toHaveValue("10");
    expect(screen.getByTestId("settings-export")).toBeInTheDocument();

    fireEvent.change(name, { target: { value: "  小鹿的店 " } });
    fireEvent.mouseDown(within(screen.getByTestId("settings-language")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("中文"));
    expect(document.documentElement.dataset.theme).toBe("light");
    fireEvent.click(screen.getByTestId("settings-theme-dark"));
    fireEvent.click(screen.getByTestId("settings-save"));

    await waitFor(() => expect(invoked).toHaveBeenCalledWith("settings_update", expect.anything()));
    const sent = (invoked.mock.calls.find(([c]) => c === "settings_update")![1] as { settings: Settings }).settings;
    // What the form does not show (care limits, the mail server) is sent back as it was loaded.
    expect(sent).toEqual({
      ...settings, shop_name: "小鹿的店", timezone: "Asia/Shanghai", currency: "CNY", language: "zh-CN", theme: "dark",
    });
    // The saved choice turns the whole app dark at once.
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
    await waitFor(() => expect(i18n.language).toBe("zh-CN"));
    expect(window.localStorage.getItem("laoke.lang")).toBe("zh-CN");
    expect(await screen.findByText("设置已保存。")).toBeInTheDocument();
  });
});
