// Cross-artifact checks of one space folder: the transform's stored scripts
// and pipeline are in the folder, the index template covers the destination
// index and maps every field written, and the query window matches the
// scripted metric's parameters.
import { TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import { OUTPUT_FIELDS } from "../../artifacts-src/output-fields.ts";
import type { Problem } from "../errors.ts";
import type { IndexTemplate } from "../schema/generated/index-template.ts";
import type { IngestPipeline } from "../schema/generated/ingest-pipeline.ts";
import type { Transform } from "../schema/generated/transform.ts";
import { findQueryWindow } from "./query-window.ts";

export interface SpaceArtifacts {
  folder: string;
  /** Space the folder is for, when its name or role determines it. */
  space?: string;
  transform: Transform;
  /** Parsed JSON of the folder's other files, by file name. */
  files: Record<string, unknown>;
  /** Text of every file of the folder, by path inside it. */
  texts: Record<string, string>;
  /** Saved-object ids the bundle's templates give this space, in order. */
  expectedSavedObjectIds?: string[];
}

const TEMPLATE_FILE = "ml_beaconing_index_template.json";

export function transformProblems(space: SpaceArtifacts): Problem[] {
  return [
    ...scriptProblems(space),
    ...pipelineProblems(space),
    ...windowProblems(space),
    ...templateProblems(space),
  ];
}

/** Returns the bundle path of a file of the space folder. */
export function at(space: SpaceArtifacts, file: string): string {
  return space.folder ? `${space.folder}/${file}` : file;
}

function scriptedMetrics(transform: Transform) {
  return Object.entries(transform.pivot.aggregations).flatMap(
    ([name, aggregation]) =>
      aggregation.scripted_metric
        ? [{ name, metric: aggregation.scripted_metric }]
        : [],
  );
}

function scriptProblems(space: SpaceArtifacts): Problem[] {
  const problems: Problem[] = [];
  for (const { name, metric } of scriptedMetrics(space.transform)) {
    for (const phase of [
      "init_script",
      "map_script",
      "combine_script",
      "reduce_script",
    ] as const) {
      const script = metric[phase];
      if (typeof script !== "object" || !("id" in script)) continue;
      if (space.files[`${script.id}.json`] !== undefined) continue;
      problems.push({
        code: "transform-script-missing",
        file: at(space, TRANSFORM_FILE),
        location: `/pivot/aggregations/${name}/scripted_metric/${phase}/id`,
        message: `the transform uses stored script '${script.id}', but the folder has no ${script.id}.json`,
        fix: `add ${script.id}.json or reference a stored script the bundle contains`,
      });
    }
  }
  return problems;
}

function pipelineProblems(space: SpaceArtifacts): Problem[] {
  const pipeline = space.transform.dest.pipeline;
  if (pipeline === undefined || space.files[`${pipeline}.json`] !== undefined)
    return [];
  return [
    {
      code: "transform-pipeline-missing",
      file: at(space, TRANSFORM_FILE),
      location: "/dest/pipeline",
      message: `the transform writes through ingest pipeline '${pipeline}', but the folder has no ${pipeline}.json`,
      fix: `add ${pipeline}.json or correct dest.pipeline`,
    },
  ];
}

export function windowProblems(space: SpaceArtifacts): Problem[] {
  return scriptedMetrics(space.transform).flatMap(({ name, metric }) => {
    const params = (metric.params ?? {}) as Record<string, unknown>;
    const buckets = Number(params.number_buckets_in_range);
    const length = Number(params.time_bucket_length);
    const timeField =
      typeof params.time_field === "string" ? params.time_field : "@timestamp";
    const file = at(space, TRANSFORM_FILE);
    const window = findQueryWindow(space.transform.source.query, timeField);
    const paramsPointer = `/pivot/aggregations/${name}/scripted_metric/params`;
    if (
      !Number.isInteger(buckets) ||
      !Number.isInteger(length) ||
      buckets <= 0 ||
      length <= 0
    ) {
      return [
        {
          code: "transform-params-invalid",
          file,
          location: paramsPointer,
          message:
            "number_buckets_in_range and time_bucket_length must be positive integers",
          fix: "set both parameters, for example 360 buckets of 60 seconds",
        },
      ];
    }
    if (window.kind === "found" && window.seconds === buckets * length)
      return [];
    const expected = `now-${buckets * length}s`;
    const message =
      window.kind === "found"
        ? `the query window ${window.text} is ${window.seconds} s, but number_buckets_in_range x time_bucket_length = ${buckets} x ${length} = ${buckets * length} s`
        : `the query has no range on ${timeField} of the form now-<duration> (${window.reason}), so the window cannot be checked against ${buckets} x ${length} s`;
    return [
      {
        code: "transform-window-mismatch",
        file,
        location: window.kind === "found" ? window.pointer : "/source/query",
        message,
        fix: `make the range gte ${expected}, or change the parameters at ${paramsPointer} to match the window`,
      },
    ];
  });
}

function templateProblems(space: SpaceArtifacts): Problem[] {
  const template = space.files[TEMPLATE_FILE] as IndexTemplate | undefined;
  const file = at(space, TEMPLATE_FILE);
  const destIndex = space.transform.dest.index;
  if (!template) {
    return [
      {
        code: "template-missing",
        file,
        location: "",
        message:
          "the folder has no index template, so the results index would rely on dynamic mapping",
        fix: `add ${TEMPLATE_FILE}`,
      },
    ];
  }
  const problems: Problem[] = [];
  if (
    !template.index_patterns.some((pattern) => globMatches(pattern, destIndex))
  ) {
    problems.push({
      code: "template-pattern-mismatch",
      file,
      location: "/index_patterns",
      message: `no index pattern of the template matches the transform's destination index '${destIndex}'`,
      fix: `add a pattern that matches '${destIndex}', such as 'ml_beaconing_*'`,
    });
  }
  for (const field of writtenFields(space)) {
    const mapped = mappedType(template, field);
    const expected = OUTPUT_FIELDS[field];
    if (mapped === undefined) {
      problems.push({
        code: "template-field-unmapped",
        file,
        location: "/template/mappings/properties",
        message: `the transform writes '${field}', which the template does not map`,
        fix: `map '${field}'${expected ? ` as ${expected}` : ""}`,
      });
    } else if (expected !== undefined && mapped !== expected) {
      problems.push({
        code: "template-field-type",
        file,
        location: `/template/mappings/properties/${field.split(".").join("/properties/")}/type`,
        message: `'${field}' is mapped as ${mapped}, but the transform writes a ${expected}`,
        fix: `map '${field}' as ${expected}`,
      });
    }
  }
  return problems;
}

/** Lists the fields of a result document: group keys, aggregations and pipeline fields. */
export function writtenFields(space: SpaceArtifacts): string[] {
  const { pivot } = space.transform;
  const fields = new Set(Object.keys(pivot.group_by));
  for (const [name, aggregation] of Object.entries(pivot.aggregations)) {
    if (!aggregation.scripted_metric) {
      fields.add(name);
      continue;
    }
    for (const field of Object.keys(OUTPUT_FIELDS)) {
      if (field.startsWith(`${name}.`)) fields.add(field);
    }
  }
  const pipelineName = space.transform.dest.pipeline;
  const pipeline = pipelineName
    ? (space.files[`${pipelineName}.json`] as IngestPipeline | undefined)
    : undefined;
  for (const processor of pipeline?.processors ?? []) {
    for (const options of Object.values(processor)) {
      const target = options.target_field ?? options.field;
      if (target && !target.startsWith("_")) fields.add(target);
    }
  }
  return [...fields].sort();
}

function mappedType(
  template: IndexTemplate,
  field: string,
): string | undefined {
  let properties = template.template.mappings?.properties;
  const parts = field.split(".");
  for (const [index, part] of parts.entries()) {
    const mapping = properties?.[part];
    if (!mapping) return undefined;
    if (index === parts.length - 1)
      return mapping.type ?? (mapping.properties ? "object" : undefined);
    properties = mapping.properties;
  }
  return undefined;
}

function globMatches(pattern: string, name: string): boolean {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(name);
}
