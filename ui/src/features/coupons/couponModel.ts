// The coupon form's pure helpers: a new plan's form, a saved plan as a form, the form as the plan Rust checks (or what
// keeps it from being sent at all), a plan's target and rate source in words, and whether the redemptions matched in
// the imported orders are worth offering as its results. No plan is checked here: Rust checks each one as it estimates it.
import type { CouponEstimate } from "../../bindings/CouponEstimate";
import type { CouponKind } from "../../bindings/CouponKind";
import type { CouponPlan } from "../../bindings/CouponPlan";
import type { CouponResults } from "../../bindings/CouponResults";
import type { Target } from "../../bindings/Target";
import { addDays } from "../care/careModel";

/** Compiles only when `Missing` is `never`. */
type Exhaustive<Missing> = [Missing] extends [never] ? true : { missing: Missing };
const exhaustive = <Missing>(ok: Exhaustive<Missing>) => ok;

export const KINDS = ["amount_off", "discount"] as const satisfies readonly CouponKind[];
exhaustive<Exclude<CouponKind, (typeof KINDS)[number]>>(true);

/** The form as typed: numbers as text, so that what the seller typed stays on screen until it is a number. */
export type PlanForm = {
  id?: number;
  name: string;
  kind: CouponKind;
  threshold: string;
  amount: string;
  discount: string;
  quantity: number | null;
  valid_from: string;
  valid_to: string;
  target: Target | null;
  code: string;
};

/** How long a new plan is valid, in days after its first. */
export const NEW_PLAN_DAYS = 14;

/** A new plan: 满0减… for everyone from today for two weeks, 100 coupons; the seller fills in the rest. */
export function newForm(today: string): PlanForm {
  return {
    name: "", kind: "amount_off", threshold: "0", amount: "", discount: "", quantity: 100,
    valid_from: today, valid_to: addDays(today, NEW_PLAN_DAYS), target: null, code: "",
  };
}

export function formOf(p: CouponPlan): PlanForm {
  return {
    ...(p.id !== undefined ? { id: p.id } : {}),
    name: p.name, kind: p.kind, threshold: p.threshold, amount: p.amount ?? "", discount: p.discount ?? "",
    quantity: p.quantity, valid_from: p.valid_from, valid_to: p.valid_to, target: p.target, code: p.code ?? "",
  };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** What keeps a form from being sent at all: a number box holding no number (its field), or no quantity. */
export type Hold = { key: "coupons.editor.notNumber"; field: "threshold" | "amount" | "discount" } | { key: "coupons.editor.needQuantity" };

/** The form as the plan Rust checks and estimates, or why it cannot be sent. Empty optional boxes are left out. */
export function planOf(f: PlanForm): { plan: CouponPlan } | { hold: Hold } {
  const threshold = f.threshold.trim() || "0";
  if (!DECIMAL.test(threshold)) return { hold: { key: "coupons.editor.notNumber", field: "threshold" } };
  const value = (f.kind === "amount_off" ? f.amount : f.discount).trim();
  if (value && !DECIMAL.test(value)) return { hold: { key: "coupons.editor.notNumber", field: f.kind === "amount_off" ? "amount" : "discount" } };
  if (f.quantity === null || !Number.isFinite(f.quantity)) return { hold: { key: "coupons.editor.needQuantity" } };
  const plan: CouponPlan = {
    ...(f.id !== undefined ? { id: f.id } : {}),
    name: f.name, kind: f.kind, threshold, quantity: f.quantity, valid_from: f.valid_from, valid_to: f.valid_to, target: f.target,
  };
  if (value) plan[f.kind === "amount_off" ? "amount" : "discount"] = value;
  if (f.code.trim()) plan.code = f.code.trim();
  return { plan };
}

/** Who a plan is for, as an i18n key and its parameters. */
export function targetWords(target: Target | null): { key: string; params: Record<string, string> } {
  if (!target) return { key: "coupons.target.everyone", params: {} };
  if ("segment" in target) return { key: "coupons.target.segment", params: { name: target.segment } };
  if ("tier" in target) return { key: "coupons.target.tier", params: { name: target.tier } };
  return { key: "coupons.target.filter", params: {} };
}

/** Where the expected rate comes from: the shop's earlier plans (how many), or the documented default. */
export function rateSourceWords(e: Pick<CouponEstimate, "rate_source" | "history_plans">): { key: string; params: Record<string, number> } {
  return e.rate_source === "history"
    ? { key: "coupons.estimate.source.history", params: { count: e.history_plans } }
    : { key: "coupons.estimate.source.default", params: {} };
}

/** How the matched redemptions were found, as an i18n key and its counts; null when neither count is known (hand results). */
export function matchedBreakdown(m: Pick<CouponResults, "by_code" | "by_offer">): { key: string; code: number; offer: number } | null {
  const { by_code: code, by_offer: offer } = m;
  if (code > 0 && offer > 0) return { key: "coupons.matched.byBoth", code, offer };
  if (code > 0) return { key: "coupons.matched.byCode", code, offer };
  if (offer > 0) return { key: "coupons.matched.byOffer", code, offer };
  return null;
}

const FIGURES = ["redeemed", "cost", "orders", "revenue", "roi", "by_code", "by_offer"] as const satisfies readonly (keyof CouponResults)[];
exhaustive<Exclude<keyof CouponResults, (typeof FIGURES)[number] | "source">>(true);

/**
 * Whether to show what the imported orders matched (and offer it as the results): always, unless the results already
 * are those orders' figures.
 */
export function offersMatched(results: CouponResults | null, matched: CouponResults): boolean {
  return !(results?.source === "orders" && FIGURES.every((k) => results[k] === matched[k]));
}
