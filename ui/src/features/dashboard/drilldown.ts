// Every dashboard number opens the customers behind it: the Filter (the segment language Rust compiles) for a
// cohort cell, a stage, a tier or the period's churned buyers, in the dashboard's scope, and the customer list's
// URL that carries it (`customersUrl`, the list's `?filter=`).
import type { Condition } from "../../bindings/Condition";
import type { Filter } from "../../bindings/Filter";
import type { Platform } from "../../bindings/Platform";
import { addDays, monthDays } from "./period";

export { customersUrl } from "../customers/customerQuery";

/** What the dashboard counts: one platform, one shop (by name, on its platform), or everything. */
export type Scope = { platform: Platform | null; shop: { name: string; platform: Platform } | null };
export const NO_SCOPE: Scope = { platform: null, shop: null };

/** The scope's conditions: the platform, and the shop when one is chosen. */
export function scopeRules(scope: Scope): Condition[] {
  const platform = scope.shop?.platform ?? scope.platform;
  return [
    ...(platform ? [{ field: "platform", op: "eq", values: [platform] } satisfies Condition] : []),
    ...(scope.shop ? [{ field: "shop", op: "eq", values: [scope.shop.name] } satisfies Condition] : []),
  ];
}

const all = (rules: Condition[], scope: Scope): Filter => ({ match: "all", rules: [...rules, ...scopeRules(scope)] });

/**
 * The buyers of a cohort (first purchase in `month`, `YYYY-MM`) and, with `index`, those of them who bought in the
 * month of `retention[index]`, which is month + index + 1.
 */
export function cohortFilter(month: string, index: number | null, scope: Scope = NO_SCOPE): Filter {
  const rules: Condition[] = [{ field: "first_purchase", op: "between", values: monthDays(month) }];
  if (index !== null) rules.push({ field: "bought_on", op: "between", values: monthDays(month, index + 1) });
  return all(rules, scope);
}

export const stageFilter = (stage: string, scope: Scope = NO_SCOPE): Filter =>
  all([{ field: "stage", op: "eq", values: [stage] }], scope);

export const tierFilter = (tier: string, scope: Scope = NO_SCOPE): Filter =>
  all([{ field: "tier", op: "eq", values: [tier] }], scope);

/**
 * The period's churned buyers who have not come back: a buyer churns `churnDays` + 1 days after their last
 * purchase, so those whose last purchase lies that far before a day of the period. `from` null: since the first
 * order. `to` is the period's last day, or today when that is earlier (churn days are never in the future).
 * Buyers who churned in the period and bought again later are in the count but cannot be in this filter.
 */
export function churnFilter(churnDays: number, from: string | null, to: string, scope: Scope = NO_SCOPE): Filter {
  const gap = churnDays + 1;
  const last = addDays(to, -gap);
  const rule: Condition = from
    ? { field: "last_purchase", op: "between", values: [addDays(from, -gap), last] }
    : { field: "last_purchase", op: "lte", values: [last] };
  return all([rule], scope);
}
