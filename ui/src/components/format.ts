// Display-only formatting of IPC values: decimal strings, counts, stored UTC timestamps, months.
// Money and rates arrive as exact decimal strings; they are formatted, never computed with.

const DECIMAL = /^-?\d+(\.\d+)?$/;

type Fmt = Intl.NumberFormat & { format(value: number | bigint | string): string };

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Fmt {
  return new Intl.NumberFormat(locale, options) as Fmt;
}

/** "1234.5" → "¥1,234.50"; Intl formats the decimal string exactly. Unknown text is shown as is. */
export function formatMoney(value: string, currency: string, locale: string): string {
  if (!DECIMAL.test(value)) return value;
  try {
    return numberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return `${value} ${currency}`; // an unknown currency code
  }
}

/** Compact money for chart axes: "¥1.2万" / "¥12K". */
export function formatMoneyCompact(value: string, currency: string, locale: string): string {
  if (!DECIMAL.test(value)) return value;
  try {
    return numberFormat(locale, { style: "currency", currency, notation: "compact" }).format(value);
  } catch {
    return value;
  }
}

/** A fraction as a percent: "0.3512" → "35.1%". */
export function formatPercent(fraction: string, locale: string): string {
  if (!DECIMAL.test(fraction)) return fraction;
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}

/** A decimal string as a number to `digits` places at most ("1.2345" → "1.23"); Intl formats the string itself. */
export function formatDecimal(value: string, locale: string, digits = 2): string {
  if (!DECIMAL.test(value)) return value;
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export const formatCount = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

/** Parses the stored text of a time: RFC 3339, "YYYY-MM-DD HH:MM:SS" (UTC) or a bare date. */
export function parseStored(text: string): { date: Date; dateOnly: boolean } | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { date: new Date(`${s}T00:00:00Z`), dateOnly: true };
  const iso = s.replace(" ", "T");
  const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : { date, dateOnly: false };
}

type DateStyle = "medium" | "numeric" | "dateTime";

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: "medium" },
  numeric: { year: "numeric", month: "2-digit", day: "2-digit" },
  dateTime: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

/** The calendar day (and with `dateTime` the clock time) of a stored time in the shop's time zone, in the UI locale. */
export function formatDate(
  text: string | null, locale: string, timeZone: string, style: DateStyle = "medium",
): string {
  if (!text) return "";
  const parsed = parseStored(text);
  if (!parsed) return text;
  const zone = parsed.dateOnly ? "UTC" : timeZone;
  try {
    return new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone: zone }).format(parsed.date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone: "UTC" }).format(parsed.date);
  }
}

/** "2025-11" → "2025年11月" / "Nov 2025". */
export function formatMonth(month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

const BYTE_UNITS = ["kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A file size in the largest unit (1024 apart) that keeps it at 1 or more: "512 B", "1.5 kB", "12.3 MB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  if (value < 1024) return `${formatCount(value, locale)} B`; // Intl's short "byte" is the whole word in English
  let unit = -1;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: "unit", unit: BYTE_UNITS[unit], unitDisplay: "short", maximumFractionDigits: 1 })
    .format(value);
}
