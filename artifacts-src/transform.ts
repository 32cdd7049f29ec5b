import type { Transform } from "../scripts/schema/generated/transform.ts";
import { INGEST_PIPELINE_ID } from "./ingest-pipeline.ts";
import {
  DEFAULT_PARAMETERS,
  windowSeconds,
  type BeaconingParameters,
} from "./parameters.ts";
import { DEST_INDEX } from "./placeholders.ts";
import { combineScriptSource } from "./stored-scripts.ts";
import { sourceQuery } from "./transform-query.ts";

export const DEFAULT_SOURCE_INDEX = ["logs-*"];

export interface TransformOptions {
  sourceIndex?: string[];
  parameters?: BeaconingParameters;
  toolchainVersion: string;
}

export function pivotTransform(options: TransformOptions): Transform {
  const parameters = options.parameters ?? DEFAULT_PARAMETERS;
  return {
    description:
      "ML-Beaconing: tests the network traffic of each host and process for regular call-home patterns.",
    source: {
      index: options.sourceIndex ?? DEFAULT_SOURCE_INDEX,
      query: sourceQuery(windowSeconds(parameters)),
    },
    dest: { index: DEST_INDEX, pipeline: INGEST_PIPELINE_ID },
    frequency: "1h",
    sync: { time: { field: "@timestamp", delay: "120s" } },
    settings: { max_page_search_size: 500 },
    _meta: {
      managed_by: "ml-beaconing",
      toolchain_version: options.toolchainVersion,
    },
    pivot: {
      group_by: {
        "host.name": { terms: { field: "host.name" } },
        "process.name": { terms: { field: "process.name" } },
      },
      aggregations: {
        "@timestamp": { max: { field: "@timestamp" } },
        "event.ingested": { max: { field: "event.ingested" } },
        beacon_stats: {
          scripted_metric: {
            init_script: { id: "ml_beaconing_init_script" },
            map_script: { id: "ml_beaconing_map_script" },
            combine_script: { source: combineScriptSource(), lang: "painless" },
            reduce_script: { id: "ml_beaconing_reduce_script" },
            params: { ...parameters },
          },
        },
      },
    },
  };
}
