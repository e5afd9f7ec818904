// How many customers a filter matches now ("1,234 of 300,000 customers"), asked of Rust after a short pause
// once every condition is filled in; a value Rust refuses is said in the seller's words.
import { Spin, Typography } from "antd";
import { TeamOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Filter } from "../../bindings/Filter";
import { segmentCount } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { formatCount } from "../../components/format";
import { useDebounced } from "../../components/useDebounced";
import { isComplete } from "./filterModel";
import { filterProblem } from "./SaveError";

export const COUNT_DEBOUNCE_MS = 300;

type Props = { filter: Filter; delayMs?: number; testId?: string };

export function LiveCount({ filter, delayMs = COUNT_DEBOUNCE_MS, testId = "segment-live-count" }: Props) {
  const { t, i18n } = useTranslation();
  const debounced = useDebounced(filter, delayMs);
  const complete = isComplete(debounced);
  const result = useQuery({
    queryKey: queryKeys.segmentCount(debounced),
    queryFn: () => segmentCount(debounced),
    enabled: complete,
    placeholderData: keepPreviousData,
  });
  const data = complete ? result.data : undefined;

  if (!isComplete(filter)) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-state="incomplete">
        {t("segments.count.incomplete")}
      </Typography.Text>
    );
  }
  if (result.isError && complete) {
    // A value Rust cannot read is said as Rust says it; anything else is a failure to count.
    const problem = filterProblem(t, result.error);
    return (
      <Typography.Text type="danger" data-testid={testId} data-state={problem ? "refused" : "error"}
        data-code={problem?.code}>
        {problem ? problem.text : t("segments.count.failed")}
      </Typography.Text>
    );
  }
  if (!data) {
    return (
      <span data-testid={testId} data-state="loading">
        <Spin size="small" />
      </span>
    );
  }
  const fmt = (n: number) => formatCount(n, i18n.language);
  return (
    <Typography.Text data-testid={testId} data-count={data.customers} data-state="ready"
      type={result.isFetching ? "secondary" : undefined}>
      <TeamOutlined /> {t("segments.count.of", { customers: fmt(data.customers), of: fmt(data.of) })}
    </Typography.Text>
  );
}
