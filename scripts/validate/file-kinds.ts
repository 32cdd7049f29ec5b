// Classification of bundle files by name, which selects their schema and checks.

export type FileKind =
  | { kind: "json"; schema: string }
  | { kind: "ndjson" }
  | { kind: "manifest" }
  | { kind: "other" };

const JSON_SCHEMAS: Record<string, string> = {
  "ml_beaconing_init_script.json": "stored-script.schema.json",
  "ml_beaconing_map_script.json": "stored-script.schema.json",
  "ml_beaconing_reduce_script.json": "stored-script.schema.json",
  "ml_beaconing_ingest_pipeline.json": "ingest-pipeline.schema.json",
  "ml_beaconing_index_template.json": "index-template.schema.json",
  "ml_beaconing_pivot_transform.json": "transform.schema.json",
  "ml_beaconing_rare_process_job.json": "ml-job.schema.json",
  "ml_beaconing_rare_process_datafeed.json": "ml-datafeed.schema.json",
};

/** File names of the artifacts of a space folder, for messages. */
export const ARTIFACT_FILE_NAMES = [
  ...Object.keys(JSON_SCHEMAS),
  "ml_beaconing_dashboards.ndjson",
];

export function baseName(filePath: string): string {
  return filePath.slice(filePath.lastIndexOf("/") + 1);
}

export function classify(filePath: string): FileKind {
  const name = baseName(filePath);
  const schema = JSON_SCHEMAS[name];
  if (schema) return { kind: "json", schema };
  if (name.endsWith(".ndjson")) return { kind: "ndjson" };
  if (filePath === "manifest.json") return { kind: "manifest" };
  return { kind: "other" };
}

// Kibana saved-object types and the schema of each.
export const SAVED_OBJECT_SCHEMAS: Record<string, string> = {
  "index-pattern": "kibana-index-pattern.schema.json",
  search: "kibana-search.schema.json",
  dashboard: "kibana-dashboard.schema.json",
};
