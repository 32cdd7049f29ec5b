// Reports on a space's installation: the transform's state and counters,
// the results and latest beaconing signals, and which saved objects exist.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import type { Services } from "./apply.ts";
import type { HttpApi } from "./http-api.ts";
import { identifyElasticsearch, identifyKibana } from "./identify.ts";
import {
  readSavedObjects,
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
  transformId: string;
  transform?: TransformStats;
  resultsIndex: string;
  /** Undefined when the results index does not exist. */
  resultCount?: number;
  latestSignals: Signal[];
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
  const objects = parseSavedObjects(release.files[DASHBOARDS_FILE] ?? "");
  const found = await readSavedObjects(
    services.Kibana,
    ids.kibanaPathPrefix,
    objects,
  );
  const keys = objects.map(refKey);
  const count = (await get(`/${ids.destIndex}/_count`)) as
    { count: number } | undefined;
  return {
    space: release.space,
    transformId: ids.transformId,
    transform: await readTransformStats(get, ids.transformId),
    resultsIndex: ids.destIndex,
    resultCount: count?.count,
    latestSignals:
      count === undefined ? [] : await latestSignals(es, ids.destIndex),
    savedObjects: {
      present: keys.filter((key) => found[key] !== undefined),
      missing: keys.filter((key) => found[key] === undefined),
    },
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
  lines.push(
    `  saved objects: ${report.savedObjects.present.length} present, ${report.savedObjects.missing.length} missing`,
  );
  for (const key of report.savedObjects.missing)
    lines.push(`  missing saved object ${key}`);
  return lines;
}
