// The files chosen for import: adding (deduplicated, pasted paths cleaned), per-file mapping and shop, and
// the requests sent to Rust — a preview per file, then import calls grouped by identical request. Pure.
import type { ColumnMapping } from "../../bindings/ColumnMapping";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportRequest } from "../../bindings/ImportRequest";

export type FileEntry = {
  path: string;
  /** The user's own column mapping for this file; `null` = let the importer detect (or use a saved preset). */
  mapping: ColumnMapping | null;
  /** The mapping editor is open for this file. */
  editing: boolean;
  /**
   * The shop the seller picked for this file: a shop's name (a new name creates the shop), or `null` for the shop
   * the export names; absent until they pick, and then the preview's choice stands.
   */
  shop?: string | null;
  /** Read the file with its undecodable bytes replaced by U+FFFD (the seller asked, after `import.undecodable`). */
  replaceUndecodable?: boolean;
};

/** A path pasted from a file manager: surrounding quotes (Windows "Copy as path") and blanks removed. */
export function cleanPastedPath(text: string): string {
  const s = text.trim();
  const quoted = /^(["'])(.*)\1$/.exec(s);
  return (quoted ? quoted[2] : s).trim();
}

/** Adds paths not chosen yet, in order. */
export function addPaths(entries: readonly FileEntry[], paths: readonly string[]): FileEntry[] {
  const out = [...entries];
  for (const raw of paths) {
    const path = cleanPastedPath(raw);
    if (path && !out.some((e) => e.path === path)) out.push({ path, mapping: null, editing: false });
  }
  return out;
}

export function updateEntry(entries: readonly FileEntry[], path: string, patch: Partial<FileEntry>): FileEntry[] {
  return entries.map((e) => (e.path === path ? { ...e, ...patch } : e));
}

export const removeEntry = (entries: readonly FileEntry[], path: string): FileEntry[] =>
  entries.filter((e) => e.path !== path);

/** How a file is previewed: detection (with saved presets), or the user's mapping as a generic table; in the shop picked. */
export function previewRequest(entry: FileEntry): ImportRequest {
  const shop = entry.shop ?? null;
  const replace_undecodable = !!entry.replaceUndecodable;
  return entry.mapping
    ? { format: "generic", mapping: entry.mapping, strict: false, shop, allow_conflicts: false, replace_undecodable }
    : { format: null, mapping: null, strict: false, shop, allow_conflicts: false, replace_undecodable };
}

/**
 * The shop a file's orders go to, as the import request names it: the seller's pick; else the shop the preview
 * remembered among several; else `null` (the shop the export names, or the platform's only one).
 */
export function chosenShop(entry: FileEntry, preview: ImportPreview): string | null {
  if (entry.shop !== undefined) return entry.shop;
  return preview.shop?.remembered ? preview.shop.name : null;
}

/** A file whose platform has several shops, none picked and none named by the file: the seller must choose. */
export const needsShop = (entry: FileEntry, preview: ImportPreview) =>
  entry.shop === undefined && preview.shop !== null && preview.shop.name === null;

/** What importing a file sends: exactly what its preview used (format, and the mapping or preset), into its shop. */
export function importRequestFor(
  preview: ImportPreview, strict: boolean, shop: string | null = null, allowConflicts = false, replaceUndecodable = false,
): ImportRequest | null {
  if (preview.format === null) return null;
  return {
    format: preview.format, mapping: preview.mapping, strict, shop, allow_conflicts: allowConflicts,
    replace_undecodable: replaceUndecodable,
  };
}

export type ImportJob = { paths: string[]; request: ImportRequest };

/** How a refused file is let in: its conflicting rows rejected (`import.other_shop`), or its undecodable bytes replaced. */
export type LetIn = "conflicts" | "undecodable";

/**
 * After a file was refused (`refused`, its path): that file again, let in as the seller chose, and the files the
 * run had not reached, checked as usual. The files already imported (`done`, their paths) are not imported again.
 */
export function importAnywayJobs(
  entries: readonly FileEntry[], previews: ReadonlyArray<ImportPreview | undefined>, strict: boolean,
  refused: string, done: ReadonlySet<string>, how: LetIn = "conflicts",
): ImportJob[] | null {
  const left = entries.flatMap((entry, i) => (done.has(entry.path) ? [] : [[entry, previews[i]] as const]));
  if (!left.some(([entry]) => entry.path === refused)) return null;
  const letIn = (e: FileEntry) => (how === "undecodable" && e.path === refused ? { ...e, replaceUndecodable: true } : e);
  return importJobs(left.map(([e]) => letIn(e)), left.map(([, p]) => p), strict, how === "conflicts" ? refused : null);
}

/**
 * One `import_files` call per distinct request (files of one format and shop share a call and a backup),
 * in the order the files were chosen; `null` until every file has a usable preview and a shop.
 */
export function importJobs(
  entries: readonly FileEntry[], previews: ReadonlyArray<ImportPreview | undefined>, strict: boolean,
  allowConflictsIn: string | null = null,
): ImportJob[] | null {
  if (entries.length === 0) return null;
  const jobs = new Map<string, ImportJob>();
  for (let i = 0; i < entries.length; i++) {
    const preview = previews[i];
    const ready = preview && !entries[i].editing && !needsShop(entries[i], preview);
    const anyway = entries[i].path === allowConflictsIn;
    const replace = !!entries[i].replaceUndecodable;
    const request = ready ? importRequestFor(preview, strict, chosenShop(entries[i], preview), anyway, replace) : null;
    if (!request) return null;
    const key = JSON.stringify(request);
    const job = jobs.get(key) ?? { paths: [], request };
    job.paths.push(entries[i].path);
    jobs.set(key, job);
  }
  return [...jobs.values()];
}

/** The last part of a path, for display ("C:\\exports\\orders.csv" → "orders.csv"). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  return parts.at(-1) ?? path;
}
