// Ready-made starting points for segments a Chinese online seller often wants; names and hints are in segments.json.
import type { Filter } from "../../bindings/Filter";

export type SegmentTemplate = { id: string; filter: Filter };

export const SEGMENT_TEMPLATES: readonly SegmentTemplate[] = [
  {
    id: "sleepingRegulars",
    filter: {
      match: "all",
      rules: [
        { field: "stage", op: "in", values: ["sleeping", "churned"] },
        { field: "purchases", op: "gte", values: ["2"] },
      ],
    },
  },
  { id: "highValue", filter: { match: "all", rules: [{ field: "value", op: "gte", values: ["1000"] }] } },
  { id: "newIn30", filter: { match: "all", rules: [{ field: "first_purchase", op: "within_days", values: ["30"] }] } },
  {
    id: "atRisk",
    filter: { match: "all", rules: [{ field: "rfm", op: "in", values: ["at_risk", "cant_lose_them"] }] },
  },
];

/** A deep copy, so editing a prefilled filter never changes the template. */
export const templateFilter = (t: SegmentTemplate): Filter => JSON.parse(JSON.stringify(t.filter)) as Filter;
