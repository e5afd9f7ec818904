// The customer table's default columns: the shops column only when some platform has several shops.
import { describe, expect, it } from "vitest";
import { defaultColumns } from "./useColumnChoice";

describe("default columns", () => {
  it("leave out the order count and the forecast, and the shops unless a platform has several", () => {
    expect(defaultColumns(false)).not.toContain("shops");
    expect(defaultColumns(false)).not.toContain("orders");
    // The forecast's columns are there to choose, not shown by default.
    for (const c of ["p_alive", "expected_90d", "clv"] as const) expect(defaultColumns(true)).not.toContain(c);
    expect(defaultColumns(true)).toEqual(["platform", "shops", ...defaultColumns(false).slice(1)]);
  });
});
