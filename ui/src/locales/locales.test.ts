// Both languages must have exactly the same keys, no empty text, and the same {{variables}}, across all
// their files; and each file must exist in both languages.
import { describe, expect, it } from "vitest";
import { enUS as en, zhCN as zh } from "./resources";

type Tree = { [k: string]: unknown };

function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (Array.isArray(tree)) tree.forEach((v, i) => flatten(v, `${prefix}[${i}]`).forEach((s, k) => out.set(k, s)));
  else for (const [k, v] of Object.entries(tree as Tree)) flatten(v, prefix ? `${prefix}.${k}` : k).forEach((s, kk) => out.set(kk, s));
  return out;
}
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const z = flatten(zh);
  const e = flatten(en);

  it("have the same key set", () => {
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
    expect(z.size).toBeGreaterThan(100);
  });
  it("come in the same files", () => {
    const names = (files: Record<string, unknown>) => Object.keys(files).map((p) => p.split("/").pop()).sort();
    expect(names(import.meta.glob("./zh-CN/*.json"))).toEqual(names(import.meta.glob("./en-US/*.json")));
  });
  it("have no empty strings", () => {
    for (const [k, v] of [...z, ...e]) expect(v.trim(), k).not.toBe("");
  });
  it("use the same interpolation variables", () => {
    for (const [k, v] of z) expect(vars(v), k).toEqual(vars(e.get(k) ?? ""));
  });
  it("Chinese text is Chinese (nav and key terms)", () => {
    expect(z.get("nav.customers")).toBe("客户");
    expect(z.get("nav.tiers")).toBe("会员等级");
    expect(z.get("nav.care")).toBe("关怀");
    expect(z.get("nav.activities")).toBe("群活动");
    expect(z.get("nav.coupons")).toBe("优惠券");
    expect(z.get("dashboard.stat.aov")).toBe("客单价");
    expect(z.get("dashboard.stat.repurchase")).toBe("复购率");
  });
});
