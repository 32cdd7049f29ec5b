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
import { ARTIFACTS, detectUsages } from "./detect.ts";
import { evaluate, type ArtifactResult } from "./matrix.ts";
import { describeBlocker } from "./render.ts";
import { lineOf, lineVersion, type StackTarget } from "./version.ts";

export interface ArtifactCheck {
  artifact: string;
  supported: boolean;
  reasons: string[];
}

export interface CompatibilityResult {
  target: string;
  supported: boolean;
  artifacts: ArtifactCheck[];
  notes: string[];
}

export function checkCompatibility(
  files: FileTree,
  target: StackTarget,
): CompatibilityResult {
  const usages = detectUsages(files);
  if (target.kind === "serverless") {
    return fromResults("serverless", evaluate(usages, target), []);
  }
  const outside = outsideData(target.version);
  if (outside) return rejectAll(target.input, outside);
  const notes = newerMinorNote(target.version);
  const results = evaluate(usages, { kind: "stack", version: target.version });
  return fromResults(target.input, results, notes);
}

function fromResults(
  target: string,
  results: ArtifactResult[],
  notes: string[],
): CompatibilityResult {
  const artifacts = results.map((result) => ({
    artifact: result.artifact,
    supported: result.supported,
    reasons: result.blockedBy.map(describeBlocker),
  }));
  const supported = artifacts.every((artifact) => artifact.supported);
  return { target, supported, artifacts, notes };
}

function outsideData(version: string): string | undefined {
  const oldest = oldestLine().line;
  const newest = newestLine().line;
  if (semver.lt(version, lineVersion(oldest))) {
    return `Stack ${version} is older than ${oldest}, the oldest line ml-beaconing has compatibility data for`;
  }
  if (semver.major(version) > semver.major(lineVersion(newest))) {
    return `Stack ${version} is a newer major version than ${newest}, the newest line ml-beaconing has compatibility data for, and a major version may remove features; upgrade ml-beaconing`;
  }
  return undefined;
}

function rejectAll(target: string, reason: string): CompatibilityResult {
  const artifacts = ARTIFACTS.map((artifact) => ({
    artifact: artifact.name,
    supported: false,
    reasons: [reason],
  }));
  return { target, supported: false, artifacts, notes: [] };
}

function newerMinorNote(version: string): string[] {
  const newest = newestLine().line;
  if (semver.lte(lineVersion(lineOf(version)), lineVersion(newest))) return [];
  return [
    `${lineOf(version)} is newer than ${newest}, the newest line ml-beaconing has compatibility data for; the result assumes that no minor release removes a feature the bundle uses`,
  ];
}
