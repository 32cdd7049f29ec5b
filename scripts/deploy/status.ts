// Reports on a space's installation: the transform's state and counters,
// the ML job and datafeed when installed, the results and latest beaconing
// signals, and which saved objects exist.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import type { Services } from "./apply.ts";
import type { HttpApi } from "./http-api.ts";
import { identifyElasticsearch, identifyKibana } from "./identify.ts";
import {
  readDatafeedState,
  readMlJobState,
  readSavedObjects,
  readSpaceExists,
  readTransformStats,
  type TransformStats,
} from "./installed-state.ts";
import { parseSavedObjects, refKey } from "./saved-objects.ts";
import type { SpaceRelease } from "./space-files.ts";

const LATEST_SIGNALS = 5;

export interface Signal {
  timestamp: string;
  host: string;
  process: string;
  score?: number;
  interval?: number;
}

export interface StatusReport {
  space: string;
  spaceExists: boolean;
  transformId: string;
  transform?: TransformStats;
  /** The optional anomaly-detection job and datafeed, when installed. */
  mlJob?: { id: string; state: string };
  datafeed?: { id: string; state: string };
  resultsIndex: string;
  /** Undefined when the results index does not exist. */
  resultCount?: number;
  latestSignals: Signal[];
  /** Both lists are empty when the Kibana space does not exist. */
  savedObjects: { present: string[]; missing: string[] };
}

export async function readStatus(
  release: SpaceRelease,
  services: Services,
): Promise<StatusReport> {
  const ids = deriveSpaceIds(release.space);
  const es = services.Elasticsearch;
  // A 404 from the wrong server would read as "not installed".
  await identifyElasticsearch(es);
  await identifyKibana(services.Kibana);
  const get = async (path: string) => {
    const response = await es.request({ method: "GET", path });
    return response.status === 404 ? undefined : response.body;
  };
  const spaceExists = await readSpaceExists(services.Kibana, release.space);
  const count = (await get(`/${ids.destIndex}/_count`)) as
    { count: number } | undefined;
  const mlJobState = await readMlJobState(get, ids.mlJobId);
  const datafeedState = await readDatafeedState(get, ids.datafeedId);
  return {
    space: release.space,
    spaceExists,
    transformId: ids.transformId,
    transform: await readTransformStats(get, ids.transformId),
    mlJob: stateOf(ids.mlJobId, mlJobState),
    datafeed: stateOf(ids.datafeedId, datafeedState),
    resultsIndex: ids.destIndex,
    resultCount: count?.count,
    latestSignals:
      count === undefined ? [] : await latestSignals(es, ids.destIndex),
    savedObjects: spaceExists
      ? await savedObjectStatus(release, services)
      : { present: [], missing: [] },
  };
}

function stateOf(id: string, state: string | undefined) {
  return state === undefined ? undefined : { id, state };
}

async function savedObjectStatus(
  release: SpaceRelease,
  services: Services,
): Promise<StatusReport["savedObjects"]> {
  const objects = parseSavedObjects(release.files[DASHBOARDS_FILE] ?? "");
  const found = await readSavedObjects(
    services.Kibana,
    deriveSpaceIds(release.space).kibanaPathPrefix,
    objects,
  );
  const keys = objects.map(refKey);
  return {
    present: keys.filter((key) => found[key] !== undefined),
    missing: keys.filter((key) => found[key] === undefined),
  };
}

interface ResultRow {
  "@timestamp"?: string;
  host?: { name?: string };
  process?: { name?: string };
  beacon_stats?: { beaconing_score?: number; interval?: number };
}

async function latestSignals(es: HttpApi, index: string): Promise<Signal[]> {
  const response = await es.request({
    method: "POST",
    path: `/${index}/_search`,
    body: {
      size: LATEST_SIGNALS,
      sort: [{ "@timestamp": { order: "desc" } }],
      query: { term: { "beacon_stats.is_beaconing": true } },
    },
  });
  const hits =
    (response.body as { hits?: { hits?: { _source: ResultRow }[] } }).hits
      ?.hits ?? [];
  return hits.map(({ _source: row }) => ({
    timestamp: row["@timestamp"] ?? "",
    host: row.host?.name ?? "",
    process: row.process?.name ?? "",
    score: row.beacon_stats?.beaconing_score,
    interval: row.beacon_stats?.interval,
  }));
}

/** True when the installation is complete and its transform has not failed. */
export function isHealthy(report: StatusReport): boolean {
  return (
    report.spaceExists &&
    report.transform !== undefined &&
    report.transform.state !== "failed" &&
    report.transform.health?.status !== "red" &&
    report.savedObjects.missing.length === 0
  );
}

export function statusLines(report: StatusReport): string[] {
  const t = report.transform;
  const lines = [`ML-Beaconing in the space "${report.space}"`];
  if (t === undefined)
    lines.push(`  transform ${report.transformId}: not installed`);
  else {
    const last = t.checkpointing?.last;
    const when = last?.timestamp_millis
      ? ` at ${new Date(last.timestamp_millis).toISOString()}`
      : "";
    lines.push(
      `  transform ${report.transformId}: ${t.state}, health ${t.health?.status ?? "unknown"}${t.reason ? ` (${t.reason})` : ""}`,
      `  last checkpoint: ${last?.checkpoint ?? "none"}${when}`,
      `  documents processed: ${t.stats?.documents_processed ?? 0}, search failures: ${t.stats?.search_failures ?? 0}, index failures: ${t.stats?.index_failures ?? 0}`,
    );
    for (const issue of t.health?.issues ?? [])
      lines.push(
        `  health issue: ${issue.issue}${issue.details ? `: ${issue.details}` : ""}`,
      );
  }
  lines.push(...mlLines(report));
  lines.push(
    report.resultCount === undefined
      ? `  results index ${report.resultsIndex}: does not exist`
      : `  results index ${report.resultsIndex}: ${report.resultCount} documents`,
  );
  for (const s of report.latestSignals) {
    lines.push(
      `  signal ${s.timestamp} host ${s.host} process ${s.process} score ${s.score ?? "?"} interval ${s.interval ?? "?"}`,
    );
  }
  lines.push(...savedObjectLines(report));
  return lines;
}

function mlLines(report: StatusReport): string[] {
  const lines: string[] = [];
  if (report.mlJob !== undefined)
    lines.push(
      `  anomaly-detection job ${report.mlJob.id}: ${report.mlJob.state}`,
    );
  if (report.datafeed !== undefined)
    lines.push(`  datafeed ${report.datafeed.id}: ${report.datafeed.state}`);
  return lines;
}

function savedObjectLines(report: StatusReport): string[] {
  if (!report.spaceExists) {
    return [
      `  saved objects: the Kibana space "${report.space}" does not exist; create it (Stack Management > Spaces) or pass the id of an existing space to --space`,
    ];
  }
  const { present, missing } = report.savedObjects;
  return [
    `  saved objects: ${present.length} present, ${missing.length} missing`,
    ...missing.map((key) => `  missing saved object ${key}`),
  ];
}
