// Renders every artifact of the bundle as space-neutral template text, keyed
// by its path inside a space folder. The bundle generator turns these into
// the folder of each space.
import { indexTemplate, INDEX_TEMPLATE_ID } from "./index-template.ts";
import { ingestPipeline, INGEST_PIPELINE_ID } from "./ingest-pipeline.ts";
import { savedObjects } from "./kibana/index.ts";
import { rareProcessDatafeed, rareProcessJob } from "./ml-job.ts";
import type { BeaconingParameters } from "./parameters.ts";
import { STORED_SCRIPT_IDS, storedScript } from "./stored-scripts.ts";
import { pivotTransform } from "./transform.ts";

export const TRANSFORM_FILE = "ml_beaconing_pivot_transform.json";
export const DASHBOARDS_FILE = "ml_beaconing_dashboards.ndjson";
export const ML_JOB_FILE = "ml/ml_beaconing_rare_process_job.json";
export const ML_DATAFEED_FILE = "ml/ml_beaconing_rare_process_datafeed.json";

export interface ArtifactOptions {
  toolchainVersion: string;
  sourceIndex?: string[];
  parameters?: BeaconingParameters;
}

/** Pretty JSON with a final newline, as every JSON file of the bundle is written. */
export function jsonText(body: unknown): string {
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** One object per line, LF endings and a final newline. */
export function ndjsonText(objects: unknown[]): string {
  return objects.map((object) => `${JSON.stringify(object)}\n`).join("");
}

export function renderTemplates(
  options: ArtifactOptions,
): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const id of STORED_SCRIPT_IDS) {
    templates[`${id}.json`] = jsonText(storedScript(id));
  }
  templates[`${INGEST_PIPELINE_ID}.json`] = jsonText(ingestPipeline());
  templates[`${INDEX_TEMPLATE_ID}.json`] = jsonText(indexTemplate());
  templates[TRANSFORM_FILE] = jsonText(pivotTransform(options));
  templates[DASHBOARDS_FILE] = ndjsonText(savedObjects());
  templates[ML_JOB_FILE] = jsonText(rareProcessJob());
  templates[ML_DATAFEED_FILE] = jsonText(rareProcessDatafeed());
  return templates;
}
