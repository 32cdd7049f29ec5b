// Detection check for the bundle build: runs the shipped transform and
// scripts over the built-in labelled corpus and reports every missed beacon,
// flagged benign flow and script failure as a validation problem.

import { TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import type { Problem } from "../errors.ts";
import { artifactsFromFiles, type SimulationArtifacts } from "./artifacts.ts";
import { generateCorpus } from "./corpus.ts";
import { flattenEvent } from "./events.ts";
import { simulateTransform } from "./transform.ts";
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

/** Runs the corpus through `artifacts`; returns one problem per wrong verdict. */
export function checkDetection(artifacts: SimulationArtifacts): Problem[] {
  const scenarios = generateCorpus({ nowMillis: GUARD_NOW, seed: GUARD_SEED });
  let line = 0;
  const events = scenarios.flatMap((scenario) =>
    scenario.events.map((event) => flattenEvent(event, ++line)),
  );
  let result;
  try {
    result = simulateTransform(artifacts, events, {
      nowMillis: GUARD_NOW,
      shards: GUARD_SHARDS,
    });
  } catch (error) {
    return [failure(error)];
  }
  const problems: Problem[] = result.problems.map((problem) => ({
    code: "detection-non-finite-number",
    file: TRANSFORM_FILE,
    location: "",
    message: `the reduce script wrote a non-finite number: ${problem}`,
    fix: "guard the division or square root that produces it in ml_beaconing_reduce_script",
  }));
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

/** `checkDetection` on a space folder given as file texts by relative path. */
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
