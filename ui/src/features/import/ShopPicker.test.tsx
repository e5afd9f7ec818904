// The shop picker against a mocked shop list: what it shows for the file's own shop, the shop remembered among
// several, a new shop; what it warns about (another shop's orders, a choice needed); what picking sends.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy } from "../../test/ipcFixtures";
import { taobaoPreview } from "../../test/importFixtures";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { PreviewShop } from "../../bindings/PreviewShop";
import type { ShopView } from "../../bindings/ShopView";
import { pickerValue, ShopPicker } from "./ShopPicker";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const shopView = (id: number, name: string, platform: ShopView["platform"] = "shopify"): ShopView => ({
  id, platform, name, named: true, count_cod: true, orders: 5, customers: 4, created_at: "2025-01-01T00:00:00Z",
});
const check = (p: Partial<PreviewShop>): PreviewShop => ({
  shop_id: null, name: null, renames: null, new: false, remembered: false, choices: [], known: 0, conflicts: 0,
  elsewhere: [], ...p,
});
const shopify = (shop: PreviewShop, fileShop: string | null = null): ImportPreview =>
  ({ ...taobaoPreview, format: "shopify", platform: "shopify", file_shop: fileShop, shop });
const entry = { path: "/s.csv", mapping: null, editing: false };

beforeEach(async () => {
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(invokeBy({
    shops_list: () => [shopView(1, "North"), shopView(2, "South"), shopView(3, "小鱼手作铺", "taobao")],
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("the shop picker", () => {
  it("shows the file's own shop first, then what the preview chose", () => {
    expect(pickerValue(entry, shopify(check({ name: "小鱼手作铺" }), "小鱼手作铺"))).toBe("file:");
    expect(pickerValue(entry, shopify(check({ name: "South", remembered: true })))).toBe("shop:South");
    expect(pickerValue({ ...entry, shop: "North" }, shopify(check({ name: "South" })))).toBe("shop:North");
    expect(pickerValue({ ...entry, shop: null }, shopify(check({ name: "South" }), "South"))).toBe("file:");
    expect(pickerValue(entry, shopify(check({ choices: ["North", "South"] })))).toBeUndefined();
  });

  it("warns that another shop's orders are in the file and offers the shop that holds them", async () => {
    const onPick = vi.fn();
    const preview = shopify(check({ shop_id: 2, name: "South", remembered: true, conflicts: 2,
      elsewhere: [{ shop_id: 1, name: "North", orders: 2 }] }));
    renderPage("/import", <ShopPicker entry={entry} preview={preview} onPick={onPick} />);
    expect(await screen.findByTestId("import-shop-conflicts")).toHaveTextContent(
      "2 of the first 2 orders are already in “South” as other orders");
    expect(screen.getByTestId("import-shop-remembered")).toBeInTheDocument();
    fireEvent.click(within(screen.getByTestId("import-shop-elsewhere")).getByTestId("import-shop-use-elsewhere"));
    expect(onPick).toHaveBeenCalledWith("North");
  });

  it("asks for a shop when the platform has several, and takes a new one by name", async () => {
    const onPick = vi.fn();
    renderPage("/import", <ShopPicker entry={entry} preview={shopify(check({ choices: ["North", "South"] }))} onPick={onPick} />);
    expect(await screen.findByTestId("import-shop-required")).toHaveTextContent("(North, South)");
    fireEvent.mouseDown(screen.getByRole("combobox"));
    await waitFor(() => expect(screen.getAllByText("North").length).toBeGreaterThan(0));
    // Only this platform's shops are offered.
    expect(screen.queryByText("小鱼手作铺")).toBeNull();
    fireEvent.click(screen.getByText("New shop…"));
    fireEvent.change(await screen.findByTestId("import-shop-new-name"), { target: { value: "  Outlet " } });
    fireEvent.click(screen.getByTestId("import-shop-new-ok"));
    expect(onPick).toHaveBeenCalledWith("Outlet");
  });

  it("says when the file's name goes to the shop Laoke named", async () => {
    const preview = { ...taobaoPreview, file_shop: "小鱼手作铺",
      shop: check({ shop_id: 3, name: "小鱼手作铺", renames: "淘宝店" }) };
    renderPage("/import", <ShopPicker entry={entry} preview={preview} onPick={vi.fn()} />);
    expect(await screen.findByTestId("import-shop-renames")).toHaveTextContent("“淘宝店” takes the name the file gives it: “小鱼手作铺”");
    expect(screen.getByTestId("import-shop")).toHaveTextContent("As the file says: 小鱼手作铺");
  });
});
