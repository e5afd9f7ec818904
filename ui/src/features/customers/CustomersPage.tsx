// The customer archive list: server-side paged, searched, filtered and sorted through `customers_page`.
import { useEffect, useMemo, useState } from "react";
import { Button, Card, Table } from "antd";
import { ImportOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { CustomerRow } from "../../bindings/CustomerRow";
import { customersPage } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { useDisplay } from "../../app/shopQueries";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useDebounced } from "../../components/useDebounced";
import { customerColumns } from "./customerColumns";
import { CustomersToolbar } from "./CustomersToolbar";
import {
  applyTableChange, buildCustomerQuery, initialListState, isFiltered, withPlatform, withSearch, type ListState,
} from "./customerQuery";

export const SEARCH_DEBOUNCE_MS = 300;

export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, timeZone } = useDisplay();
  const [state, setState] = useState<ListState>(initialListState);
  const [searchText, setSearchText] = useState("");
  const debounced = useDebounced(searchText, SEARCH_DEBOUNCE_MS);
  useEffect(() => setState((s) => withSearch(s, debounced)), [debounced]);

  const query = useMemo(() => buildCustomerQuery(state), [state]);
  const result = useQuery({
    queryKey: queryKeys.customers(query),
    queryFn: () => customersPage(query),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(() => customerColumns({ t, locale, timeZone, state }), [t, locale, timeZone, state]);
  const page = result.data;
  const noCustomers = page !== undefined && page.total === 0 && !isFiltered(state) && !result.isPlaceholderData;

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
            onPlatform={(p) => setState((s) => withPlatform(s, p))} total={page?.total} />
          <Table<CustomerRow>
            data-testid="customers-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={page?.customers ?? []}
            loading={result.isFetching}
            scroll={{ x: 980 }}
            locale={{ emptyText: t("customers.noMatch") }}
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
    </div>
  );
}
