// Export card: the request export_data gets is the seller's choice (kind, format, the whole archive or a saved segment,
// privacy) in the UI's language, to the file chosen in the save dialog (named by language and format); the report shows
// the rows written, the path, and the cells Excel's cell limit cut.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy } from "../../test/ipcFixtures";
import type { ExportReport } from "../../bindings/ExportReport";
import type { ExportRequest } from "../../bindings/ExportRequest";
import type { Segment } from "../../bindings/Segment";
import { ExportCard } from "./ExportCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
const sent = (i = 0) => (calls("export_data")[i][1] as { request: ExportRequest }).request;

const segments: Segment[] = [
  { id: 4, name: "沉睡老客", filter: { match: "all", rules: [] }, created_at: "", updated_at: "" },
  { id: 7, name: "VIP", filter: { match: "all", rules: [] }, created_at: "", updated_at: "" },
];
let truncated = 0;

beforeEach(async () => {
  invoked.mockReset();
  vi.mocked(save).mockReset();
  vi.mocked(save).mockImplementation(async (o) => `Desktop/${o?.defaultPath}`);
  truncated = 0;
  invoked.mockImplementation(invokeBy({
    segments_list: () => segments,
    export_data: ({ request }) => {
      const r = request as ExportRequest;
      const report: ExportReport = {
        path: r.path, kind: r.kind, format: r.format, rows: r.kind === "orders" ? 12345 : 1, privacy: r.privacy,
        truncated_cells: truncated,
      };
      return report;
    },
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

const DATE = /\d{4}-\d{2}-\d{2}/.source;

async function chooseSegment(label: string) {
  fireEvent.mouseDown(within(screen.getByTestId("export-scope")).getByRole("combobox"));
  fireEvent.click(await screen.findByTitle(label));
}

describe("ExportCard", () => {
  it("exports a segment's orders as CSV with privacy, in the UI language, to the chosen file, and shows the count", async () => {
    renderPage("/settings", <ExportCard />);
    await waitFor(() => expect(calls("segments_list")).toHaveLength(1));
    fireEvent.click(screen.getByTestId("export-kind-orders"));
    fireEvent.click(screen.getByTestId("export-format-csv"));
    await chooseSegment("Segment: VIP");
    expect(screen.getByTestId("settings-export")).toHaveTextContent("orders whose buyer is unknown");
    fireEvent.click(screen.getByTestId("export-privacy"));
    fireEvent.click(screen.getByTestId("export-run"));

    await waitFor(() => expect(calls("export_data")).toHaveLength(1));
    const options = vi.mocked(save).mock.calls[0][0]!;
    expect(options.defaultPath).toMatch(new RegExp(`^orders-${DATE}\\.csv$`));
    expect(options.filters).toEqual([{ name: "CSV file (*.csv)", extensions: ["csv"] }]);
    expect(sent()).toEqual({
      kind: "orders", format: "csv", privacy: true, language: "en-US", path: `Desktop/${options.defaultPath}`,
      query: { search: null, platform: null, segment_id: 7, sort: "value", desc: true, offset: 0, limit: 50 },
    });
    const report = await screen.findByTestId("export-report");
    expect(within(report).getByTestId("export-report-rows")).toHaveTextContent("12,345 orders exported");
    expect(within(report).getByTestId("export-report-path")).toHaveTextContent(`Desktop/${options.defaultPath}`);
    expect(within(report).getByTestId("export-report-privacy")).toHaveTextContent("contacts are masked");
    expect(within(report).queryByTestId("export-report-truncated")).not.toBeInTheDocument();
  });

  it("exports the whole archive's customers as Excel by default, with no segment and no privacy; says what Excel cut", async () => {
    truncated = 3;
    renderPage("/settings", <ExportCard />);
    await waitFor(() => expect(calls("segments_list")).toHaveLength(1));
    await chooseSegment("Segment: VIP");
    await chooseSegment("The whole archive");
    fireEvent.click(screen.getByTestId("export-run"));
    await waitFor(() => expect(calls("export_data")).toHaveLength(1));
    const request = sent();
    expect(request).toMatchObject({ kind: "customers", format: "xlsx", privacy: false, language: "en-US" });
    expect(request.query).toEqual({ search: null, platform: null, sort: "value", desc: true, offset: 0, limit: 50 });
    expect(request.path).toMatch(new RegExp(`customers-${DATE}\\.xlsx$`));
    expect(vi.mocked(save).mock.calls[0][0]!.filters).toEqual([{ name: "Excel workbook (*.xlsx)", extensions: ["xlsx"] }]);
    expect(await screen.findByTestId("export-report-rows")).toHaveTextContent("1 customer exported");
    expect(screen.getByTestId("export-report-truncated"))
      .toHaveTextContent("3 cells were longer than the 32,767 characters an Excel cell holds and were cut.");
    expect(screen.queryByTestId("export-report-privacy")).not.toBeInTheDocument();
  });

  it("names the file and the columns in Chinese when the UI is Chinese", async () => {
    await i18n.changeLanguage("zh-CN");
    truncated = 1;
    renderPage("/settings", <ExportCard />);
    await waitFor(() => expect(calls("segments_list")).toHaveLength(1));
    await chooseSegment("分群：沉睡老客");
    fireEvent.click(screen.getByTestId("export-run"));
    await waitFor(() => expect(calls("export_data")).toHaveLength(1));
    expect(vi.mocked(save).mock.calls[0][0]!.defaultPath).toMatch(new RegExp(`^客户-${DATE}\\.xlsx$`));
    expect(sent()).toMatchObject({ language: "zh-CN", query: { segment_id: 4 } });
    expect(await screen.findByTestId("export-report-rows")).toHaveTextContent("已导出 1 位客户");
    expect(screen.getByTestId("export-report-truncated")).toHaveTextContent("有 1 个单元格超过了 Excel 单元格 32,767 个字符的上限");
  });

  it("writes nothing when the save dialog is cancelled, and shows Rust's refusal", async () => {
    vi.mocked(save).mockResolvedValueOnce(null);
    renderPage("/settings", <ExportCard />);
    fireEvent.click(await screen.findByTestId("export-run"));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls("export_data")).toHaveLength(0);

    invoked.mockImplementation(invokeBy({
      segments_list: () => segments,
      export_data: () => { throw { code: "export.too_many_rows", message: "x", details: { rows: 2000000, max: 1048575 } }; },
    }) as typeof invoke);
    fireEvent.click(screen.getByTestId("export-run"));
    expect(await screen.findByText("2000000 rows do not fit in an Excel sheet (at most 1048575). Export CSV instead."))
      .toBeInTheDocument();
    expect(screen.queryByTestId("export-report")).not.toBeInTheDocument();
  });
});
