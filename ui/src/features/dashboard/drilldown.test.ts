// Every dashboard number opens exactly its customers: the filters for a cohort cell, a cohort, a stage, a tier and
// the churned, with the dashboard's scope, and the list URL that carries them.
import { describe, expect, it } from "vitest";
import { parseFilterParam } from "../customers/customerQuery";
import { churnFilter, cohortFilter, customersUrl, stageFilter, tierFilter } from "./drilldown";

describe("cohortFilter", () => {
  it("turns a cell into first purchase in the cohort month and a purchase in month + index + 1", () => {
    expect(cohortFilter("2024-11", 1)).toEqual({ match: "all", rules: [
      { field: "first_purchase", op: "between", values: ["2024-11-01", "2024-11-30"] },
      { field: "bought_on", op: "between", values: ["2025-01-01", "2025-01-31"] },
    ] });
    expect(cohortFilter("2024-01", 0).rules[1]).toEqual({ field: "bought_on", op: "between", values: ["2024-02-01", "2024-02-29"] });
  });
  it("opens the whole cohort from its size", () => {
    expect(cohortFilter("2025-02", null)).toEqual({ match: "all", rules: [
      { field: "first_purchase", op: "between", values: ["2025-02-01", "2025-02-28"] },
    ] });
  });
  it("adds the platform, or the shop and its platform", () => {
    expect(cohortFilter("2025-02", null, { platform: "jd", shop: null }).rules.at(-1))
      .toEqual({ field: "platform", op: "eq", values: ["jd"] });
    expect(cohortFilter("2025-02", 0, { platform: null, shop: { name: "小鱼手作铺", platform: "taobao" } }).rules.slice(2)).toEqual([
      { field: "platform", op: "eq", values: ["taobao"] }, { field: "shop", op: "eq", values: ["小鱼手作铺"] },
    ]);
  });
});

describe("other drill-downs", () => {
  it("open a stage or a tier", () => {
    expect(stageFilter("sleeping")).toEqual({ match: "all", rules: [{ field: "stage", op: "eq", values: ["sleeping"] }] });
    expect(tierFilter("VIP2", { platform: "tmall", shop: null }).rules).toEqual([
      { field: "tier", op: "eq", values: ["VIP2"] }, { field: "platform", op: "eq", values: ["tmall"] },
    ]);
  });
  it("open the churned: last purchase churn_days + 1 days before a day of the period", () => {
    expect(churnFilter(180, "2025-01-01", "2025-03-31").rules).toEqual([
      { field: "last_purchase", op: "between", values: ["2024-07-04", "2024-10-01"] },
    ]);
    expect(churnFilter(180, null, "2025-03-31").rules).toEqual([{ field: "last_purchase", op: "lte", values: ["2024-10-01"] }]);
  });
  it("carry a filter in the customer list's URL and read it back", () => {
    const f = cohortFilter("2024-11", 0);
    const url = customersUrl(f);
    expect(url.startsWith("/customers?filter=%7B")).toBe(true);
    const text = new URLSearchParams(url.split("?")[1]).get("filter")!;
    expect(parseFilterParam(text)).toEqual(f);
    expect(parseFilterParam("{not json")).toBeNull();
    expect(parseFilterParam('{"match":"some","rules":[]}')).toBeNull();
    expect(parseFilterParam('{"match":"all","rules":[{"field":"stage","op":"eq","values":[1]}]}')).toBeNull();
    expect(parseFilterParam('{"match":"any","rules":[{"match":"all","rules":[]}]}')).toEqual({ match: "any", rules: [{ match: "all", rules: [] }] });
  });
});
