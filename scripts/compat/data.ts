// The compatibility data kept in compat-data/: the Stack minor lines and the
// feature gates, each checked against its schema when first read.
import { readFileSync } from "node:fs";
import type {
  Feature,
  FeatureGates,
} from "../schema/generated/compat-feature-gates.ts";
import type {
  Line,
  StackLines,
} from "../schema/generated/compat-stack-lines.ts";
import { formatProblems } from "../errors.ts";
import { schemaProblems } from "../validate/schemas.ts";

export type { Feature, Line };

const DATA_FOLDER = new URL("../../compat-data/", import.meta.url);

function readData<T>(file: string, schema: string): T {
  const value: unknown = JSON.parse(
    readFileSync(new URL(file, DATA_FOLDER), "utf8"),
  );
  const problems = schemaProblems(schema, `compat-data/${file}`, value);
  if (problems.length > 0) throw new Error(formatProblems(problems));
  return value as T;
}

let lines: Line[] | undefined;
let features: Map<string, Feature> | undefined;

/** Lists the Stack minor lines, oldest first. */
export function stackLines(): Line[] {
  lines ??= readData<StackLines>(
    "stack-lines.json",
    "compat-stack-lines.schema.json",
  ).lines;
  return lines;
}

export function featureGates(): Map<string, Feature> {
  features ??= new Map(
    readData<FeatureGates>(
      "feature-gates.json",
      "compat-feature-gates.schema.json",
    ).features.map((feature) => [feature.id, feature]),
  );
  return features;
}

/** Looks a feature up by id; an unknown id is a bug in the detection. */
export function featureGate(id: string): Feature {
  const feature = featureGates().get(id);
  if (!feature) throw new Error(`no feature gate ${id} in feature-gates.json`);
  return feature;
}

export function newestLine(): Line {
  const all = stackLines();
  return all[all.length - 1] as Line;
}

export function oldestLine(): Line {
  return stackLines()[0] as Line;
}
