// The Customers page asks Rust for the right CustomerQuery as the user searches, filters, sorts and pages.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { customer, dbInfo, invokeBy, settings } from "../../test/ipcFixtures";
import type { CustomerQuery } from "../../bindings/CustomerQuery";
import type { Filter } from "../../bindings/Filter";
import { CustomersPage } from "./CustomersPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const queries = () =>
  invoked.mock.calls.filter(([cmd]) => cmd === "customers_page").map(([, args]) => (args as { query: CustomerQuery }).query);
const lastQuery = () => queries().at(-1);

function answer(total: number) {
  invoked.mockImplementation(invokeBy({
    app_info: () => dbInfo(total ? 10 : 0),
    settings_get: () => settings,
    tags_list: () => ["老客", "VIP"],
    segments_list: () => [{ id: 7, name: "沉睡老客", filter: { match: "all", rules: [] }, created_at: "", updated_at: "" }],
    customers_bulk: () => 2,
    customer_profile: () => { throw { code: "not_found", message: "gone", details: null }; },
    customers_page: ({ query }) => ({
      total,
      customers: total ? [
        { ...customer(1 + (query as CustomerQuery).offset, "小鹿"), p_alive: "0.8123", expected_90d: "1.2345", clv: "512.30" },
        customer(2 + (query as CustomerQuery).offset, "Emma"),
      ] : [],
    }),
    segment_count: () => ({ customers: 12, of: 1234 }),
  }) as typeof invoke);
}

beforeEach(async () => {
  invoked.mockReset();
  await i18n.changeLanguage("en-US");
});

