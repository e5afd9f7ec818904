// The Import page against a mocked Rust side: choosing files (path, dialog, drop), the preview as the
// importer read it, running with progress and Cancel, the report, errors with their place, the history.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open } from "@tauri-apps/plugin-dialog";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import { history, TAOBAO_PATH, taobaoPreview, taobaoReport } from "../../test/importFixtures";
import { ImportPage } from "./ImportPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn() }));
const drop = vi.hoisted(() => ({ handler: null as null | ((e: { payload: unknown }) => void) }));
vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => ({ onDragDropEvent: async (cb: (e: { payload: unknown }) => void) => ((drop.handler = cb), () => undefined) }),
}));

const invoked = vi.mocked(invoke);
const events = new Map<string, (e: { payload: unknown }) => void>();
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a);

function backend(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(0), settings_get: () => settings, import_history: () => history,
    import_preview: () => taobaoPreview, mapping_presets: () => [], import_cancel: () => null, ...extra,
  }) as typeof invoke);
}

async function typePath(path: string) {
  fireEvent.change(await screen.findByTestId("import-path"), { target: { value: ` "${path}" ` } });
  fireEvent.click(screen.getByTestId("import-path-open"));
}

beforeEach(async () => {
  invoked.mockReset();
  events.clear();
  vi.mocked(listen).mockImplementation(async (name, cb) => {
    events.set(name, cb as (e: { payload: unknown }) => void);
    return () => events.delete(name);
  });
  await i18n.changeLanguage("en-US");
});

describe("preview", () => {
  it("shows a typed path as the importer read it: format, encoding, orders and rejected rows", async () => {
    backend();
    renderPage("/import", <ImportPage />);
    await typePath(TAOBAO_PATH);
    expect(await screen.findByTestId("import-format")).toHaveTextContent("Taobao/Tmall order report");
    expect(calls("import_preview")[0]).toEqual({ path: TAOBAO_PATH, request: { format: null, mapping: null, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false } });
    expect(screen.getByTestId("import-format")).toHaveAttribute("data-value", "taobao_orders");
    expect(screen.getByTestId("import-encoding")).toHaveTextContent("GBK/GB18030");
    const orders = screen.getByTestId("import-preview-orders");
    expect(within(orders).getByText("3561284470123456789")).toBeInTheDocument();
    expect(within(orders).getByText("Completed")).toBeInTheDocument();
    expect(within(orders).getByText("Closed")).toBeInTheDocument();
    expect(within(orders).getByText("No buyer identity")).toBeInTheDocument();
    expect(within(orders).getAllByText("CN¥128.00").length).toBe(2); // paid and value
    expect(within(orders).getByText("03/12/2019, 10:13")).toBeInTheDocument(); // 02:13Z in Shanghai
    const rejected = screen.getByTestId("import-preview-rejected");
    expect(within(rejected).getByText("订单创建时间")).toBeInTheDocument();
    expect(within(rejected).getByText('“2019-13-45” is not a valid date and time.')).toBeInTheDocument();
    expect(screen.getByTestId("import-run")).toBeEnabled();
  });

  it("adds files from the native dialog and from a drop on the window, first one expanded", async () => {
    backend();
    vi.mocked(open).mockResolvedValue(["/a/one.csv", "/a/two.xlsx"]);
    renderPage("/import", <ImportPage />);
    fireEvent.click(await screen.findByTestId("import-browse"));
    await waitFor(() => expect(screen.getAllByTestId("import-file")).toHaveLength(2));
    expect(open).toHaveBeenCalledWith({ multiple: true, filters: [{ name: "Order exports (CSV, XLSX, XLS)", extensions: ["csv", "xlsx", "xls", "txt"] }] });
    await waitFor(() => expect(screen.getAllByTestId("import-preview")).toHaveLength(1));
    expect(screen.getByTestId("import-preview")).toHaveAttribute("data-path", "/a/one.csv");
    await waitFor(() => expect(drop.handler).not.toBeNull());
    act(() => drop.handler!({ payload: { type: "drop", paths: ["/a/three.csv", "/a/one.csv"] } }));
    expect(screen.getAllByTestId("import-file")).toHaveLength(3);
    expect(screen.getByTestId("import-run")).toHaveTextContent("Import 3 files");
  });

  it("says which file and row could not be read, and does not import it", async () => {
    const details = { file: "/data/cut.csv", row: 12 };
    backend({ import_preview: () => Promise.reject({ code: "import.unbalanced_quotes", message: "quote", details }) });
    renderPage("/import", <ImportPage />);
    await typePath("/data/cut.csv");
    const alert = await screen.findByTestId("import-preview-error");
    expect(alert).toHaveTextContent("A quote opened in the file is never closed");
    expect(screen.getByTestId("import-preview-error-place")).toHaveTextContent("File: /data/cut.csv · Row 12");
    expect(screen.getByTestId("import-run")).toBeDisabled();
  });
});

