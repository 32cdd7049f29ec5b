// The artifacts a simulation needs, read from a space folder of a built
// bundle or rendered from the checked-out sources: the pivot transform, the
// Painless sources of its scripted metric and the ingest pipeline.

import { renderSpace } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates, TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import { toolchainVersion } from "../build/source-info.ts";

export interface ScriptSource {
  /** Stored script id, or a description of an inline script, for error messages. */
  id: string;
  source: string;
}

export interface SimulationArtifacts {
  transform: Record<string, unknown>;
  scripts: {
    init: ScriptSource;
    map: ScriptSource;
    combine: ScriptSource;
    reduce: ScriptSource;
  };
  /** Body of the destination pipeline, or null when the transform has none. */
  pipeline: Record<string, unknown> | null;
}

export class ArtifactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArtifactError";
  }
}

function parseJsonFile(
  files: Record<string, string>,
  file: string,
): Record<string, unknown> {
  const text = files[file];
  if (text === undefined)
    throw new ArtifactError(`${file} is missing from the space folder`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ArtifactError(
      `${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function scriptOf(
  files: Record<string, string>,
  spec: unknown,
  role: string,
): ScriptSource {
  const script = (spec ?? {}) as {
    id?: unknown;
    source?: unknown;
    lang?: unknown;
  };
  if (script.lang !== undefined && script.lang !== "painless") {
    throw new ArtifactError(
      `the ${role} of beacon_stats uses lang [${String(script.lang)}]; only painless is supported`,
    );
  }
  if (typeof script.source === "string")
    return {
      id: `${role} (inline in ${TRANSFORM_FILE})`,
      source: script.source,
    };
  if (typeof script.id !== "string")
    throw new ArtifactError(
      `the ${role} of beacon_stats has neither id nor source`,
    );
  const stored = parseJsonFile(files, `${script.id}.json`) as {
    script?: { source?: unknown; lang?: unknown };
  };
  if (typeof stored.script?.source !== "string") {
    throw new ArtifactError(`${script.id}.json has no script.source`);
  }
  return { id: script.id, source: stored.script.source };
}

/** Finds the single scripted_metric aggregation of the transform's pivot. */
export function scriptedMetricOf(
  transform: Record<string, unknown>,
): [string, Record<string, unknown>] {
  const aggregations = (transform.pivot ?? {}) as {
    aggregations?: Record<string, unknown>;
    aggs?: Record<string, unknown>;
  };
  const entries = Object.entries(
    aggregations.aggregations ?? aggregations.aggs ?? {},
  );
  const scripted = entries.filter(
    ([, agg]) =>
      typeof agg === "object" && agg !== null && "scripted_metric" in agg,
  );
  if (scripted.length !== 1) {
    throw new ArtifactError(
      `${TRANSFORM_FILE} must have exactly one scripted_metric aggregation, found ${scripted.length}`,
    );
  }
  const [name, agg] = scripted[0]!;
  return [
    name,
    (agg as { scripted_metric: Record<string, unknown> }).scripted_metric,
  ];
}

/** Reads the artifacts of one space folder, given as file texts by relative path. */
export function artifactsFromFiles(
  files: Record<string, string>,
): SimulationArtifacts {
  const transform = parseJsonFile(files, TRANSFORM_FILE);
  const [, metric] = scriptedMetricOf(transform);
  const pipelineId = (transform.dest as { pipeline?: unknown } | undefined)
    ?.pipeline;
  return {
    transform,
    scripts: {
      init: scriptOf(files, metric.init_script, "init_script"),
      map: scriptOf(files, metric.map_script, "map_script"),
      combine: scriptOf(files, metric.combine_script, "combine_script"),
      reduce: scriptOf(files, metric.reduce_script, "reduce_script"),
    },
    pipeline:
      typeof pipelineId === "string"
        ? parseJsonFile(files, `${pipelineId}.json`)
        : null,
  };
}

/** Renders the artifacts of `space` from the checked-out sources. */
export function artifactsFromSources(space: string): SimulationArtifacts {
  const templates = renderTemplates({ toolchainVersion: toolchainVersion() });
  return artifactsFromFiles(renderSpace(templates, space));
}
