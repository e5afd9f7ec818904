// The customer archive list: server-side paged, searched, filtered and sorted through `customers_page`,
// with quick filters, a segment from the URL (?segment=ID), a filter from the URL (?filter=JSON, shown and editable in
// the advanced filter: the dashboard's numbers open their customers this way), chosen columns, bulk actions and the
// profile drawer.
import { useEffect, useMemo, useState } from "react";
import { App, Button, Card, Space, Table } from "antd";
import { ImportOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { CustomerRow } from "../../bindings/CustomerRow";
import type { Filter } from "../../bindings/Filter";
import { customersPage } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay, useSeveralShops } from "../../app/shopQueries";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useDebounced } from "../../components/useDebounced";
import { useTierColors } from "../tiers/TierBadge";
import { customerColumns } from "./customerColumns";
import { CustomersToolbar } from "./CustomersToolbar";
import { CustomerFilters } from "./CustomerFilters";
import { ColumnChooser } from "./ColumnChooser";
import { MergeSuggestions } from "./MergeSuggestions";
import { ThenBySort } from "./ThenBySort";
import { BulkBar } from "./BulkBar";
import { AdvancedFilter } from "./AdvancedFilter";
import { ProfileDrawer } from "./profile/ProfileDrawer";
import { useColumnChoice } from "./useColumnChoice";
import {
  applyTableChange, buildCustomerQuery, initialListState, isFiltered, parseFilterParam, withFilters, withPlatform, withSearch,
  withThenBy,
  type ListState,
} from "./customerQuery";

export const SEARCH_DEBOUNCE_MS = 300;

function segmentFromUrl(params: URLSearchParams): number | null {
  const n = Number(params.get("segment"));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The URL's parameters less one. */
function without(params: URLSearchParams, name: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(name);
  return next;
}

/** The filter of the URL's `?filter=`; null when there is none or it is no filter. */
function filterFromUrl(params: URLSearchParams): Filter | null {
  const text = params.get("filter");
  return text === null ? null : parseFilterParam(text);
}

export function CustomersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { locale, timeZone } = useDisplay();
  const [state, setState] = useState<ListState>(() => ({
    ...initialListState, segmentId: segmentFromUrl(params), advanced: filterFromUrl(params),
  }));
  const [searchText, setSearchText] = useState("");
  const [moreOpen, setMoreOpen] = useState(() => filterFromUrl(params) !== null);
  /** Bumped when the URL brings a filter, so the builder starts over from it. */
  const [urlFilters, setUrlFilters] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [shown, setShown] = useColumnChoice(useSeveralShops());
  const debounced = useDebounced(searchText, SEARCH_DEBOUNCE_MS);
  useEffect(() => setState((s) => withSearch(s, debounced)), [debounced]);
  const segmentParam = segmentFromUrl(params);
  useEffect(() => setState((s) => (s.segmentId === segmentParam ? s : withFilters(s, { segmentId: segmentParam }))), [segmentParam]);
  const filterParam = params.get("filter");
  useEffect(() => {
    if (filterParam === null) return;
    const filter = parseFilterParam(filterParam);
    if (!filter) {
      void message.warning({ content: t("customers.filters.badUrlFilter"), key: "customers-url-filter" });
      setParams((p) => without(p, "filter"), { replace: true });
      return;
    }
    setState((s) => withFilters(s, { advanced: filter.rules.length ? filter : null }));
    setMoreOpen(true);
    setUrlFilters((n) => n + 1);
  }, [filterParam]); // only a new URL filter applies, not a new `message` or `t`

  const query = useMemo(() => buildCustomerQuery(state), [state]);
  // A different set of customers drops the selection (paging and sorting keep it).
  const scope = JSON.stringify([query.search, query.platform, query.filter, query.segment_id]);
  useEffect(() => { setSelected([]); setAllMatching(false); }, [scope]);
  const result = useQuery({
    queryKey: queryKeys.customers(query),
    queryFn: () => customersPage(query),
    placeholderData: keepPreviousData,
  });
  const tierColors = useTierColors();
  const columns = useMemo(
    () => customerColumns({ t, locale, timeZone, state, shown, tierColors }),
    [t, locale, timeZone, state, shown, tierColors],
  );
  const page = result.data;
  const noCustomers = page !== undefined && page.total === 0 && !isFiltered(state) && !result.isPlaceholderData;
  const change = (c: Parameters<typeof withFilters>[1]) => {
    if ("segmentId" in c && c.segmentId === null) setParams((p) => without(p, "segment"));
    if ("advanced" in c && c.advanced === null && params.has("filter")) setParams((p) => without(p, "filter"));
    setState((s) => withFilters(s, c));
  };

  return (
    <div data-testid="page-customers">
      <PageHeader title={t("customers.title")} subtitle={t("customers.subtitle")} />
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      {noCustomers ? (
        <Card>
          <EmptyState testId="customers-empty" title={t("customers.emptyTitle")} description={t("customers.emptyText")}
            actions={<Button type="primary" icon={<ImportOutlined />} onClick={() => navigate("/import")}
              data-testid="customers-import">{t("common.importFirst")}</Button>} />
        </Card>
      ) : (
        <Card>
          <CustomersToolbar searchText={searchText} onSearchText={setSearchText} platform={state.platform}
            onPlatform={(p) => setState((s) => withPlatform(s, p))} total={page?.total}
            extra={<Space><MergeSuggestions /><ColumnChooser shown={shown} onChange={setShown} /></Space>} />
          <CustomerFilters state={state} onChange={change} moreOpen={moreOpen} onToggleMore={() => setMoreOpen((o) => !o)}
            extra={<ThenBySort primary={state.sort} value={state.thenBy} onChange={(k) => setState((s) => withThenBy(s, k))} />} />
          {moreOpen && <AdvancedFilter key={urlFilters} value={state.advanced} onChange={(advanced) => change({ advanced })} />}
          {(selected.length > 0 || allMatching) && (
            <BulkBar selected={selected} allMatching={allMatching} total={page?.total ?? 0} query={query}
              onSelectAll={() => setAllMatching(true)} onClear={() => { setSelected([]); setAllMatching(false); }} />
          )}
          <Table<CustomerRow>
            data-testid="customers-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page?.customers ?? []}
            loading={result.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t("customers.noMatch") }}
            rowSelection={{
              selectedRowKeys: allMatching ? (page?.customers ?? []).map((c) => c.id) : selected,
              preserveSelectedRowKeys: true,
              onChange: (keys) => { setAllMatching(false); setSelected(keys as number[]); },
            }}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" }, "data-testid": "customer-row" } as React.HTMLAttributes<HTMLElement>)}
            pagination={{
              current: state.page, pageSize: state.pageSize, total: page?.total ?? 0,
              showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showQuickJumper: true,
            }}
            onChange={(p, _filters, sorter, extra) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              setState((prev) => applyTableChange(prev, {
                page: p.current, pageSize: p.pageSize, sortKey: s?.columnKey, order: s?.order ?? null,
                action: extra.action,
              }));
            }}
          />
        </Card>
      )}
      <ProfileDrawer customerId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
