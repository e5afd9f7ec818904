// Turns whatever an `invoke` rejected with into an ErrorDto and picks its localized text by code.
import type { i18n as I18n } from "i18next";
import type { ErrorDto } from "../bindings/ErrorDto";

function isErrorDto(e: unknown): e is ErrorDto {
  return typeof e === "object" && e !== null && typeof (e as ErrorDto).code === "string" &&
    typeof (e as ErrorDto).message === "string";
}

/** Normalises a rejection: Rust sends ErrorDto; plugins and the JS runtime send strings or Errors. */
export function toErrorDto(e: unknown): ErrorDto {
  if (isErrorDto(e)) return { code: e.code, message: e.message, details: e.details ?? null };
  const notInTauri = typeof window !== "undefined" && !("__TAURI_INTERNALS__" in window);
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
  return { code: notInTauri ? "ipc.unavailable" : "internal", message: message ?? "", details: null };
}

/** `errors.<code>` with dots kept, e.g. `errors.demo.not_empty`. */
export const errorKey = (code: string) => `errors.${code}`;

/** An error's details as interpolation values: `{{shop}}`, `{{conflicts}}`; lists joined for reading. */
export function errorParams(details: unknown): Record<string, string | number> {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return {};
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details as Record<string, unknown>)) {
    if (typeof v === "string" || typeof v === "number") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v.join(", ");
  }
  return out;
}

/** The localized message for an error, with its details filled in, or a generic one that names the code. */
export function localizeError(i18n: I18n, e: unknown): { title: string; dto: ErrorDto; known: boolean } {
  const dto = toErrorDto(e);
  const key = errorKey(dto.code);
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const found = i18n.getResource(lng, "translation", key);
  const title = typeof found === "string"
    ? i18n.t(key, errorParams(dto.details))
    : i18n.t("errors.unknown", { code: dto.code });
  return { title, dto, known: typeof found === "string" };
}

/** Where an error happened, from its details: the file, the row and the column, when Rust names them. */
export type ErrorPlace = { file?: string; row?: number; column?: string };

export function errorPlace(dto: ErrorDto): ErrorPlace {
  const d = dto.details;
  if (typeof d !== "object" || d === null) return {};
  const { file, row, column } = d as Record<string, unknown>;
  return {
    ...(typeof file === "string" && file !== "" ? { file } : {}),
    ...(typeof row === "number" ? { row } : {}),
    ...(typeof column === "string" && column !== "" ? { column } : {}),
  };
}

/** "File: a.csv · Row 12 · Column: 订单编号" in the current language; "" when the error names no place. */
export function describePlace(i18n: I18n, place: ErrorPlace): string {
  const parts: string[] = [];
  if (place.file) parts.push(i18n.t("errors.place.file", { file: place.file }));
  if (place.row !== undefined) parts.push(i18n.t("errors.place.row", { row: place.row }));
  if (place.column) parts.push(i18n.t("errors.place.column", { column: place.column }));
  return parts.join(" · ");
}
