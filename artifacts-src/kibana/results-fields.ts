// Fields of the beaconing results index as the dashboards see them. The
// names and Elasticsearch types come from OUTPUT_FIELDS, the list the index
// template maps, so a Lens column cannot name a field the transform does
// not write.
import { OUTPUT_FIELDS, type OutputFieldType } from "../output-fields.ts";

export type ResultsField = keyof typeof OUTPUT_FIELDS & string;

/** Lens data type of each Elasticsearch field type of the results index. */
const LENS_DATA_TYPES = {
  date: "date",
  keyword: "string",
  ip: "ip",
  boolean: "boolean",
  long: "number",
  double: "number",
} as const satisfies Record<OutputFieldType, string>;

export type LensDataType = (typeof LENS_DATA_TYPES)[OutputFieldType];

/** Returns the Lens data type of a results field and throws for an unknown one. */
export function lensDataType(field: ResultsField): LensDataType {
  const type = OUTPUT_FIELDS[field];
  if (type === undefined) {
    throw new Error(
      `field ${JSON.stringify(field)} is not in the beaconing results index; ` +
        "use a name listed in artifacts-src/output-fields.ts",
    );
  }
  return LENS_DATA_TYPES[type];
}

/** KQL that selects the result documents that are beaconing signals. */
export const SIGNAL_QUERY = "beacon_stats.is_beaconing: true";
