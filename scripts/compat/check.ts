// Checks whether a bundle works on one Stack version or on Serverless.
//
// Versions outside the data are handled as follows. A version older than
// the oldest tracked line does not work: nothing below it is tracked. A
// newer minor of the newest tracked major is checked against the feature
// gates, with a note, on the assumption that a minor release removes no
// feature. A newer major does not work until the data covers it, because a
// major release may remove features.
import semver from "semver";
import type { FileTree } from "../load/read-bundle.ts";
import { newestLine, oldestLine } from "./data.ts";
import { ARTIFACTS, artifactOf, detectUsages } from "./detect.ts";
import {
  evaluate,
  minimumStackVersion,
  type ArtifactResult,
  type Blocker,
} from "./matrix.ts";
import { describeBlocker } from "./render.ts";
import { lineOf, lineVersion, type StackTarget } from "./version.ts";

export interface ArtifactCheck {
  artifact: string;
  supported: boolean;
  reasons: string[];
  blockedBy: Blocker[];
}

export interface CompatibilityResult {
  target: string;
  supported: boolean;
  /** Side of the data the version is on when outside it, else null. */
  outside: "older" | "newer-major" | null;
  /** Reason no artifact works when the version is outside the data, else null. */
  reason: string | null;
  /** Oldest Stack version on which every artifact of the bundle works. */
  minimumStackVersion: string;
  /** The artifacts found in the bundle; those it lacks are not listed. */
  artifacts: ArtifactCheck[];
  notes: string[];
}

/** Returns the names of the artifacts found in a file tree. */
export function presentArtifacts(files: FileTree): Set<string> {
  const names = new Set<string>();
  for (const file of Object.keys(files)) {
    const artifact = artifactOf(file);
    if (artifact) names.add(artifact.name);
  }
  return names;
}

export function checkCompatibility(
  files: FileTree,
  target: StackTarget,
): CompatibilityResult {
  const present = presentArtifacts(files);
  const usages = detectUsages(files);
  const minimum = minimumStackVersion(usages);
  if (target.kind === "serverless") {
    const results = evaluate(usages, target);
    return fromResults("serverless", results, present, minimum, []);
  }
  const outside = outsideData(target.version);
  if (outside) return rejectAll(target.input, outside, present, minimum);
  const notes = newerMinorNote(target.version);
  const results = evaluate(usages, { kind: "stack", version: target.version });
  return fromResults(target.input, results, present, minimum, notes);
}

function fromResults(
  target: string,
  results: ArtifactResult[],
  present: Set<string>,
  minimum: string,
  notes: string[],
): CompatibilityResult {
  const artifacts = results
    .filter((result) => present.has(result.artifact))
    .map((result) => ({
      artifact: result.artifact,
      supported: result.supported,
      reasons: result.blockedBy.map(describeBlocker),
      blockedBy: result.blockedBy,
    }));
  const supported = artifacts.every((artifact) => artifact.supported);
  return {
    target,
    supported,
    outside: null,
    reason: null,
    minimumStackVersion: minimum,
    artifacts,
    notes,
  };
}

interface OutsideData {
  outside: "older" | "newer-major";
  reason: string;
}

function outsideData(version: string): OutsideData | undefined {
  const oldest = oldestLine().line;
  const newest = newestLine().line;
  if (semver.lt(version, lineVersion(oldest))) {
    return {
      outside: "older",
      reason: `Stack ${version} is older than ${oldest}, the oldest line ml-beaconing has compatibility data for`,
    };
  }
  if (semver.major(version) > semver.major(lineVersion(newest))) {
    return {
      outside: "newer-major",
      reason: `Stack ${version} is a newer major version than ${newest}, the newest line ml-beaconing has compatibility data for, and a major version may remove features`,
    };
  }
  return undefined;
}

// The reason applies to the whole bundle, so it is stated once, not per
// artifact.
function rejectAll(
  target: string,
  { outside, reason }: OutsideData,
  present: Set<string>,
  minimum: string,
): CompatibilityResult {
  const artifacts = ARTIFACTS.filter((artifact) =>
    present.has(artifact.name),
  ).map((artifact) => ({
    artifact: artifact.name,
    supported: false,
    reasons: [],
    blockedBy: [],
  }));
  return {
    target,
    supported: false,
    outside,
    reason,
    minimumStackVersion: minimum,
    artifacts,
    notes: [],
  };
}

function newerMinorNote(version: string): string[] {
  const newest = newestLine().line;
  if (semver.lte(lineVersion(lineOf(version)), lineVersion(newest))) return [];
  return [
    `${lineOf(version)} is newer than ${newest}, the newest line ml-beaconing has compatibility data for; the result assumes that no minor release removes a feature the bundle uses`,
  ];
}
