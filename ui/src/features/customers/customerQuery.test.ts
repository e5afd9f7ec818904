// The customer list's UI state → CustomerQuery, and how table events change that state.
import { describe, expect, it } from "vitest";
import {
  applyTableChange, buildCustomerQuery, initialListState, isFiltered, withFilters, withPlatform, withSearch, withThenBy,
} from "./customerQuery";

describe("buildCustomerQuery", () => {
  it("starts with the most valuable customers, 50 a page", () => {
    expect(buildCustomerQuery(initialListState)).toEqual({
      search: null, platform: null, sort: "value", desc: true, offset: 0, limit: 50,
    });
  });
  it("trims the search, null when blank; offset from page", () => {
    const s = { ...initialListState, search: "  小鹿 ", platform: "jd" as const, page: 3, pageSize: 100 };
    expect(buildCustomerQuery(s)).toEqual({ search: "小鹿", platform: "jd", sort: "value", desc: true, offset: 200, limit: 100 });
    expect(buildCustomerQuery({ ...initialListState, search: "   " }).search).toBeNull();
  });
});

describe("filters", () => {
  it("quick filters and the builder become one AND filter; a segment is its own field", () => {
    const s = withFilters(initialListState, {
      stages: ["sleeping", "churned"], tags: ["老客"],
      advanced: { match: "any", rules: [{ field: "value", op: "gte", values: ["500"] }] }, segmentId: 7,
    });
    expect(buildCustomerQuery(s)).toMatchObject({
      filter: { match: "all", rules: [
        { field: "stage", op: "in", values: ["sleeping", "churned"] },
        { field: "tag", op: "in", values: ["老客"] },
        { match: "any", rules: [{ field: "value", op: "gte", values: ["500"] }] },
      ] },
      segment_id: 7, offset: 0,
    });
    expect(isFiltered(s)).toBe(true);
    expect(isFiltered(withFilters(initialListState, { advanced: { match: "all", rules: [] } }))).toBe(false);
    expect(withFilters({ ...initialListState, page: 5 }, { rfm: ["champions"] }).page).toBe(1);
  });
});

describe("sort keys", () => {
  it("a second key breaks ties of the first, and is dropped when it repeats it", () => {
    const s = withThenBy({ ...initialListState, sort: "stage", desc: false, page: 3 }, { field: "value", desc: true });
    expect(buildCustomerQuery(s)).toMatchObject({ sort: "stage", desc: false, then_by: [{ field: "value", desc: true }], offset: 0 });
    expect(buildCustomerQuery({ ...s, sort: "value" }).then_by).toBeUndefined();
  });
});

describe("state changes", () => {
  const onPage4 = { ...initialListState, page: 4 };
  it("search and platform go back to page 1", () => {
    expect(withSearch(onPage4, "x")).toMatchObject({ search: "x", page: 1 });
    expect(withSearch(onPage4, "")).toBe(onPage4); // unchanged search keeps the page
    expect(withPlatform(onPage4, "etsy")).toMatchObject({ platform: "etsy", page: 1 });
    expect(isFiltered(withPlatform(initialListState, "etsy"))).toBe(true);
    expect(isFiltered(initialListState)).toBe(false);
  });
  it("sorting picks the column and direction; clearing it restores value desc", () => {
    expect(applyTableChange(onPage4, { action: "sort", sortKey: "last_purchase", order: "ascend" }))
      .toMatchObject({ sort: "last_purchase", desc: false, page: 1 });
    expect(applyTableChange(onPage4, { action: "sort", sortKey: "nick", order: "descend" }))
      .toMatchObject({ sort: "nick", desc: true });
    expect(applyTableChange({ ...onPage4, sort: "nick", desc: false }, { action: "sort", sortKey: "nick", order: null }))
      .toMatchObject({ sort: "value", desc: true, page: 1 });
    expect(applyTableChange(onPage4, { action: "sort", sortKey: "region", order: "ascend" }))
      .toMatchObject({ sort: "value", desc: true });
  });
  it("paging keeps the sort; a new page size goes to page 1", () => {
    const sorted = { ...initialListState, sort: "purchases" as const, desc: false };
    expect(applyTableChange(sorted, { action: "paginate", page: 7, pageSize: 50 })).toMatchObject({ page: 7, sort: "purchases" });
    expect(applyTableChange({ ...sorted, page: 7 }, { action: "paginate", page: 7, pageSize: 200 }))
      .toMatchObject({ page: 1, pageSize: 200 });
  });
});
