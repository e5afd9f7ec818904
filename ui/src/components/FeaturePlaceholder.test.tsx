// An area not built yet says honestly what it will do, and offers the import button only to an empty archive.
// (Every area of the nav is built now; the placeholder stays for the next one, shown here with the Tiers texts.)
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { CrownOutlined } from "@ant-design/icons";
import i18n from "../app/i18n";
import { renderPage } from "../test/render";
import { dbInfo, invokeBy, settings } from "../test/ipcFixtures";
import { FeaturePlaceholder } from "./FeaturePlaceholder";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const backend = (orders: number) =>
  vi.mocked(invoke).mockImplementation(invokeBy({ app_info: () => dbInfo(orders), settings_get: () => settings }) as typeof invoke);

const placeholder = <FeaturePlaceholder area="tiers" icon={<CrownOutlined />} />;

beforeEach(() => {
  vi.mocked(invoke).mockReset();
});

describe("feature placeholder", () => {
  it("explains the area in Chinese and leads an empty archive to Import", async () => {
    backend(0);
    await i18n.changeLanguage("zh-CN");
    renderPage("/later", placeholder);
    expect(await screen.findByTestId("tiers-import")).toHaveTextContent("导入第一份订单报表");
    expect(screen.getByTestId("page-tiers")).toHaveTextContent("清晰的会员等级体系");
    expect(screen.getByTestId("page-tiers")).toHaveTextContent("后续版本推出");
    fireEvent.click(screen.getByTestId("tiers-import"));
    expect(screen.getByTestId("location")).toHaveTextContent("/import");
  });

  it("does not ask to import a first export once orders exist", async () => {
    backend(12);
    await i18n.changeLanguage("en-US");
    renderPage("/later", placeholder);
    expect(await screen.findByText("A clear membership ladder")).toBeInTheDocument();
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith("app_info"));
    expect(screen.queryByTestId("tiers-import")).not.toBeInTheDocument();
  });
});
