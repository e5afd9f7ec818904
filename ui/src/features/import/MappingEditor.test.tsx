// A file whose header matches no known export: the mapping editor, its validation, "Preview with this
// mapping" (import_preview with request.mapping), saving a preset, and a preset found by header.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import { GENERIC_PATH, mappedPreview, unknownPreview } from "../../test/importFixtures";
import type { ImportRequest } from "../../bindings/ImportRequest";
import { ImportPage } from "./ImportPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a);

function backend(preset: string | null = null) {
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(0), settings_get: () => settings, import_history: () => [],
    mapping_presets: () => [], mapping_save: () => null,
    import_preview: ({ request }) => {
      const r = request as ImportRequest;
      if (r.mapping) return mappedPreview(r.mapping);
      return preset ? mappedPreview({ columns: { order_id: "Order Ref" }, date_format: null }, preset) : unknownPreview;
    },
  }) as typeof invoke);
}

/** Opens the Select with this test id and clicks the option titled `title` in the dropdown just opened. */
async function choose(testId: string, title: string) {
  // A CSS query, not getByRole: role queries over this large DOM take seconds in jsdom.
  fireEvent.mouseDown(screen.getByTestId(testId).querySelector(".ant-select-selector")!);
  await waitFor(() => expect(document.querySelectorAll(`.ant-select-item-option[title="${title}"]`).length).toBeGreaterThan(0));
  const options = document.querySelectorAll(`.ant-select-item-option[title="${title}"]`);
  fireEvent.click(options[options.length - 1]);
}

async function openGeneric() {
  renderPage("/import", <ImportPage />);
  fireEvent.change(await screen.findByTestId("import-path"), { target: { value: GENERIC_PATH } });
  fireEvent.click(screen.getByTestId("import-path-open"));
  return screen.findByTestId("mapping-editor");
}

beforeEach(async () => {
  invoked.mockReset();
  await i18n.changeLanguage("en-US");
});

describe("mapping editor", { timeout: 40_000 }, () => {
  it("opens for an unknown header, shows the sample rows, and asks for the required fields", async () => {
    backend();
    const editor = await openGeneric();
    expect(screen.getByTestId("import-format")).toHaveTextContent("Not recognized");
    expect(screen.getByTestId("import-needs-mapping")).toBeInTheDocument();
    expect(within(screen.getByTestId("mapping-sample")).getByText("Tea Towel")).toBeInTheDocument();
    expect(within(editor).getByTestId("mapping-issues")).toHaveTextContent("Choose the column for «Order number».");
    expect(screen.getByTestId("mapping-apply")).toBeDisabled();
    expect(screen.getByTestId("import-run")).toBeDisabled();
    expect(screen.queryByTestId("import-preview-orders")).not.toBeInTheDocument();
  });

  it("maps columns through the Selects, previews with request.mapping, then imports what was previewed", async () => {
    backend();
    await openGeneric();
    await choose("mapping-field-order_id", "Order Ref");
    await choose("mapping-field-created_at", "Order Date");
    expect(screen.getByTestId("mapping-issues")).toHaveTextContent("amount paid or for the unit price");
    await choose("mapping-field-amount", "Line Total (GBP)");
    await choose("mapping-field-buyer_id", "Customer No");
    await choose("mapping-date-format", "25/12/2024 18:30 (%d/%m/%Y %H:%M)");
    expect(screen.queryByTestId("mapping-issues")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("mapping-sample")).getByText("→ Order number")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("mapping-apply"));

    const mapping = {
      columns: { order_id: "Order Ref", created_at: "Order Date", amount: "Line Total (GBP)", buyer_id: "Customer No" },
      date_format: "%d/%m/%Y %H:%M",
    };
    expect(await screen.findByTestId("import-preview-orders")).toHaveTextContent("WS-1001");
    expect(calls("import_preview").at(-1)).toEqual({ path: GENERIC_PATH, request: { format: "generic", mapping, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false } });
    expect(screen.getByTestId("import-format")).toHaveTextContent("Custom spreadsheet (column mapping)");
    expect(screen.queryByTestId("mapping-editor")).not.toBeInTheDocument();

    invoked.mockImplementationOnce(async () => ({ files: [] }));
    fireEvent.click(screen.getByTestId("import-run"));
    await waitFor(() => expect(calls("import_files")).toEqual([{ paths: [GENERIC_PATH], request: { format: "generic", mapping, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false } }]));
  });

  it("saves the mapping as a named preset", async () => {
    backend();
    await openGeneric();
    await choose("mapping-field-order_id", "Order Ref");
    await choose("mapping-field-created_at", "Order Date");
    fireEvent.change(screen.getByTestId("mapping-preset-name"), { target: { value: "  Web shop  " } });
    expect(screen.getByTestId("mapping-preset-save")).toBeDisabled(); // incomplete mapping
    await choose("mapping-field-unit_price", "Line Total (GBP)");
    fireEvent.click(screen.getByTestId("mapping-preset-save"));
    await waitFor(() => expect(calls("mapping_save")).toHaveLength(1));
    expect(calls("mapping_save")[0]).toEqual({ preset: {
      name: "Web shop", headers: unknownPreview.headers,
      mapping: { columns: { order_id: "Order Ref", created_at: "Order Date", unit_price: "Line Total (GBP)" }, date_format: null },
    } });
    expect(await screen.findByText("Mapping «Web shop» saved. Files with the same columns will use it automatically.")).toBeInTheDocument();
  });

  it("names a saved preset found for this header, in Chinese, and lets the user change it", async () => {
    backend("网店导出");
    await i18n.changeLanguage("zh-CN");
    renderPage("/import", <ImportPage />);
    fireEvent.change(await screen.findByTestId("import-path"), { target: { value: GENERIC_PATH } });
    fireEvent.click(screen.getByTestId("import-path-open"));
    expect(await screen.findByTestId("import-preset")).toHaveTextContent("正在使用已保存的列映射「网店导出」");
    expect(screen.getByTestId("import-format")).toHaveTextContent("自定义表格（列映射）");
    fireEvent.click(screen.getByTestId("import-map-myself"));
    const editor = await screen.findByTestId("mapping-editor");
    expect(within(editor).getByTestId("mapping-field-order_id")).toHaveTextContent("Order Ref");
    expect(screen.getByTestId("import-run")).toBeDisabled(); // finish or cancel the edit first
    fireEvent.click(screen.getByTestId("mapping-cancel"));
    expect(screen.getByTestId("import-run")).toBeEnabled();
  });
});
