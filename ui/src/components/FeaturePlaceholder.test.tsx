// Areas not built yet say honestly what they will do, and offer the import button only to an empty archive.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../app/i18n";
import { renderPage } from "../test/render";
import { dbInfo, invokeBy, settings } from "../test/ipcFixtures";
import { ActivitiesPage } from "../features/activities/ActivitiesPage";
import { CouponsPage } from "../features/coupons/CouponsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const backend = (orders: number) =>
  vi.mocked(invoke).mockImplementation(invokeBy({ app_info: () => dbInfo(orders), settings_get: () => settings }) as typeof invoke);

beforeEach(() => {
  vi.mocked(invoke).mockReset();
});

describe("feature placeholders", () => {
  it("explain the area in Chinese and lead an empty archive to Import", async () => {
    backend(0);
    await i18n.changeLanguage("zh-CN");
    renderPage("/activities", <ActivitiesPage />);
    expect(await screen.findByTestId("activities-import")).toHaveTextContent("导入第一份订单报表");
    expect(screen.getByTestId("page-activities")).toHaveTextContent("让粉丝群保持活跃");
    expect(screen.getByTestId("page-activities")).toHaveTextContent("后续版本推出");
    fireEvent.click(screen.getByTestId("activities-import"));
    expect(screen.getByTestId("location")).toHaveTextContent("/import");
  });

  it("do not ask to import a first export once orders exist", async () => {
    backend(12);
    await i18n.changeLanguage("en-US");
    renderPage("/coupons", <CouponsPage />);
    expect(await screen.findByText("Coupons with a known cost")).toBeInTheDocument();
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith("app_info"));
    expect(screen.queryByTestId("coupons-import")).not.toBeInTheDocument();
  });
});
