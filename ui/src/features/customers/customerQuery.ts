// The customer list's UI state and how it becomes a CustomerQuery (server-side filters, paging and sorting).
import type { Condition } from "../../bindings/Condition";
import type { CustomerQuery } from "../../bindings/CustomerQuery";
import type { Filter } from "../../bindings/Filter";
import type { Platform } from "../../bindings/Platform";
import type { RfmGroup } from "../../bindings/RfmGroup";
import type { SortField as CustomerSort } from "../../bindings/SortField";
import type { SortKey } from "../../bindings/SortKey";
import type { Stage } from "../../bindings/Stage";

export type ListState = {
  search: string; // already debounced
  platform: Platform | null;
  stages: Stage[];
  rfm: RfmGroup[];
  tags: string[];
  /** The "more filters" builder's filter, when it has conditions. */
  advanced: Filter | null;
  segmentId: number | null;
  sort: CustomerSort;
  desc: boolean;
  /** A second sort key for customers the first leaves tied (e.g. stage, then value). */
  thenBy: SortKey | null;
  page: number; // 1-based, as antd shows it
  pageSize: number;
};

export const DEFAULT_PAGE_SIZE = 50;
export const SORTABLE: readonly CustomerSort[] = [
  "nick", "platform", "purchases", "orders", "value", "first_purchase", "last_purchase", "stage", "rfm", "tier", "tags",
  "p_alive", "expected_90d", "clv",
];
export const initialListState: ListState = {
  search: "", platform: null, stages: [], rfm: [], tags: [], advanced: null, segmentId: null,
  sort: "value", desc: true, thenBy: null, page: 1, pageSize: DEFAULT_PAGE_SIZE,
};

/** The quick filters and the advanced one as one AND filter; null when nothing is picked. */
export function listFilter(s: ListState): Filter | null {
  const rules: Array<Condition | Filter> = [];
  if (s.stages.length) rules.push({ field: "stage", op: "in", values: s.stages });
  if (s.rfm.length) rules.push({ field: "rfm", op: "in", values: s.rfm });
  if (s.tags.length) rules.push({ field: "tag", op: "in", values: s.tags });
  if (s.advanced && s.advanced.rules.length) rules.push(s.advanced);
  return rules.length ? { match: "all", rules } : null;
}

export function buildCustomerQuery(s: ListState): CustomerQuery {
  const search = s.search.trim();
  const filter = listFilter(s);
  return {
    search: search === "" ? null : search,
    platform: s.platform,
    ...(filter ? { filter } : {}),
    ...(s.segmentId !== null ? { segment_id: s.segmentId } : {}),
    sort: s.sort,
    desc: s.desc,
    ...(s.thenBy && s.thenBy.field !== s.sort ? { then_by: [s.thenBy] } : {}),
    offset: (Math.max(1, s.page) - 1) * s.pageSize,
    limit: s.pageSize,
  };
}

/** Whether the user narrowed the list (so an empty result means "no match", not "no customers"). */
export const isFiltered = (s: ListState) =>
  s.search.trim() !== "" || s.platform !== null || listFilter(s) !== null || s.segmentId !== null;

export type TableChange = {
  page?: number;
  pageSize?: number;
  sortKey?: unknown;
  order?: "ascend" | "descend" | null;
  action: "paginate" | "sort" | "filter";
};

const isSort = (k: unknown): k is CustomerSort => SORTABLE.includes(k as CustomerSort);

/** Applies an antd Table change: paging keeps the sort; a new sort or page size goes back to page 1. */
export function applyTableChange(s: ListState, c: TableChange): ListState {
  if (c.action === "sort") {
    if (!c.order || !isSort(c.sortKey)) return { ...s, sort: initialListState.sort, desc: initialListState.desc, page: 1 };
    return { ...s, sort: c.sortKey, desc: c.order === "descend", page: 1 };
  }
  const pageSize = c.pageSize ?? s.pageSize;
  return { ...s, pageSize, page: pageSize !== s.pageSize ? 1 : (c.page ?? s.page) };
}

export const withSearch = (s: ListState, search: string): ListState =>
  search === s.search ? s : { ...s, search, page: 1 };
export const withPlatform = (s: ListState, platform: Platform | null): ListState => ({ ...s, platform, page: 1 });
/** Any other narrowing (quick filters, the builder, a segment) also goes back to page 1. */
export const withFilters = (s: ListState, change: Partial<Pick<ListState, "stages" | "rfm" | "tags" | "advanced" | "segmentId">>): ListState =>
  ({ ...s, ...change, page: 1 });
export const withThenBy = (s: ListState, thenBy: SortKey | null): ListState => ({ ...s, thenBy, page: 1 });

/** The customer list showing exactly the customers of a filter (what the dashboard's numbers open). */
export const customersUrl = (filter: Filter): string => `/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A filter from the list's `?filter=` text; null when it is not a filter's JSON. Rust checks the conditions. */
export function parseFilterParam(text: string): Filter | null {
  try {
    const value = JSON.parse(text) as unknown;
    return isFilter(value) ? value : null;
  } catch {
    return null;
  }
}

function isFilter(v: unknown): v is Filter {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Record<string, unknown>;
  return (f.match === "all" || f.match === "any") && Array.isArray(f.rules) && f.rules.every((r) => isFilter(r) || isCondition(r));
}

function isCondition(v: unknown): v is Condition {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.field === "string" && typeof c.op === "string" && Array.isArray(c.values) &&
    c.values.every((x) => typeof x === "string");
}
