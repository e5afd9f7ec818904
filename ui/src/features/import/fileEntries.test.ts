// Chosen files → preview requests and grouped import calls; pasted paths cleaned; display names.
import { describe, expect, it } from "vitest";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { PreviewShop } from "../../bindings/PreviewShop";
import {
  addPaths, chosenShop, cleanPastedPath, fileName, importAnywayJobs, importJobs, importRequestFor, needsShop, previewRequest, removeEntry,
  updateEntry,
} from "./fileEntries";

const mapping = { columns: { order_id: "Ref", created_at: "Date", amount: "Total" }, date_format: null };
const preview = (p: Partial<ImportPreview>): ImportPreview => ({
  file: "/x.csv", format: "taobao_orders", platform: "taobao", encoding: "gb18030", headers: [], sample: [], orders: [], rejected: [], replaced: [],
  mapping: null, preset: null, file_shop: null, last_shop: null, shop: null, ...p,
});

describe("choosing files", () => {
  it("cleans pasted paths and skips blanks and duplicates", () => {
    expect(cleanPastedPath('  "C:\\Users\\me\\订单.csv" ')).toBe("C:\\Users\\me\\订单.csv");
    expect(cleanPastedPath("'/tmp/a b.csv'")).toBe("/tmp/a b.csv");
    const list = addPaths([], ["/a.csv", " ", "/b.xlsx", "/a.csv"]);
    expect(list.map((e) => e.path)).toEqual(["/a.csv", "/b.xlsx"]);
    expect(addPaths(list, ['"/a.csv"'])).toHaveLength(2);
    expect(removeEntry(list, "/a.csv").map((e) => e.path)).toEqual(["/b.xlsx"]);
    expect(updateEntry(list, "/b.xlsx", { editing: true })[1]).toEqual({ path: "/b.xlsx", mapping: null, editing: true });
  });
  it("shows the file name of Windows and Unix paths", () => {
    expect(fileName("C:\\exports\\ExportOrderList.csv")).toBe("ExportOrderList.csv");
    expect(fileName("exports/2026/orders.xlsx")).toBe("orders.xlsx");
  });
});

describe("requests", () => {
  it("previews by detection, or through the user's mapping as a generic file", () => {
    expect(previewRequest({ path: "/a", mapping: null, editing: false })).toEqual({ format: null, mapping: null, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false });
    expect(previewRequest({ path: "/a", mapping, editing: false })).toEqual({ format: "generic", mapping, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false });
  });
  it("imports exactly what the preview used (a saved preset included)", () => {
    expect(importRequestFor(preview({}), true)).toEqual({ format: "taobao_orders", mapping: null, strict: true, shop: null, allow_conflicts: false, replace_undecodable: false });
    expect(importRequestFor(preview({ format: "generic", mapping, preset: "Woo" }), false))
      .toEqual({ format: "generic", mapping, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false });
    expect(importRequestFor(preview({ format: null }), false)).toBeNull();
  });
  it("groups files with the same request into one call, in the order chosen", () => {
    const entries = addPaths([], ["/t1.csv", "/g.csv", "/t2.csv"]);
    const jobs = importJobs(entries, [preview({}), preview({ format: "generic", mapping }), preview({})], false);
    expect(jobs).toEqual([
      { paths: ["/t1.csv", "/t2.csv"], request: { format: "taobao_orders", mapping: null, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false } },
      { paths: ["/g.csv"], request: { format: "generic", mapping, strict: false, shop: null, allow_conflicts: false, replace_undecodable: false } },
    ]);
  });
  it("is not ready while a file is unread, unmapped or being edited", () => {
    const entries = addPaths([], ["/a.csv", "/b.csv"]);
    expect(importJobs(entries, [preview({}), undefined], false)).toBeNull();
    expect(importJobs(entries, [preview({}), preview({ format: null })], false)).toBeNull();
    expect(importJobs(updateEntry(entries, "/a.csv", { editing: true }), [preview({}), preview({})], false)).toBeNull();
    expect(importJobs([], [], false)).toBeNull();
  });
});

