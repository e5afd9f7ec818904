// The customer list's UI state and how it becomes a CustomerQuery (server-side paging and sorting).
import type { CustomerQuery } from "../../bindings/CustomerQuery";
import type { SortField as CustomerSort } from "../../bindings/SortField";
import type { Platform } from "../../bindings/Platform";

export type ListState = {
  search: string; // already debounced
  platform: Platform | null;
  sort: CustomerSort;
  desc: boolean;
  page: number; // 1-based, as antd shows it
  pageSize: number;
};

export const DEFAULT_PAGE_SIZE = 50;
export const SORTABLE: readonly CustomerSort[] = ["nick", "purchases", "value", "first_purchase", "last_purchase"];
export const initialListState: ListState = {
  search: "", platform: null, sort: "value", desc: true, page: 1, pageSize: DEFAULT_PAGE_SIZE,
};

export function buildCustomerQuery(s: ListState): CustomerQuery {
  const search = s.search.trim();
  return {
    search: search === "" ? null : search,
    platform: s.platform,
    sort: s.sort,
    desc: s.desc,
    offset: (Math.max(1, s.page) - 1) * s.pageSize,
    limit: s.pageSize,
  };
}

/** Whether the user narrowed the list (so an empty result means "no match", not "no customers"). */
export const isFiltered = (s: ListState) => s.search.trim() !== "" || s.platform !== null;

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
