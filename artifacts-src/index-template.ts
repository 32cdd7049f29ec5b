import type { IndexTemplate } from "../scripts/schema/generated/index-template.ts";
import { OUTPUT_FIELDS, type OutputFieldType } from "./output-fields.ts";

export const INDEX_TEMPLATE_ID = "ml_beaconing_index_template";
// Matches the results index of every space, ml_beaconing_<space>.
export const RESULTS_INDEX_PATTERN = "ml_beaconing_*";

type Mapping = NonNullable<
  NonNullable<IndexTemplate["template"]["mappings"]>["properties"]
>;

/** Nests dotted field names into the object mappings Elasticsearch stores. */
export function nestMappings(
  fields: Readonly<Record<string, OutputFieldType>>,
): Mapping {
  const root: Mapping = {};
  for (const [name, type] of Object.entries(fields).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const parts = name.split(".");
    const leaf = parts.pop() as string;
    let level = root;
    for (const part of parts) {
      const parent = (level[part] ??= { properties: {} });
      level = parent.properties ??= {};
    }
    level[leaf] = type === "keyword" ? { type, ignore_above: 1024 } : { type };
  }
  return root;
}

export function indexTemplate(): IndexTemplate {
  return {
    index_patterns: [RESULTS_INDEX_PATTERN],
    priority: 200,
    _meta: {
      managed_by: "ml-beaconing",
      description: "Results of the ML-Beaconing pivot transforms",
    },
    template: {
      settings: { "index.number_of_shards": 1, "index.hidden": false },
      mappings: {
        // An unmapped field is kept in _source but never gets a guessed
        // type; the validator checks that every output field is mapped.
        dynamic: false,
        properties: nestMappings(OUTPUT_FIELDS),
      },
    },
  };
}