describe("CustomersPage", () => {
  it("loads the first page sorted by value, shows rows, total and formatted cells", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    expect(await screen.findByText("小鹿")).toBeInTheDocument();
    expect(queries()[0]).toEqual({ search: null, platform: null, sort: "value", desc: true, offset: 0, limit: 50 });
    expect(screen.getByTestId("customers-total")).toHaveTextContent("1,234 customers");
    expect(screen.getByTestId("customers-total")).toHaveAttribute("data-total", "1234");
    const table = screen.getByTestId("customers-table");
    expect(within(table).getAllByText("CN¥1,234.50").length).toBeGreaterThan(0);
    expect(within(table).getAllByText("11/03/2025").length).toBeGreaterThan(0); // 17:30Z is 3 Nov in Shanghai
    expect(within(table).getAllByText("浙江省 杭州市").length).toBeGreaterThan(0);
    expect(within(table).getAllByText("Taobao").length).toBeGreaterThan(0);
  });

  it("debounces the search box into CustomerQuery.search", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    fireEvent.change(screen.getByTestId("customers-search"), { target: { value: " 13800 " } });
    await waitFor(() => expect(lastQuery()?.search).toBe("13800"), { timeout: 2000 });
    expect(lastQuery()).toMatchObject({ offset: 0, sort: "value", desc: true });
    expect(queries().filter((q) => q.search !== null)).toHaveLength(1); // one request after the pause
  });

  it("sorts by a clicked column header, and pages with offset", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    const header = () => screen.getAllByText("Purchases")[0]; // antd also renders a hidden measuring copy
    fireEvent.click(header());
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "purchases", desc: true, offset: 0 }));
    fireEvent.click(header());
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "purchases", desc: false }));
    fireEvent.click(screen.getByTitle("3"));
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "purchases", desc: false, offset: 100, limit: 50 }));
  });

  it("filters by platform", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    fireEvent.mouseDown(within(screen.getByTestId("customers-platform")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("Pinduoduo"));
    await waitFor(() => expect(lastQuery()).toMatchObject({ platform: "pinduoduo", offset: 0 }));
  });

  it("shows the import empty state when the archive has no customers", async () => {
    answer(0);
    renderPage("/customers", <CustomersPage />);
    expect(await screen.findByTestId("customers-empty")).toHaveTextContent("No customers yet");
    fireEvent.click(screen.getByTestId("customers-import"));
    expect(screen.getByTestId("location")).toHaveTextContent("/import");
  });

  it("a stage picked in the quick filters becomes a stage condition", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    fireEvent.mouseDown(within(screen.getByTestId("customers-stage")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("Sleeping"));
    await waitFor(() => expect(lastQuery()?.filter).toEqual({
      match: "all", rules: [{ field: "stage", op: "in", values: ["sleeping"] }],
    }));
    expect(lastQuery()?.offset).toBe(0);
  });

  it("a segment in the URL narrows the list and can be removed", async () => {
    answer(1234);
    renderPage("/customers?segment=7", <CustomersPage />);
    await screen.findByText("小鹿");
    expect(queries()[0].segment_id).toBe(7);
    expect(await screen.findByTestId("customers-segment")).toHaveTextContent("沉睡老客");
    fireEvent.click(screen.getByTestId("customers-segment").querySelector(".ant-tag-close-icon")!);
    await waitFor(() => expect(lastQuery()?.segment_id).toBeUndefined());
  });

  it("selected rows get a tag in one bulk action; a row click opens the profile", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    const boxes = within(screen.getByTestId("customers-table")).getAllByRole("checkbox");
    fireEvent.click(boxes[1]);
    fireEvent.click(boxes[2]);
    expect(await screen.findByTestId("customers-bulk")).toHaveAttribute("data-count", "2");
    fireEvent.click(screen.getByTestId("bulk-tag"));
    const input = within(await screen.findByTestId("bulk-tag-input")).getByRole("combobox");
    fireEvent.change(input, { target: { value: "双11" } });
    fireEvent.click(screen.getByTestId("bulk-tag-apply"));
    await waitFor(() => expect(invoked).toHaveBeenCalledWith("customers_bulk", {
      action: { kind: "tag", tag: "双11" }, target: { ids: [1, 2] },
    }));
    fireEvent.click(screen.getAllByText("Emma")[0]);
    await waitFor(() => expect(invoked).toHaveBeenCalledWith("customer_profile", { id: 2 }));
  });

  it("a filter in the URL (?filter=JSON) becomes the advanced filter, shown and clearable", async () => {
    answer(1234);
    const filter: Filter = { match: "all", rules: [
      { field: "first_purchase", op: "between", values: ["2025-09-01", "2025-09-30"] },
      { field: "bought_on", op: "between", values: ["2025-11-01", "2025-11-30"] },
    ] };
    renderPage(`/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`, <CustomersPage />);
    await screen.findByText("小鹿");
    expect(queries()[0].filter).toEqual({ match: "all", rules: [filter] });
    const box = screen.getByTestId("customers-advanced");
    expect(within(box).getAllByTestId("filter-condition").map((c) => c.getAttribute("data-field"))).toEqual(["first_purchase", "bought_on"]);
    expect(box).toHaveTextContent("Bought on");
    expect(screen.getByTestId("customers-more")).toHaveTextContent("More filters (2)");
    fireEvent.click(screen.getByTestId("customers-advanced-clear"));
    await waitFor(() => expect(lastQuery()?.filter).toBeUndefined());
    expect(screen.getByTestId("location").getAttribute("data-search")).toBe("");
  });

  it("ignores a filter in the URL that is no filter, and says so", async () => {
    answer(1234);
    renderPage(`/customers?filter=${encodeURIComponent("{oops")}`, <CustomersPage />);
    await screen.findByText("小鹿");
    expect(await screen.findByText("The filter in the link could not be read, so the list shows every customer.")).toBeInTheDocument();
    expect(queries().every((q) => q.filter === undefined)).toBe(true);
    await waitFor(() => expect(screen.getByTestId("location").getAttribute("data-search")).toBe(""));
  });

  it("shows and sorts by the forecast columns when chosen", async () => {
    answer(1234);
    renderPage("/customers", <CustomersPage />);
    await screen.findByText("小鹿");
    expect(screen.queryAllByText("Chance still buying")).toHaveLength(0); // not shown until chosen
    fireEvent.click(screen.getByTestId("customers-columns"));
    fireEvent.click(await screen.findByTestId("column-p_alive"));
    fireEvent.click(screen.getByTestId("column-clv"));
    const table = screen.getByTestId("customers-table");
    await waitFor(() => expect(within(table).getAllByTestId("customer-p-alive")[0]).toHaveTextContent("81.2%"));
    expect(within(table).getAllByText("CN¥512.30").length).toBeGreaterThan(0);
    fireEvent.click(within(table).getAllByText("Chance still buying")[0]);
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: "p_alive", desc: true, offset: 0 }));
  });
});
