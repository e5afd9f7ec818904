// Choices offered in Settings: common IANA time zones, currencies, and UI languages.
export const TIMEZONES: readonly string[] = [
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Bangkok",
  "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Asia/Dubai", "Europe/London", "Europe/Dublin", "Europe/Paris",
  "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Moscow", "America/New_York",
  "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto", "America/Vancouver",
  "America/Mexico_City", "America/Sao_Paulo", "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland", "UTC",
];

export const CURRENCIES: readonly string[] = [
  "CNY", "USD", "EUR", "GBP", "HKD", "TWD", "JPY", "KRW", "SGD", "MYR", "AUD", "CAD", "NZD", "CHF",
];

/** Keeps a saved value selectable even when it is not in the common list. */
export const withCurrent = (list: readonly string[], current: string | undefined): string[] =>
  current && !list.includes(current) ? [current, ...list] : [...list];

/** "CNY · 人民币" using the platform's own localized currency names. */
export function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "currency" }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}

/** Form value for "follow the system language" (the DTO stores null). */
export const SYSTEM_LANGUAGE = "system";
export const toFormLanguage = (language: string | null) => language ?? SYSTEM_LANGUAGE;
export const fromFormLanguage = (v: string): string | null => (v === SYSTEM_LANGUAGE ? null : v);
