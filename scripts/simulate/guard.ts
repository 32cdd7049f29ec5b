// Detection check for the bundle build: runs the shipped transform and
// scripts over the built-in labelled corpus and reports every missed beacon,
// flagged benign flow and script failure as a validation problem.

import { TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import type { Problem } from "../errors.ts";
import {
  artifactsFromFiles,
  scriptedMetricOf,
  type SimulationArtifacts,
} from "./artifacts.ts";
import { generateCorpus, networkEvent } from "./corpus.ts";
import { flattenEvent } from "./events.ts";
import { compileMetric, runGroup } from "./scripted-metric.ts";
import { simulateTransform } from "./transform.ts";
import { buildDoc } from "./values.ts";
import { verdictMismatches } from "./verdict.ts";

/** Fixed inputs, so the check gives the same result on every run. */
export const GUARD_NOW = Date.parse("2026-12-04T12:00:00Z");
export const GUARD_SEED = 1;
export const GUARD_SHARDS = 3;

function failure(error: unknown): Problem {
  return {
    code: "detection-simulation-failed",
    file: TRANSFORM_FILE,
    location: "",
    message: `simulating the transform over the detection corpus failed: ${(error as Error).message}`,
    fix: "fix the Painless script or transform named in the message; `ml-beaconing simulate` reproduces it",
  };
}

/**
 * Largest number of loop iterations the reduce script may use on the
 * worst-case group: half of Painless's 1,000,000 per execution, so that
 * parameter changes keep a margin.
 */
export const REDUCE_LOOP_BUDGET = 500_000;

/**
 * Runs the scripted metric on a group with events in every bucket and four
 * times as many destination IPs as are reported. Returns the loop
 * iterations of its reduce execution.
 */
export function worstCaseReduceLoops(artifacts: SimulationArtifacts): number {
  const [, spec] = scriptedMetricOf(artifacts.transform);
  const params = (spec.params ?? {}) as Record<string, unknown>;
  const buckets = Number(params.number_buckets_in_range ?? 360);
  const bucketMillis = Number(params.time_bucket_length ?? 60) * 1000;
  const ips = 4 * Number(params.number_destination_ips ?? 10);
  const mapped = new Set([
    "@timestamp",
    "source.bytes",
    "destination.bytes",
    "destination.ip",
  ]);
  const docs = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const event = networkEvent({
      host: "worst-case",
      process: "worst-case.exe",
      millis: GUARD_NOW - bucket * bucketMillis - 1000,
      sourceIp: "10.0.0.1",
      destinationIp: `198.51.${bucket % ips}.1`,
      sourceBytes: 100 + ((bucket * 7) % 13),
      destinationBytes: 1000 + (bucket % 17),
    });
    docs.push(
      buildDoc(
        flattenEvent(event, bucket + 1),
        mapped,
        new Set(["@timestamp"]),
      ),
    );
  }
  const metric = compileMetric(artifacts.scripts, params);
  runGroup(metric, [docs], GUARD_NOW);
  return metric.reduce.lastLoopIterations();
}

function loopBudgetProblems(artifacts: SimulationArtifacts): Problem[] {
  const loops = worstCaseReduceLoops(artifacts);
  if (loops <= REDUCE_LOOP_BUDGET) return [];
  return [
    {
      code: "detection-loop-budget",
      file: TRANSFORM_FILE,
      location: "/pivot/aggregations/beacon_stats/scripted_metric/params",
      message: `the reduce script runs ${loops} loop iterations on a group active in every bucket, more than the budget of ${REDUCE_LOOP_BUDGET} (Painless stops a script at 1,000,000)`,
      fix: "lower number_buckets_in_range or max_jitter, raise min_number_periods, or make the periodic test cheaper",
    },
  ];
}

/**
 * Runs the corpus and the worst-case group through `artifacts`. Returns a
 * problem per wrong verdict, non-finite number or loop budget overrun.
 */
export function checkDetection(artifacts: SimulationArtifacts): Problem[] {
  const scenarios = generateCorpus({ nowMillis: GUARD_NOW, seed: GUARD_SEED });
  let line = 0;
  const events = scenarios.flatMap((scenario) =>
    scenario.events.map((event) => flattenEvent(event, ++line)),
  );
  let result;
  let loopProblems: Problem[];
  try {
    result = simulateTransform(artifacts, events, {
      nowMillis: GUARD_NOW,
      shards: GUARD_SHARDS,
    });
    loopProblems = loopBudgetProblems(artifacts);
  } catch (error) {
    return [failure(error)];
  }
  const problems: Problem[] = loopProblems;
  problems.push(
    ...result.problems.map((problem) => ({
      code: "detection-non-finite-number",
      file: TRANSFORM_FILE,
      location: "",
      message: `the reduce script wrote a non-finite number: ${problem}`,
      fix: "guard the division or square root that produces it in ml_beaconing_reduce_script",
    })),
  );
  for (const scenario of scenarios) {
    const document = result.documents.find((doc) => {
      const source = doc._source as {
        host?: { name?: unknown };
        process?: { name?: unknown };
      };
      return (
        source.host?.name === scenario.host &&
        source.process?.name === scenario.process
      );
    });
    for (const mismatch of verdictMismatches(
      scenario.expected,
      document?._source,
    )) {
      const missed = scenario.expected.kind === "beaconing";
      problems.push({
        code: missed ? "detection-missed-beacon" : "detection-false-positive",
        file: TRANSFORM_FILE,
        location: `scenario ${scenario.name}`,
        message: `${scenario.description}: ${mismatch}`,
        fix: missed
          ? "the scripts or parameters no longer detect this beacon; rerun `ml-beaconing simulate` on the corpus and compare with the last release"
          : "the query or scripts now report benign traffic; check the source query filters and the reduce tests",
      });
    }
  }
  return problems;
}

/** Runs `checkDetection` on a space folder given as file texts by relative path. */
export function checkDetectionOfFiles(
  files: Record<string, string>,
): Problem[] {
  let artifacts: SimulationArtifacts;
  try {
    artifacts = artifactsFromFiles(files);
  } catch (error) {
    return [failure(error)];
  }
  return checkDetection(artifacts);
}
