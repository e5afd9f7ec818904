// The drawer that creates or edits a care rule: when (trigger), to whom (target, with its live count), how (channel,
// send time, priority), what (templates with variable chips), and a live preview of the message for a real customer.
// Rust checks the rule as it is edited (care_rule_check) and renders it (care_rule_preview); a refused rule shows
// Rust's reason and cannot be saved. The UI only holds back what cannot be sent at all (an emptied number box, an
// unfinished filter condition, no segment picked).
import { useCallback, useMemo, useState } from "react";
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Space, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CareRule } from "../../bindings/CareRule";
import { careRuleCheck, careRuleSave } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useDebounced } from "../../components/useDebounced";
import { isComplete } from "../segments/filterModel";
import { blankNumbers, cleanRule } from "./careModel";
import { useShopToday } from "./careQueries";
import { RulePreview } from "./RulePreview";
import { ruleProblem } from "./ruleProblem";
import {
  ChannelSection, ExtrasSection, MessageSection, TargetSection, TimingSection, TriggerSection, useTemplateBoxes, type Update,
} from "./RuleSections";

export const CHECK_DEBOUNCE_MS = 300;

type Props = { initial: CareRule; onClose: () => void };

export function RuleEditor({ initial, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const today = useShopToday();
  const [rule, setRule] = useState<CareRule>(initial);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const update: Update = useCallback(
    (patch) => setRule((r) => ({ ...r, ...(typeof patch === "function" ? patch(r) : patch) })), []);
  const boxes = useTemplateBoxes(update);

  // What cannot be sent at all stays here; everything else is Rust's to judge.
  const target = rule.target;
  const unsendable = blankNumbers(rule).length > 0 ? t("care.editor.needNumber")
    : target && "segment" in target && !target.segment ? t("care.editor.needSegment")
      : target && "filter" in target && !isComplete(target.filter) ? t("segments.count.incomplete") : null;
  const candidate = useMemo(() => (unsendable ? null : cleanRule(rule)), [rule, unsendable]);
  const debounced = useDebounced(candidate, CHECK_DEBOUNCE_MS);
  const settled = !!candidate && !!debounced && JSON.stringify(candidate) === JSON.stringify(debounced);

  const check = useQuery({
    queryKey: queryKeys.careRuleCheck(debounced),
    queryFn: () => careRuleCheck(debounced!),
    enabled: !!debounced,
  });
  const refused = check.isError ? ruleProblem(t, check.error) : null;
  const checked = settled && check.isSuccess;

  const save = useMutation({
    mutationFn: (r: CareRule) => careRuleSave(r),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ["care"] });
      message.success(t("care.editor.saved", { name: saved.name }));
      onClose();
    },
  });
  const saveRefused = save.isError ? ruleProblem(t, save.error) : null;

  return (
    <Drawer
      open
      width={1080}
      data-testid="care-rule-editor"
      title={rule.id === undefined ? t("care.editor.titleNew") : t("care.editor.titleEdit", { name: initial.name })}
      onClose={onClose}
      footer={
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div style={{ flex: 1, minWidth: 0 }}>
            {unsendable && <Typography.Text type="secondary" data-testid="care-rule-incomplete">{unsendable}</Typography.Text>}
            {!unsendable && refused && (
              // Untouched (a new rule just opened), what is missing is a hint rather than a mistake.
              <Alert type={rule === initial ? "info" : "error"} showIcon data-testid="care-rule-problem" data-code={refused.code} message={refused.text} />
            )}
            {!unsendable && check.isError && !refused && (
              <ErrorAlert error={check.error} testId="care-rule-problem" onRetry={() => void check.refetch()} />
            )}
          </div>
          <Space>
            <Button onClick={onClose}>{t("care.cancel")}</Button>
            <Button type="primary" data-testid="care-rule-save" disabled={!checked || save.isPending} loading={save.isPending}
              onClick={() => candidate && save.mutate(candidate)}>
              {t("care.editor.save")}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form layout="vertical" requiredMark={false} component="div">
            <Form.Item label={t("care.editor.name")}>
              <Input data-testid="care-rule-name-input" value={rule.name} maxLength={60} placeholder={t("care.editor.namePlaceholder")}
                onChange={(e) => update({ name: e.target.value })} />
            </Form.Item>
            <TriggerSection trigger={rule.trigger} workingDaysOnly={rule.working_days_only} today={today} update={update} />
            <ChannelSection channel={rule.channel} update={update} />
            {/* The message comes early: it is what the seller writes; who gets it is most often everyone. */}
            <MessageSection channel={rule.channel} name={rule.name} subject={rule.subject} template={rule.template} boxes={boxes}
              update={update} />
            <TimingSection sendAt={rule.send_at} priority={rule.priority} transactional={rule.trigger.kind === "unpaid"} update={update} />
            <TargetSection target={rule.target} update={update} />
            <ExtrasSection channel={rule.channel} templateEn={rule.template_en} coupon={rule.coupon} couponPlan={rule.coupon_plan}
              autoSend={rule.auto_send}
              boxes={boxes} update={update} />
            {saveRefused && <Alert type="error" showIcon data-testid="care-rule-save-error" data-code={saveRefused.code} message={saveRefused.text} />}
            {save.isError && !saveRefused && <ErrorAlert error={save.error} testId="care-rule-save-error" />}
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <RulePreview rule={checked ? debounced : null} stale={!settled || check.isFetching} refused={check.isError}
            customerId={customerId} onCustomer={setCustomerId} />
        </Col>
      </Row>
    </Drawer>
  );
}
