// Finds the version-gated features in the request bodies of the
// Elasticsearch artifacts: what the built file contains, not what its
// source meant to write.
import { getPath, isObject, walkJson } from "./walk.ts";

/** A gated feature found at a JSON pointer of one artifact. */
export interface Found {
  feature: string;
  pointer: string;
  /** Version this use needs when it is not the feature's first version. */
  requires?: string;
}

const TRANSFORM_OPTIONS: [path: string[], feature: string][] = [
  [["frequency"], "transform.frequency"],
  [["dest", "pipeline"], "transform.dest.pipeline"],
  [["dest", "aliases"], "transform.dest.aliases"],
  [
    ["settings", "max_page_search_size"],
    "transform.settings.max_page_search_size",
  ],
  [
    ["settings", "num_failure_retries"],
    "transform.settings.num_failure_retries",
  ],
  [["settings", "unattended"], "transform.settings.unattended"],
  [["retention_policy"], "transform.retention_policy"],
  [["_meta"], "transform._meta"],
];

const PROCESSOR_FEATURES: Record<string, string> = {
  fingerprint: "ingest.processor.fingerprint",
};

const SCRIPT_KEYS = [
  "init_script",
  "map_script",
  "combine_script",
  "reduce_script",
];

export function transformFeatures(body: unknown): Found[] {
  const found: Found[] = [{ feature: "transform.api", pointer: "" }];
  for (const [path, feature] of TRANSFORM_OPTIONS) {
    if (getPath(body, path) !== undefined) {
      found.push({ feature, pointer: `/${path.join("/")}` });
    }
  }
  found.push(...scriptedMetricFeatures(getPath(body, ["pivot"]), "/pivot"));
  found.push(
    ...queryFeatures(getPath(body, ["source", "query"]), "/source/query"),
  );
  return found;
}

function scriptedMetricFeatures(pivot: unknown, base: string): Found[] {
  const found: Found[] = [];
  walkJson(pivot, (key, value, pointer) => {
    if (key !== "scripted_metric" || !isObject(value)) return;
    found.push({
      feature: "transform.pivot.scripted_metric",
      pointer: base + pointer,
    });
    for (const scriptKey of SCRIPT_KEYS) {
      if (getPath(value, [scriptKey, "id"]) === undefined) continue;
      found.push({
        feature: "aggregation.scripted_metric.stored_script",
        pointer: `${base}${pointer}/${scriptKey}/id`,
      });
    }
  });
  return found;
}

/** Finds queries on the `_tier` metadata field, in any query clause. */
export function queryFeatures(query: unknown, base: string): Found[] {
  const found: Found[] = [];
  walkJson(query, (key, value, pointer) => {
    const tierKey = key === "_tier";
    const tierField = key === "field" && value === "_tier";
    if (tierKey || tierField) {
      found.push({ feature: "query.tier_field", pointer: base + pointer });
    }
  });
  return found;
}

export function pipelineFeatures(body: unknown): Found[] {
  const found: Found[] = [];
  walkJson(body, (key, value, pointer) => {
    if ((key !== "processors" && key !== "on_failure") || !Array.isArray(value))
      return;
    value.forEach((processor, index) => {
      if (!isObject(processor)) return;
      for (const type of Object.keys(processor)) {
        const feature = PROCESSOR_FEATURES[type];
        if (feature)
          found.push({ feature, pointer: `${pointer}/${index}/${type}` });
      }
    });
  });
  return found;
}

export function indexTemplateFeatures(body: unknown): Found[] {
  const found: Found[] = [
    { feature: "index_template.composable", pointer: "" },
  ];
  const settings = getPath(body, ["template", "settings"]);
  if (getPath(settings, ["index.hidden"]) !== undefined) {
    found.push({
      feature: "index_template.setting.index_hidden",
      pointer: "/template/settings/index.hidden",
    });
  } else if (getPath(settings, ["index", "hidden"]) !== undefined) {
    found.push({
      feature: "index_template.setting.index_hidden",
      pointer: "/template/settings/index/hidden",
    });
  }
  return found;
}

export function mlJobFeatures(body: unknown): Found[] {
  const found: Found[] = [];
  const detectors = getPath(body, ["analysis_config", "detectors"]);
  if (Array.isArray(detectors)) {
    detectors.forEach((detector, index) => {
      const name = getPath(detector, ["function"]);
      if (name === "rare" || name === "freq_rare") {
        found.push({
          feature: "ml.detector.rare",
          pointer: `/analysis_config/detectors/${index}/function`,
        });
      }
    });
  }
  if (getPath(body, ["allow_lazy_open"]) !== undefined) {
    found.push({
      feature: "ml.job.allow_lazy_open",
      pointer: "/allow_lazy_open",
    });
  }
  return found;
}

export function datafeedFeatures(body: unknown): Found[] {
  return queryFeatures(getPath(body, ["query"]), "/query");
}
