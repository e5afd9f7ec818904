// Labels of stages and RFM groups (the lifecycle texts), and which field a rejected profile/tag edit is about.
import type { TFunction } from "i18next";
import { errorKey, errorParams, toErrorDto } from "../../../app/errors";

export { STAGE_COLORS } from "../customerColumns";

export const stageLabel = (t: TFunction, stage: string): string => t(`lifecycle.stage.${stage}`, { defaultValue: stage });
export const rfmLabel = (t: TFunction, group: string): string => t(`lifecycle.rfm.${group}.name`, { defaultValue: group });

/** The profile field each edit code is about; `profile.too_long` names its field in its details. */
const FIELD_OF: Record<string, string> = {
  "profile.email_invalid": "email",
  "profile.gender_invalid": "gender",
  "profile.birthday_invalid": "birthday",
  "tag.empty": "tag",
  "tag.too_long": "tag",
};

/** A rejected profile or tag edit: the field it is about and its text in the seller's language; null for other errors. */
export function fieldProblem(t: TFunction, error: unknown): { field: string; text: string } | null {
  const dto = toErrorDto(error);
  const params = errorParams(dto.details);
  const field = FIELD_OF[dto.code] ?? (dto.code === "profile.too_long" ? params.field : undefined);
  if (typeof field !== "string") return null;
  return { field, text: t(errorKey(dto.code), params) };
}