describe("shops", () => {
  const shop = (p: Partial<PreviewShop>): PreviewShop => ({
    shop_id: null, name: null, renames: null, new: false, remembered: false, choices: [], known: 0, conflicts: 0,
    elsewhere: [], ...p,
  });
  const two = shop({ choices: ["North", "South"] });
  it("previews in the shop picked, and imports into it; a file's own shop is null", () => {
    const entry = { path: "/a", mapping: null, editing: false, shop: "Outlet" };
    expect(previewRequest(entry).shop).toBe("Outlet");
    expect(previewRequest({ ...entry, shop: null }).shop).toBeNull();
    expect(chosenShop(entry, preview({ shop: two }))).toBe("Outlet");
    expect(chosenShop({ ...entry, shop: null }, preview({ shop: two }))).toBeNull();
  });
  it("imports into the shop the preview remembered among several, unless another is picked", () => {
    const [entry] = addPaths([], ["/s.csv"]);
    const remembered = preview({ shop: shop({ shop_id: 2, name: "South", remembered: true }) });
    expect(chosenShop(entry, remembered)).toBe("South");
    expect(importJobs([entry], [remembered], false)?.[0].request.shop).toBe("South");
    // The only shop, or the shop the file names: the request leaves it to Rust.
    expect(chosenShop(entry, preview({ shop: shop({ shop_id: 1, name: "North" }) }))).toBeNull();
  });
  it("is not ready until a shop is chosen among several, and groups files by shop", () => {
    const entries = addPaths([], ["/n.csv", "/s.csv"]);
    expect(needsShop(entries[0], preview({ shop: two }))).toBe(true);
    expect(importJobs(entries, [preview({ shop: two }), preview({ shop: two })], false)).toBeNull();
    const picked = updateEntry(updateEntry(entries, "/n.csv", { shop: "North" }), "/s.csv", { shop: "South" });
    expect(needsShop(picked[0], preview({ shop: two }))).toBe(false);
    const jobs = importJobs(picked, [preview({ shop: two }), preview({ shop: two })], false);
    expect(jobs?.map((j) => [j.paths, j.request.shop, j.request.allow_conflicts])).toEqual([
      [["/n.csv"], "North", false], [["/s.csv"], "South", false],
    ]);
  });
  it("imports anyway only the refused file, then the files the run had not reached", () => {
    const entries = addPaths([], ["/a.csv", "/b.csv", "/c.csv", "/d.csv"]);
    const previews = entries.map(() => preview({}));
    // a.csv and c.csv shared a call and were imported; b.csv was refused; d.csv was not reached.
    const jobs = importAnywayJobs(entries, previews, false, "/b.csv", new Set(["/a.csv", "/c.csv"]));
    expect(jobs?.map((j) => [j.paths, j.request.allow_conflicts])).toEqual([[["/b.csv"], true], [["/d.csv"], false]]);
    expect(importAnywayJobs(entries, previews, false, "/x.csv", new Set())).toBeNull();
    expect(importAnywayJobs(entries, previews, false, "/a.csv", new Set(["/a.csv"]))).toBeNull();
  });
  it("lets a file with undecodable bytes in with them replaced, and that file only", () => {
    const entries = addPaths([], ["/a.csv", "/b.csv"]);
    const previews = entries.map(() => preview({}));
    const jobs = importAnywayJobs(entries, previews, false, "/a.csv", new Set(), "undecodable");
    expect(jobs?.map((j) => [j.paths, j.request.replace_undecodable, j.request.allow_conflicts]))
      .toEqual([[["/a.csv"], true, false], [["/b.csv"], false, false]]);
    expect(previewRequest({ ...entries[0], replaceUndecodable: true }).replace_undecodable).toBe(true);
  });
});
