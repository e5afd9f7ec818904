// The column-mapping editor's state: which header each field reads, the date format, what is still
// missing, and the ColumnMapping / ImportRequest it turns into. Pure, no React.
import type { ColumnMapping } from "../../bindings/ColumnMapping";
import type { ImportRequest } from "../../bindings/ImportRequest";
import type { MappedField } from "../../bindings/MappedField";

/** Every field a column can feed, in the order the editor lists them. */
export const MAPPED_FIELDS: readonly MappedField[] = [
  "order_id", "created_at", "amount", "unit_price", "quantity", "buyer_id", "buyer_name", "phone", "email",
  "paid_at", "status", "refund", "item_title", "address", "shop", "payment_method",
];

/** Always required; an order's money also needs `amount` or `unit_price`. */
export const REQUIRED_FIELDS: readonly MappedField[] = ["order_id", "created_at"];
export const MONEY_FIELDS: readonly MappedField[] = ["amount", "unit_price"];

/** Date formats offered besides automatic detection (chrono syntax) with an example of each. */
export const DATE_FORMATS: ReadonlyArray<{ format: string; example: string }> = [
  { format: "%Y-%m-%d %H:%M:%S", example: "2024-12-25 18:30:00" },
  { format: "%Y-%m-%d %H:%M", example: "2024-12-25 18:30" },
  { format: "%Y/%m/%d %H:%M:%S", example: "2024/12/25 18:30:00" },
  { format: "%Y/%m/%d %H:%M", example: "2024/12/25 18:30" },
  { format: "%d/%m/%Y %H:%M", example: "25/12/2024 18:30" },
  { format: "%d/%m/%Y %H:%M:%S", example: "25/12/2024 18:30:00" },
  { format: "%m/%d/%Y %H:%M", example: "12/25/2024 18:30" },
  { format: "%m/%d/%Y %H:%M:%S", example: "12/25/2024 18:30:00" },
  { format: "%d.%m.%Y %H:%M", example: "25.12.2024 18:30" },
  { format: "%Y-%m-%d", example: "2024-12-25" },
  { format: "%d/%m/%Y", example: "25/12/2024" },
  { format: "%m/%d/%Y", example: "12/25/2024" },
];

export type EditorState = {
  columns: Partial<Record<MappedField, string>>;
  /** `null` = detect automatically. */
  dateFormat: string | null;
};

export const emptyEditor: EditorState = { columns: {}, dateFormat: null };

/** Starts from a mapping already in use (a saved preset, a previous preview), keeping only headers the file has. */
export function editorFrom(mapping: ColumnMapping | null, headers: readonly string[]): EditorState {
  if (!mapping) return emptyEditor;
  const columns: EditorState["columns"] = {};
  for (const field of MAPPED_FIELDS) {
    const header = mapping.columns[field];
    if (header !== undefined && headers.includes(header)) columns[field] = header;
  }
  return { columns, dateFormat: mapping.date_format?.trim() || null };
}

export function withColumn(state: EditorState, field: MappedField, header: string | null): EditorState {
  const columns = { ...state.columns };
  if (header) columns[field] = header;
  else delete columns[field];
  return { ...state, columns };
}

export type MappingIssue =
  | { kind: "required"; field: MappedField }
  | { kind: "money" }
  | { kind: "unknownHeader"; field: MappedField; header: string };

/** What stops the mapping from being used; empty when it is complete. */
export function validateMapping(state: EditorState, headers: readonly string[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const mapped = (f: MappedField) => !!state.columns[f];
  for (const field of REQUIRED_FIELDS) if (!mapped(field)) issues.push({ kind: "required", field });
  if (!MONEY_FIELDS.some(mapped)) issues.push({ kind: "money" });
  for (const field of MAPPED_FIELDS) {
    const header = state.columns[field];
    if (header && !headers.includes(header)) issues.push({ kind: "unknownHeader", field, header });
  }
  return issues;
}

/** The ColumnMapping Rust reads: only mapped fields, in the editor's field order. */
export function toColumnMapping(state: EditorState): ColumnMapping {
  const columns: ColumnMapping["columns"] = {};
  for (const field of MAPPED_FIELDS) {
    const header = state.columns[field];
    if (header) columns[field] = header;
  }
  return { columns, date_format: state.dateFormat?.trim() || null };
}

/** A request that reads the file as a generic table through the editor's mapping. */
export function buildImportRequest(state: EditorState, strict: boolean): ImportRequest {
  return {
    format: "generic", mapping: toColumnMapping(state), strict, shop: null, allow_conflicts: false, replace_undecodable: false,
  };
}

/** Which field(s) each header feeds, for the sample table's column titles. */
export function fieldsByHeader(state: EditorState): Map<string, MappedField[]> {
  const out = new Map<string, MappedField[]>();
  for (const field of MAPPED_FIELDS) {
    const header = state.columns[field];
    if (header) out.set(header, [...(out.get(header) ?? []), field]);
  }
  return out;
}
