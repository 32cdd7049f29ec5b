// Runs the init script of a space folder's scripted metric with the
// transform's params in the offline Painless engine. The init script checks
// the parameter ranges, including the loop budget of the reduce script, so
// a parameter set Elasticsearch would reject at the first checkpoint is
// reported here instead.
import { TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import type { Problem } from "../errors.ts";
import { artifactsFromFiles, scriptedMetricOf } from "../simulate/artifacts.ts";
import { compileMetric, runShard } from "../simulate/scripted-metric.ts";
import { at, type SpaceArtifacts } from "./transform-checks.ts";

// Any time works: init reads the clock but no parameter depends on it.
const PROBE_NOW = Date.UTC(2026, 0, 1);

export function parameterProblems(space: SpaceArtifacts): Problem[] {
  let metric;
  let name: string;
  try {
    const artifacts = artifactsFromFiles(space.texts);
    const [aggregation, spec] = scriptedMetricOf(artifacts.transform);
    name = aggregation;
    metric = compileMetric(artifacts.scripts, spec.params);
  } catch {
    // Missing or broken scripts are reported by the file and Painless checks.
    return [];
  }
  try {
    runShard(metric, [], PROBE_NOW);
    return [];
  } catch (error) {
    return [
      {
        code: "transform-params-rejected",
        file: at(space, TRANSFORM_FILE),
        location: `/pivot/aggregations/${name}/scripted_metric/params`,
        message: `the init script rejects these parameters: ${(error as Error).message}`,
        fix: "change the parameters as the message says",
      },
    ];
  }
}
