// Reads what a space's installation currently has on the cluster, to plan
// an install, an upgrade or an uninstall. Reads only.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { STORED_SCRIPT_IDS } from "../../artifacts-src/stored-scripts.ts";
import { INDEX_TEMPLATE_ID } from "../../artifacts-src/index-template.ts";
import { INGEST_PIPELINE_ID } from "../../artifacts-src/ingest-pipeline.ts";
import type { HttpApi } from "./http-api.ts";
import type { MappingProperties } from "./mapping-plan.ts";
import { refKey, type SavedObjectRef } from "./saved-objects.ts";

export const TRANSFORM_ID_PATTERN = "ml_beaconing_pivot_transform*";

export interface TransformStats {
  id: string;
  /** started, indexing, stopping, stopped, aborting or failed. */
  state: string;
  reason?: string;
  health?: { status: string; issues?: { issue: string; details?: string }[] };
  checkpointing?: { last?: { checkpoint?: number; timestamp_millis?: number } };
  stats?: {
    documents_processed?: number;
    search_failures?: number;
    index_failures?: number;
  };
}

export interface InstalledState {
  indexTemplate?: unknown;
  scripts: Record<string, unknown>;
  pipeline?: unknown;
  transform?: Record<string, unknown>;
  transformStats?: TransformStats;
  /** Every ML-Beaconing transform on the cluster, with its configuration. */
  allTransforms: Record<string, unknown>[];
  /** Installed saved objects by `type/id`; absent ones are missing. */
  savedObjects: Record<string, Record<string, unknown>>;
  mlJobState?: string;
  datafeedState?: string;
  /** Mapping properties of the results index; undefined when it does not exist. */
  resultsMapping?: MappingProperties;
}

type Get = (path: string) => Promise<unknown>;

export async function readInstalledState(
  es: HttpApi,
  kibana: HttpApi,
  space: string,
  objects: SavedObjectRef[],
): Promise<InstalledState> {
  const ids = deriveSpaceIds(space);
  const get: Get = async (path) => {
    const response = await es.request({ method: "GET", path });
    return response.status === 404 ? undefined : response.body;
  };
  const transforms = (await get(
    `/_transform/${TRANSFORM_ID_PATTERN}?allow_no_match=true&size=1000`,
  )) as { transforms?: Record<string, unknown>[] } | undefined;
  const allTransforms = transforms?.transforms ?? [];
  return {
    indexTemplate: await readIndexTemplate(get),
    scripts: await readScripts(get),
    pipeline: (
      (await get(`/_ingest/pipeline/${INGEST_PIPELINE_ID}`)) as
        Record<string, unknown> | undefined
    )?.[INGEST_PIPELINE_ID],
    transform: allTransforms.find(
      (transform) => transform.id === ids.transformId,
    ),
    transformStats: await readTransformStats(get, ids.transformId),
    allTransforms,
    savedObjects: await readSavedObjects(kibana, ids.kibanaPathPrefix, objects),
    mlJobState: await readMlJobState(get, ids.mlJobId),
    datafeedState: await readDatafeedState(get, ids.datafeedId),
    resultsMapping: await readResultsMapping(es, ids.destIndex),
  };
}

async function readIndexTemplate(get: Get): Promise<unknown> {
  const body = (await get(`/_index_template/${INDEX_TEMPLATE_ID}`)) as
    { index_templates?: { index_template: unknown }[] } | undefined;
  return body?.index_templates?.[0]?.index_template;
}

async function readScripts(get: Get): Promise<Record<string, unknown>> {
  const scripts: Record<string, unknown> = {};
  for (const id of STORED_SCRIPT_IDS) {
    const body = (await get(`/_scripts/${id}`)) as
      { found?: boolean; script?: unknown } | undefined;
    if (body?.found) scripts[id] = { script: body.script };
  }
  return scripts;
}

export async function readTransformStats(
  get: Get,
  id: string,
): Promise<TransformStats | undefined> {
  const body = (await get(`/_transform/${id}/_stats`)) as
    { transforms?: TransformStats[] } | undefined;
  return body?.transforms?.[0];
}

/** Returns the job's state (opened, closed, failed, ...) or undefined when it does not exist. */
export function readMlJobState(get: Get, id: string) {
  return readState(get, `/_ml/anomaly_detectors/${id}/_stats`, "jobs");
}

/** Returns the datafeed's state (started, stopped, ...) or undefined when it does not exist. */
export function readDatafeedState(get: Get, id: string) {
  return readState(get, `/_ml/datafeeds/${id}/_stats`, "datafeeds");
}

async function readState(
  get: Get,
  path: string,
  key: string,
): Promise<string | undefined> {
  const body = (await get(path)) as
    Record<string, { state?: string }[]> | undefined;
  return body?.[key]?.[0]?.state;
}

/**
 * Reads the mapping properties of an index, or undefined when it does not
 * exist. The response is keyed by the concrete index name, which differs
 * from `index` when that is an alias.
 */
export async function readResultsMapping(
  es: HttpApi,
  index: string,
): Promise<MappingProperties | undefined> {
  const response = await es.request({
    method: "GET",
    path: `/${index}/_mapping`,
  });
  if (response.status === 404) return undefined;
  const body = response.body as Record<
    string,
    { mappings?: { properties?: MappingProperties } }
  >;
  const first = Object.values(body ?? {})[0];
  return first?.mappings?.properties ?? {};
}

export async function readSpaceExists(
  kibana: HttpApi,
  space: string,
): Promise<boolean> {
  const response = await kibana.request({
    method: "GET",
    path: `/api/spaces/space/${encodeURIComponent(space)}`,
  });
  return response.status === 200;
}

export async function readSavedObjects(
  kibana: HttpApi,
  prefix: string,
  objects: SavedObjectRef[],
): Promise<Record<string, Record<string, unknown>>> {
  if (objects.length === 0) return {};
  const response = await kibana.request({
    method: "POST",
    path: `${prefix}/api/saved_objects/_bulk_get`,
    body: objects.map(({ type, id }) => ({ type, id })),
  });
  const found: Record<string, Record<string, unknown>> = {};
  const body = response.body as {
    saved_objects?: (Record<string, unknown> & SavedObjectRef)[];
  };
  for (const object of body.saved_objects ?? []) {
    if (object.error === undefined) found[refKey(object)] = object;
  }
  return found;
}
