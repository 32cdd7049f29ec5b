// The compatibility matrix: for each Stack minor line and for Serverless,
// whether each artifact works, and which features block it where not.
import type {
  ArtifactResult,
  Blocker,
  Compatibility,
  Target,
} from "../schema/generated/manifest.ts";
import type { FileTree } from "../load/read-bundle.ts";
import { featureGate, oldestLine, newestLine, stackLines } from "./data.ts";
import { ARTIFACTS, detectUsages, type Usage } from "./detect.ts";
import { lineVersion, maxVersion, meetsVersion } from "./version.ts";

export type { ArtifactResult, Blocker, Compatibility, Target };

/** Where an artifact is evaluated: a Stack version or Serverless. */
export type Platform =
  { kind: "serverless" } | { kind: "stack"; version: string };

export function computeCompatibility(files: FileTree): Compatibility {
  return compatibilityOf(detectUsages(files));
}

export function compatibilityOf(usages: Usage[]): Compatibility {
  const lines = stackLines().map((line): Target => {
    const artifacts = evaluate(usages, {
      kind: "stack",
      version: lineVersion(line.line),
    });
    return {
      target: line.line,
      releaseDate: line.releaseDate,
      endOfSupport: line.endOfSupport,
      supported: artifacts.every((artifact) => artifact.supported),
      artifacts,
    };
  });
  const serverless = evaluate(usages, { kind: "serverless" });
  const serverlessSupported = serverless.every(
    (artifact) => artifact.supported,
  );
  return {
    minimumStackVersion: minimumStackVersion(usages),
    newestKnownLine: newestLine().line,
    serverless: serverlessSupported,
    usages,
    targets: [
      ...lines,
      {
        target: "serverless",
        supported: serverlessSupported,
        artifacts: serverless,
      },
    ],
  };
}

/** Returns the result of every artifact of the bundle on one platform. */
export function evaluate(
  usages: Usage[],
  platform: Platform,
): ArtifactResult[] {
  return ARTIFACTS.map((artifact) => {
    const own = usages.filter((usage) => usage.artifact === artifact.name);
    const blockedBy = mergeBlockers(
      own.flatMap((usage) => blockerOf(usage, platform) ?? []),
    );
    return {
      artifact: artifact.name,
      supported: blockedBy.length === 0,
      blockedBy,
    };
  });
}

/** Returns the version a use needs, or null when every tracked line has it. */
export function requiredVersion(usage: Usage): string | null {
  return usage.requires ?? featureGate(usage.feature).since;
}

/** Returns why a use keeps its artifact off a platform, if it does. */
export function blockerOf(
  usage: Usage,
  platform: Platform,
): Blocker | undefined {
  const gate = featureGate(usage.feature);
  if (gate.blocking === false) return undefined;
  if (platform.kind === "serverless") {
    return gate.serverless ? undefined : { feature: gate.id, requires: null };
  }
  const required = requiredVersion(usage);
  if (required === null || meetsVersion(platform.version, required))
    return undefined;
  return { feature: gate.id, requires: required };
}

// One blocker per feature: the highest version any of its uses needs.
function mergeBlockers(blockers: Blocker[]): Blocker[] {
  const byFeature = new Map<string, Blocker>();
  for (const blocker of blockers) {
    const seen = byFeature.get(blocker.feature);
    const versions = [seen?.requires, blocker.requires].filter(
      (version): version is string => typeof version === "string",
    );
    byFeature.set(blocker.feature, {
      feature: blocker.feature,
      requires: maxVersion(versions) ?? null,
    });
  }
  return [...byFeature.values()].sort((a, b) =>
    a.feature < b.feature ? -1 : 1,
  );
}

/** Returns the oldest Stack version on which every artifact works. */
export function minimumStackVersion(usages: Usage[]): string {
  const required = usages.flatMap((usage) => {
    if (featureGate(usage.feature).blocking === false) return [];
    return requiredVersion(usage) ?? [];
  });
  return maxVersion([lineVersion(oldestLine().line), ...required]) as string;
}
