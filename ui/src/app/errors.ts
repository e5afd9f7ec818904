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

/** The localized message for an error, or a generic one that names the code. */
export function localizeError(i18n: I18n, e: unknown): { title: string; dto: ErrorDto } {
  const dto = toErrorDto(e);
  const key = errorKey(dto.code);
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const found = i18n.getResource(lng, "translation", key);
  const title = typeof found === "string" ? i18n.t(key) : i18n.t("errors.unknown", { code: dto.code });
  return { title, dto };
}
