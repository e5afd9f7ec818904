// The filter rules match laoke-core: operators per field kind, value counts, completeness, and field/op changes.
import { describe, expect, it } from "vitest";
import type { Condition } from "../../bindings/Condition";
import type { Field } from "../../bindings/Field";
import type { Filter } from "../../bindings/Filter";
import {
  arity, conditionComplete, defaultCondition, FIELD_GROUPS, fieldKind, hasConditions, isComplete, newGroup, opFits, opsFor,
  withField, withOp,
} from "./filterModel";

const c = (field: Field, op: Condition["op"], ...values: string[]): Condition => ({ field, op, values });
const all = (...rules: Filter["rules"]): Filter => ({ match: "all", rules });

describe("operators per field", () => {
  it("follow Rust's Op::fits for each kind", () => {
    expect(opsFor("stage")).toEqual(["eq", "ne", "in", "not_in", "is_set", "not_set"]);
    expect(opsFor("city")).toEqual(opsFor("platform"));
    expect(opsFor("item")).toEqual(["eq", "ne", "in", "not_in", "contains", "is_set", "not_set"]);
    expect(opsFor("value")).toEqual(["eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between", "is_set", "not_set"]);
    expect(opsFor("last_order")).toEqual(
      ["eq", "gt", "gte", "lt", "lte", "between", "is_set", "not_set", "within_days", "older_than_days"]);
    expect(opsFor("dnd")).toEqual(["eq", "ne", "in"]);
  });
  it("refuse what Rust refuses", () => {
    expect(opFits("tag", "contains")).toBe(false);
    expect(opFits("first_purchase", "ne")).toBe(false);
    expect(opFits("first_purchase", "in")).toBe(false);
    expect(opFits("purchases", "within_days")).toBe(false);
    expect(opFits("dnd", "is_set")).toBe(false);
    expect(opFits("nick", "contains")).toBe(true);
  });
  it("cover every field exactly once in the picker, each with a kind", () => {
    const fields = FIELD_GROUPS.flatMap((g) => g.fields);
    expect(new Set(fields).size).toBe(28);
    expect(fields.length).toBe(28);
    expect(fieldKind("bought_on")).toBe("date");
    expect(fieldKind("p_alive")).toBe("number");
    expect(fields.map(fieldKind).every(Boolean)).toBe(true);
    expect(fieldKind("birthday_month")).toBe("number");
    expect(fieldKind("rfm")).toBe("choice");
    expect(fieldKind("shop")).toBe("choice");
  });
  it("take the right number of values", () => {
    expect(arity("stage", "is_set")).toBe("none");
    expect(arity("value", "between")).toBe("two");
    expect(arity("tag", "not_in")).toBe("many");
    expect(arity("dnd", "in")).toBe("one");
    expect(arity("last_purchase", "within_days")).toBe("one");
  });
});

describe("isComplete", () => {
  it("accepts filled conditions at any depth, and the empty filter", () => {
    expect(isComplete(all())).toBe(true);
    expect(isComplete(all(
      c("stage", "in", "sleeping", "churned"),
      { match: "any", rules: [c("value", "between", "100", "500.5"), { match: "all", rules: [c("dnd", "eq", "false")] }] },
      c("first_purchase", "between", "2025-01-01", "2025-03-31"),
      c("last_purchase", "older_than_days", "180"),
      c("city", "is_set"),
      c("tag", "in", "回头客"),
    ))).toBe(true);
  });
  it("waits for missing or extra values and words out of the vocabulary, even deep in a group", () => {
    expect(conditionComplete(c("stage", "in"))).toBe(false);
    expect(conditionComplete(c("stage", "in", "asleep"))).toBe(false); // not in the vocabulary
    expect(conditionComplete(c("value", "between", "100"))).toBe(false);
    expect(conditionComplete(c("value", "between", "", "100"))).toBe(false);
    // Whether these read as a number, a date or days is Rust's to say (filter.not_a_number …).
    expect(conditionComplete(c("value", "gte", "lots"))).toBe(true);
    expect(conditionComplete(c("first_order", "eq", "2025/01/01"))).toBe(true);
    expect(conditionComplete(c("dnd", "in", "true", "false"))).toBe(false);
    expect(conditionComplete(c("dnd", "eq", "yes-please"))).toBe(false);
    expect(conditionComplete(c("city", "is_set", "杭州市"))).toBe(false);
    expect(conditionComplete(c("nick", "contains", "  "))).toBe(false);
    expect(conditionComplete(c("tag", "contains", "x"))).toBe(false); // op does not fit
    expect(isComplete(all(c("stage", "in", "new"), { match: "any", rules: [c("value", "gte")] }))).toBe(false);
  });
  it("hasConditions looks inside groups", () => {
    expect(hasConditions(all({ match: "any", rules: [] }))).toBe(false);
    expect(hasConditions(all({ match: "any", rules: [c("city", "is_set")] }))).toBe(true);
  });
});

describe("defaults", () => {
  it("a new field resets op and values to its kind's default", () => {
    expect(withField(c("stage", "in", "sleeping"), "value")).toEqual(c("value", "gte"));
    expect(withField(c("value", "gte", "5"), "last_purchase")).toEqual(c("last_purchase", "within_days", "30"));
    expect(withField(c("value", "gte", "5"), "dnd")).toEqual(c("dnd", "eq", "true"));
    expect(withField(c("value", "gte", "5"), "item")).toEqual(c("item", "contains"));
    expect(withField(c("value", "gte", "5"), "platform")).toEqual(c("platform", "in"));
    const same = c("stage", "in", "new");
    expect(withField(same, "stage")).toBe(same);
    expect(defaultCondition("tag")).toEqual(c("tag", "in"));
  });
  it("a new op keeps values of the same meaning, trimmed to what it takes", () => {
    expect(withOp(c("stage", "in", "new", "loyal"), "eq")).toEqual(c("stage", "eq", "new"));
    expect(withOp(c("stage", "eq", "new"), "not_in")).toEqual(c("stage", "not_in", "new"));
    expect(withOp(c("stage", "in", "new"), "is_set")).toEqual(c("stage", "is_set"));
    expect(withOp(c("value", "gte", "100"), "between")).toEqual(c("value", "between", "100"));
    expect(withOp(c("first_order", "eq", "2025-01-01"), "within_days")).toEqual(c("first_order", "within_days", "30"));
    expect(withOp(c("first_order", "within_days", "7"), "older_than_days")).toEqual(c("first_order", "older_than_days", "7"));
    expect(withOp(c("first_order", "within_days", "7"), "gte")).toEqual(c("first_order", "gte"));
  });
  it("a nested group takes the other match and starts with one condition", () => {
    expect(newGroup(all())).toEqual({ match: "any", rules: [c("stage", "in")] });
    expect(newGroup({ match: "any", rules: [] }).match).toBe("all");
  });
});
