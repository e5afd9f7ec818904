// Quick filters above the customer table (stage, RFM group, tags), the segment in use, and the "more filters" toggle.
import { Button, Select, Tag } from "antd";
import { FilterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RfmGroup } from "../../bindings/RfmGroup";
import type { Stage } from "../../bindings/Stage";
import { queryKeys } from "../../app/queryKeys";
import { segmentsList, tagsList } from "../../ipc/commands";
import type { ListState } from "./customerQuery";

export const STAGES: Stage[] = ["potential", "new", "active", "loyal", "sleeping", "churned"];
export const RFM_GROUPS: RfmGroup[] = [
  "champions", "loyal", "potential_loyalist", "new", "promising", "needs_attention", "about_to_sleep", "at_risk",
  "cant_lose_them", "hibernating", "lost",
];

type Props = {
  state: ListState;
  onChange: (change: Partial<Pick<ListState, "stages" | "rfm" | "tags" | "segmentId">>) => void;
  moreOpen: boolean;
  onToggleMore: () => void;
  /** Shown at the right end (the second sort key). */
  extra?: React.ReactNode;
};

export function CustomerFilters({ state, onChange, moreOpen, onToggleMore, extra }: Props) {
  const { t } = useTranslation();
  const tags = useQuery({ queryKey: queryKeys.tags(), queryFn: tagsList });
  const segments = useQuery({ queryKey: queryKeys.segments(), queryFn: segmentsList, enabled: state.segmentId !== null });
  const segment = segments.data?.find((s) => s.id === state.segmentId);
  const advancedCount = state.advanced?.rules.length ?? 0;
  return (
    <div className="laoke-toolbar" data-testid="customers-filters">
      <Select<Stage[]> mode="multiple" allowClear maxTagCount="responsive" style={{ minWidth: 180 }}
        placeholder={t("customers.filters.stage")} value={state.stages} data-testid="customers-stage"
        onChange={(stages) => onChange({ stages })}
        options={STAGES.map((s) => ({ value: s, label: t(`lifecycle.stage.${s}`) }))} />
      <Select<RfmGroup[]> mode="multiple" allowClear maxTagCount="responsive" style={{ minWidth: 180 }}
        placeholder={t("customers.filters.rfm")} value={state.rfm} data-testid="customers-rfm"
        onChange={(rfm) => onChange({ rfm })}
        options={RFM_GROUPS.map((g) => ({ value: g, label: t(`lifecycle.rfm.${g}.name`) }))} />
      <Select<string[]> mode="multiple" allowClear maxTagCount="responsive" style={{ minWidth: 160 }}
        placeholder={t("customers.filters.tags")} value={state.tags} data-testid="customers-tags"
        onChange={(picked) => onChange({ tags: picked })}
        options={(tags.data ?? []).map((name) => ({ value: name, label: name }))} />
      <Button icon={<FilterOutlined />} type={moreOpen || advancedCount ? "primary" : "default"} ghost={advancedCount > 0 && !moreOpen}
        onClick={onToggleMore} data-testid="customers-more">
        {t("customers.filters.more")}{advancedCount ? ` (${advancedCount})` : ""}
      </Button>
      {state.segmentId !== null && (
        <Tag closable color="blue" onClose={() => onChange({ segmentId: null })} data-testid="customers-segment">
          {t("customers.filters.segment", { name: segment?.name ?? `#${state.segmentId}` })}
        </Tag>
      )}
      {extra && <div style={{ marginLeft: "auto" }}>{extra}</div>}
    </div>
  );
}
