// Query keys of every server query. The first element is the data-changed tag that makes it stale.
import type { CustomerQuery } from "../bindings/CustomerQuery";
import type { ImportRequest } from "../bindings/ImportRequest";

export const queryKeys = {
  info: () => ["info"] as const,
  settings: () => ["settings"] as const,
  dashboard: (shops: number[] | null = null) => ["stats", "dashboard", shops] as const,
  shops: () => ["shops", "list"] as const,
  customers: (query: CustomerQuery) => ["customers", query] as const,
  profile: (id: number) => ["customers", "profile", id] as const,
  tags: () => ["customers", "tags"] as const,
  stageThresholds: () => ["customers", "stage-thresholds"] as const,
  stagePreview: (t: unknown) => ["customers", "stage-preview", t] as const,
  rfm: () => ["customers", "rfm"] as const,
  segments: () => ["segments", "list"] as const,
  segmentCount: (filter: unknown) => ["customers", "segment-count", filter] as const,
  importHistory: () => ["imports", "history"] as const,
  mappingPresets: () => ["imports", "presets"] as const,
  /** Not under "imports": a preview reads a file, not the archive, so imports do not make it stale. */
  importPreview: (path: string, request: ImportRequest) => ["import-preview", path, request] as const,
};
