// The text answer of `compat`: the verdict, the reasons per artifact, and a
// next step that says what the user can do about a failure.
import type { CompatibilityResult } from "./check.ts";
import { featureGate } from "./data.ts";
import type { Blocker } from "./matrix.ts";
import { isDroppable } from "./stack-min.ts";
import { maxVersion } from "./version.ts";

export function compatibilityLines(
  result: CompatibilityResult,
  subject: string,
): string[] {
  const total = result.artifacts.length;
  if (result.reason !== null) {
    return [
      `${subject}: no artifact works on ${result.target}: ${result.reason}`,
      `next step: ${outsideDataStep(result)}`,
    ];
  }
  const failing = result.artifacts.filter((artifact) => !artifact.supported);
  if (failing.length === 0) {
    return [`${subject}: every artifact works on ${result.target}`];
  }
  const verb = failing.length === 1 ? "does" : "do";
  return [
    `${subject}: ${failing.length} of ${total} ${plural(total, "artifact")} ${verb} not work on ${result.target}:`,
    ...failing.flatMap((artifact, index) => [
      `${index + 1}. ${artifact.artifact}:`,
      ...artifact.reasons.map((reason) => `   - ${reason}`),
    ]),
    `next step: ${blockedStep(result)}`,
  ];
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

function outsideDataStep(result: CompatibilityResult): string {
  if (result.outside === "older") {
    return `upgrade the Stack to ${result.minimumStackVersion} or newer, the oldest version on which every artifact of the bundle works`;
  }
  return "upgrade ml-beaconing to a version whose compatibility data covers this major version";
}

function blockedStep(result: CompatibilityResult): string {
  const blockers = result.artifacts.flatMap((artifact) => artifact.blockedBy);
  if (result.target === "serverless") {
    const features = unique(blockers.map((b) => featureGate(b.feature).title));
    return `install the bundle on an Elastic Stack deployment instead; Serverless lacks ${features.join(", ")}`;
  }
  const needed = maxVersion(
    blockers.flatMap((blocker) => blocker.requires ?? []),
  );
  const upgrade = `the bundle needs ${needed} or newer: upgrade the Stack`;
  const fixed = blockers.filter((blocker) => !isDroppable(blocker.feature));
  if (fixed.length === 0) {
    return `${upgrade}, or use a bundle built with --stack-min ${result.target}`;
  }
  return `${upgrade}; build --stack-min cannot leave out ${describeFeatures(fixed)}`;
}

function describeFeatures(blockers: Blocker[]): string {
  return unique(blockers.map((blocker) => `[${blocker.feature}]`)).join(", ");
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