describe("running an import", () => {
  it("follows import-progress, then shows the report and refreshes the history", async () => {
    let finish: (v: unknown) => void = () => undefined;
    backend({ import_files: () => new Promise((r) => (finish = r)) });
    renderPage("/import", <ImportPage />);
    await typePath(TAOBAO_PATH);
    await screen.findByTestId("import-preview-orders");
    fireEvent.click(screen.getByTestId("import-strict"));
    fireEvent.click(screen.getByTestId("import-run"));
    await waitFor(() => expect(calls("import_files")).toHaveLength(1));
    expect(calls("import_files")[0]).toEqual({ paths: [TAOBAO_PATH], request: { format: "taobao_orders", mapping: null, strict: true, shop: null, allow_conflicts: false, replace_undecodable: false } });
    act(() => events.get("import-progress")!({ payload: { file: TAOBAO_PATH, bytes_done: 512, bytes_total: 2048, rows: 1500 } }));
    expect(within(screen.getByTestId("import-progress")).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    expect(screen.getByTestId("import-progress-rows")).toHaveTextContent("1,500 rows read");
    const historyCalls = calls("import_history").length;
    await act(async () => finish({ files: [taobaoReport] }));
    const report = await screen.findByTestId("import-report");
    expect(within(report).getByTestId("import-report-orders_new")).toHaveTextContent("1,200");
    expect(within(report).getByTestId("import-report-no_identity")).toHaveTextContent("2");
    expect(within(report).getByTestId("import-report-rejected")).toHaveTextContent("订单创建时间");
    expect(screen.getByTestId("import-backup-note")).toHaveTextContent("backed up before this import");
    await waitFor(() => expect(calls("import_history").length).toBeGreaterThan(historyCalls));
    expect(screen.queryByTestId("import-file")).not.toBeInTheDocument(); // done: the list is cleared
  });

  it("Cancel asks Rust to stop; the page says nothing was changed and keeps the files", async () => {
    let fail: (e: unknown) => void = () => undefined;
    backend({ import_files: () => new Promise((_, reject) => (fail = reject)) });
    renderPage("/import", <ImportPage />);
    await typePath(TAOBAO_PATH);
    await screen.findByTestId("import-preview-orders");
    fireEvent.click(screen.getByTestId("import-run"));
    fireEvent.click(await screen.findByTestId("import-cancel"));
    await waitFor(() => expect(calls("import_cancel")).toHaveLength(1));
    await act(async () => fail({ code: "cancelled", message: "cancelled; nothing was changed", details: null }));
    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent("nothing was changed");
    expect(screen.queryByTestId("import-backup-note")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("import-file")).toHaveLength(1);
  });
});

describe("history", () => {
  it("lists past batches in Chinese and expands a batch's report", async () => {
    backend();
    await i18n.changeLanguage("zh-CN");
    renderPage("/import", <ImportPage />);
    const table = await screen.findByTestId("import-history");
    await waitFor(() => expect(within(table).getByText("ExportOrderList201903.csv")).toBeInTheDocument());
    expect(within(table).getByText("淘宝/天猫 订单报表")).toBeInTheDocument();
    expect(within(table).getByText("失败")).toBeInTheDocument();
    expect(within(table).getByText("演示店铺")).toBeInTheDocument();
    expect(within(table).getByText("2025/11/02 17:30")).toBeInTheDocument();
    fireEvent.click(within(table).getAllByRole("button", { name: /展开行|Expand row/ })[0]);
    expect(await within(table).findByTestId("import-report-orders_updated")).toHaveTextContent("20");
    expect(within(table).getByText('“2019-13-45”不是有效的日期时间。')).toBeInTheDocument();
  });
});
