// Pure rules of segment filters: which operators a field takes and the fixed vocabularies come from Rust
// (bindings/filterSchema.ts, generated from `Field::kind` and `Op::fits`); here, how many values each operator
// needs, when a filter is complete enough to ask Rust, and defaults when a field or op changes.
import type { Condition } from "../../bindings/Condition";
import type { Field } from "../../bindings/Field";
import type { Filter } from "../../bindings/Filter";
import type { Op } from "../../bindings/Op";
import type { Rule } from "../../bindings/Rule";
import { FIELD_KINDS, OPS_BY_KIND, VOCABULARIES, type FieldKind } from "../../bindings/filterSchema";

export type { FieldKind };
export { OPS_BY_KIND, VOCABULARIES };

/** Fields in the order the field picker groups them. */
export const FIELD_GROUPS: readonly { key: string; fields: readonly Field[] }[] = [
  { key: "customer", fields: ["stage", "rfm", "platform", "shop", "tag", "tier", "nick", "gender", "province", "city", "birthday_month", "dnd"] },
  { key: "spend", fields: ["value", "purchases", "orders", "rfm_r", "rfm_f", "rfm_m"] },
  { key: "dates", fields: ["first_purchase", "last_purchase", "first_order", "last_order", "bought_on"] },
  { key: "forecast", fields: ["p_alive", "expected_90d", "clv"] },
  { key: "items", fields: ["item", "category"] },
];

export const fieldKind = (field: Field): FieldKind => FIELD_KINDS[field];
export const opsFor = (field: Field): readonly Op[] => OPS_BY_KIND[fieldKind(field)];
export const opFits = (field: Field, op: Op): boolean => opsFor(field).includes(op);
export const isGroup = (rule: Rule): rule is Filter => "rules" in rule;
export const emptyFilter = (): Filter => ({ match: "all", rules: [] });

/** How many values an op takes on a field: none, exactly one or two, or one and more ("many"). */
export type Arity = "none" | "one" | "two" | "many";
export function arity(field: Field, op: Op): Arity {
  if (op === "is_set" || op === "not_set") return "none";
  if (fieldKind(field) === "flag") return "one"; // Rust wants exactly one true/false, even for `in`
  if (op === "between") return "two";
  if (op === "in" || op === "not_in") return "many";
  return "one";
}

/** What each value is, which decides the input and the check. */
export type ValueType = "none" | "days" | "date" | "number" | "choice" | "text" | "flag";
export function valueType(field: Field, op: Op): ValueType {
  if (arity(field, op) === "none") return "none";
  if (op === "within_days" || op === "older_than_days") return "days";
  const kind = fieldKind(field);
  return kind === "choice" ? "choice" : kind;
}

/** A value is there, and in the field's vocabulary when Rust has one; whether "lots" is a number is Rust's to say. */
function valueOk(field: Field, v: string): boolean {
  const s = v.trim();
  return s !== "" && (VOCABULARIES[field]?.includes(s) ?? true);
}

/**
 * Whether a condition is filled in enough to ask Rust: its op fits its field and it has the values the op needs.
 * A value Rust cannot read (a number that is none) comes back as its `filter.*` code.
 */
export function conditionComplete(c: Condition): boolean {
  if (!opFits(c.field, c.op)) return false;
  const n = c.values.length;
  const ok = { none: n === 0, one: n === 1, two: n === 2, many: n >= 1 }[arity(c.field, c.op)];
  return ok && c.values.every((v) => valueOk(c.field, v));
}

/** Every condition, in every group at any depth, is complete (an empty filter matches everyone). */
export function isComplete(filter: Filter): boolean {
  return filter.rules.every((r) => (isGroup(r) ? isComplete(r) : conditionComplete(r)));
}

/** Whether the filter holds at least one condition somewhere. */
export function hasConditions(filter: Filter): boolean {
  return filter.rules.some((r) => (isGroup(r) ? hasConditions(r) : true));
}

const DEFAULT_OP: Record<FieldKind, Op> = { choice: "in", text: "contains", number: "gte", date: "within_days", flag: "eq" };
const DEFAULT_VALUES: Partial<Record<FieldKind, string[]>> = { date: ["30"], flag: ["true"] };

/** A new condition on a field: its most useful op, and values only where one is obvious. */
export function defaultCondition(field: Field): Condition {
  const kind = fieldKind(field);
  return { field, op: DEFAULT_OP[kind], values: [...(DEFAULT_VALUES[kind] ?? [])] };
}

/** Changing the field starts over: the new field's default op and values. */
export function withField(c: Condition, field: Field): Condition {
  return field === c.field ? c : defaultCondition(field);
}

/** Changing the op keeps the values when they still mean the same thing, trimmed to what the op takes. */
export function withOp(c: Condition, op: Op): Condition {
  const before = valueType(c.field, c.op);
  const after = valueType(c.field, op);
  const max = { none: 0, one: 1, two: 2, many: Infinity }[arity(c.field, op)];
  const values = before === after ? c.values.slice(0, max) : op === "within_days" || op === "older_than_days" ? ["30"] : [];
  return { ...c, op, values };
}

/** A group to nest: the other match than its parent's, starting with one condition. */
export function newGroup(parent: Filter): Filter {
  return { match: parent.match === "all" ? "any" : "all", rules: [defaultCondition("stage")] };
}
