// The segment filter editor: an all/any toggle over condition rows and nested groups (the Filter JSON Rust reads).
// Controlled: it shows `value` and reports every edit as a whole new Filter through `onChange`.
import { Button, Flex, Segmented, Space, Tooltip, Typography } from "antd";
import { DeleteOutlined, PlusOutlined, SubnodeOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Filter } from "../../bindings/Filter";
import type { Match } from "../../bindings/Match";
import type { Rule } from "../../bindings/Rule";
import { ConditionRow } from "./ConditionRow";
import { defaultCondition, isGroup, newGroup } from "./filterModel";

export { isComplete } from "./filterModel";
export { LiveCount } from "./LiveCount";

type Props = { value: Filter; onChange: (f: Filter) => void };

export function FilterBuilder({ value, onChange }: Props) {
  return (
    <div data-testid="filter-builder" className="laoke-filter-builder">
      <GroupEditor group={value} onChange={onChange} depth={0} />
    </div>
  );
}

/** Groups deeper than this are still shown and editable, but only the top level offers "add group". */
const MAX_UI_DEPTH = 1;

type GroupProps = { group: Filter; onChange: (f: Filter) => void; depth: number; onRemove?: () => void };

function GroupEditor({ group, onChange, depth, onRemove }: GroupProps) {
  const { t } = useTranslation();
  const setRule = (i: number, rule: Rule) => onChange({ ...group, rules: group.rules.map((r, j) => (j === i ? rule : r)) });
  const removeRule = (i: number) => onChange({ ...group, rules: group.rules.filter((_, j) => j !== i) });
  const add = (rule: Rule) => onChange({ ...group, rules: [...group.rules, rule] });

  return (
    <Flex vertical gap={8} data-testid={depth > 0 ? "filter-group" : undefined} data-match={group.match}
      style={depth > 0 ? { border: "1px dashed #d9d9d9", borderRadius: 8, padding: 8 } : undefined}>
      <Flex justify="space-between" align="center" gap={8}>
        <Segmented<Match>
          data-testid="filter-match"
          size={depth > 0 ? "small" : "middle"}
          value={group.match}
          onChange={(match) => onChange({ ...group, match })}
          options={[
            { value: "all", label: t("segments.builder.matchAll") },
            { value: "any", label: t("segments.builder.matchAny") },
          ]}
        />
        {onRemove && (
          <Tooltip title={t("segments.builder.removeGroup")}>
            <Button data-testid="filter-remove-group" type="text" size="small" icon={<DeleteOutlined />}
              aria-label={t("segments.builder.removeGroup")} onClick={onRemove} />
          </Tooltip>
        )}
      </Flex>
      {group.rules.length === 0 && depth === 0 && (
        <Typography.Text type="secondary">{t("segments.builder.empty")}</Typography.Text>
      )}
      {group.rules.map((rule, i) =>
        isGroup(rule) ? (
          <GroupEditor key={i} group={rule} depth={depth + 1} onChange={(g) => setRule(i, g)} onRemove={() => removeRule(i)} />
        ) : (
          <ConditionRow key={i} condition={rule} onChange={(c) => setRule(i, c)} onRemove={() => removeRule(i)} />
        ),
      )}
      <Space size={8} wrap>
        <Button data-testid="filter-add-condition" size="small" icon={<PlusOutlined />}
          onClick={() => add(defaultCondition("stage"))}>
          {t("segments.builder.addCondition")}
        </Button>
        {depth < MAX_UI_DEPTH && (
          <Button data-testid="filter-add-group" size="small" icon={<SubnodeOutlined />} onClick={() => add(newGroup(group))}>
            {t("segments.builder.addGroup")}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
