// The mapping editor's rules: required fields, amount-or-unit-price, stale headers, and the ImportRequest it builds.
import { describe, expect, it } from "vitest";
import {
  buildImportRequest, editorFrom, emptyEditor, fieldsByHeader, toColumnMapping, validateMapping, withColumn,
  type EditorState,
} from "./mapping";

const HEADERS = ["Order Ref", "Customer No", "Customer Name", "Email", "Order Date", "Product", "Qty", "Line Total (GBP)"];
const complete: EditorState = {
  columns: { order_id: "Order Ref", created_at: "Order Date", amount: "Line Total (GBP)", buyer_id: "Customer No" },
  dateFormat: "%d/%m/%Y %H:%M",
};

describe("validateMapping", () => {
  it("asks for the order number, the order time and the amount or unit price", () => {
    expect(validateMapping(emptyEditor, HEADERS)).toEqual([
      { kind: "required", field: "order_id" }, { kind: "required", field: "created_at" }, { kind: "money" },
    ]);
  });
  it("accepts a unit price instead of an amount", () => {
    const s = { columns: { order_id: "Order Ref", created_at: "Order Date", unit_price: "Line Total (GBP)" }, dateFormat: null };
    expect(validateMapping(s, HEADERS)).toEqual([]);
    expect(validateMapping(complete, HEADERS)).toEqual([]);
  });
  it("flags a header the file does not have (a preset from another file)", () => {
    const s = withColumn(complete, "email", "E-mail address");
    expect(validateMapping(s, HEADERS)).toEqual([{ kind: "unknownHeader", field: "email", header: "E-mail address" }]);
  });
  it("clearing a field makes it missing again", () => {
    expect(validateMapping(withColumn(complete, "order_id", null), HEADERS)).toEqual([{ kind: "required", field: "order_id" }]);
  });
});

describe("the request built from the editor", () => {
  it("is a generic import with only the mapped fields and the date format", () => {
    expect(buildImportRequest(complete, true)).toEqual({
      format: "generic",
      mapping: {
        columns: { order_id: "Order Ref", created_at: "Order Date", amount: "Line Total (GBP)", buyer_id: "Customer No" },
        date_format: "%d/%m/%Y %H:%M",
      },
      strict: true,
      shop: null,
      allow_conflicts: false, replace_undecodable: false,
    });
  });
  it("sends null for automatic date detection and drops cleared fields", () => {
    const s = withColumn({ ...complete, dateFormat: null }, "buyer_id", null);
    expect(toColumnMapping(s)).toEqual({
      columns: { order_id: "Order Ref", created_at: "Order Date", amount: "Line Total (GBP)" }, date_format: null,
    });
    expect(toColumnMapping({ ...complete, dateFormat: "  " }).date_format).toBeNull();
  });
});

describe("editorFrom", () => {
  it("starts from a saved mapping, keeping only headers this file has", () => {
    const s = editorFrom({ columns: { order_id: "Order Ref", email: "Mail", quantity: "Qty" }, date_format: "%Y-%m-%d" }, HEADERS);
    expect(s).toEqual({ columns: { order_id: "Order Ref", quantity: "Qty" }, dateFormat: "%Y-%m-%d" });
    expect(editorFrom(null, HEADERS)).toEqual(emptyEditor);
  });
  it("lists the fields each header feeds", () => {
    const s = withColumn(complete, "buyer_name", "Customer No");
    expect(fieldsByHeader(s).get("Customer No")).toEqual(["buyer_id", "buyer_name"]);
    expect(fieldsByHeader(s).has("Product")).toBe(false);
  });
});
