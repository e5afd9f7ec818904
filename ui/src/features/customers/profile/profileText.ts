// Labels of stages and RFM groups (the lifecycle texts), and the localized text of a `settings.invalid` profile/tag error.
import type { TFunction } from "i18next";
import { toErrorDto } from "../../../app/errors";

export { STAGE_COLORS } from "../customerColumns";

export const stageLabel = (t: TFunction, stage: string): string => t(`lifecycle.stage.${stage}`, { defaultValue: stage });
export const rfmLabel = (t: TFunction, group: string): string => t(`lifecycle.rfm.${group}.name`, { defaultValue: group });

/** The field and reason of a `settings.invalid` rejection, or null for any other error. */
export function invalidField(error: unknown): { field: string; reason: string } | null {
  const dto = toErrorDto(error);
  if (dto.code !== "settings.invalid") return null;
  const d = dto.details as { field?: unknown; reason?: unknown } | null;
  if (typeof d !== "object" || d === null || typeof d.field !== "string") return null;
  return { field: d.field, reason: typeof d.reason === "string" ? d.reason : "" };
}

const KNOWN = ["email", "gender", "birthday", "tag"];

/** What to show next to the field Rust rejected (its reasons are English, so they are recognised, not shown). */
export function invalidText(t: TFunction, field: string, reason: string): string {
  const max = /at most (\d+) characters/.exec(reason);
  if (max) return t("profile.invalid.tooLong", { max: max[1] });
  return KNOWN.includes(field) ? t(`profile.invalid.${field}`) : t("profile.invalid.other");
}
