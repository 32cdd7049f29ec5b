// Renders the compatibility matrix as Markdown for the bundle README and
// the release description, and formats blockers for messages.
import { featureGate, oldestLine } from "./data.ts";
import { ARTIFACTS } from "./detect.ts";
import type { Blocker, Compatibility, Target } from "./matrix.ts";
import { requiredVersion } from "./matrix.ts";
import { maxVersion } from "./version.ts";

/** Describes why a feature blocks, as in `transform \`dest.aliases\` needs 8.8.0`. */
export function describeBlocker(blocker: Blocker): string {
  const title = featureGate(blocker.feature).title;
  return blocker.requires === null
    ? `${title} is not available in Serverless [${blocker.feature}]`
    : `${title} needs ${blocker.requires} or newer [${blocker.feature}]`;
}

/** Renders the matrix table, a row per Stack line and one for Serverless. */
export function compatibilityTable(compatibility: Compatibility): string {
  const header = [
    "Stack",
    "released",
    "end of support",
    ...ARTIFACTS.map((a) => a.label),
  ];
  const rows = compatibility.targets.map((target) => [
    target.target,
    target.releaseDate ?? "",
    target.endOfSupport ??
      (target.target === "serverless" ? "" : "not announced"),
    ...ARTIFACTS.map((artifact) => cell(target, artifact.name)),
  ]);
  return [header, header.map(() => "---"), ...rows]
    .map((row) => `| ${row.join(" | ")} |`)
    .join("\n");
}

function cell(target: Target, artifactName: string): string {
  const result = target.artifacts.find(
    (entry) => entry.artifact === artifactName,
  );
  if (!result || result.supported) return "yes";
  const reasons = result.blockedBy.map((blocker) =>
    blocker.requires === null
      ? `\`${blocker.feature}\` (not in Serverless)`
      : `\`${blocker.feature}\` (${blocker.requires})`,
  );
  return `no: ${reasons.join(", ")}`;
}

/** Lists each gated feature the bundle uses with the version it needs. */
export function featureTable(compatibility: Compatibility): string {
  const rows = featureSummaries(compatibility).map(
    ({ feature, requires, where }) =>
      `| \`${feature}\` | ${featureGate(feature).title} | ${requires} | ${where} |`,
  );
  return [
    "| feature | what | needs | first found at |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

interface FeatureSummary {
  feature: string;
  requires: string;
  where: string;
}

// One entry per feature, outside templates/, with the highest version any
// of its uses needs (migration versions differ per object).
function featureSummaries(compatibility: Compatibility): FeatureSummary[] {
  const byFeature = new Map<string, FeatureSummary>();
  for (const usage of compatibility.usages) {
    if (usage.file.startsWith("templates/")) continue;
    const required = requiredVersion(usage);
    const seen = byFeature.get(usage.feature);
    const requires = seen
      ? maxVersion([seen.requires, required ?? ""].filter(Boolean))
      : required;
    byFeature.set(usage.feature, {
      feature: usage.feature,
      requires: requires ?? "",
      where: seen?.where ?? `\`${usage.file}\` \`${usage.pointer || "/"}\``,
    });
  }
  return [...byFeature.values()].map((summary) => ({
    ...summary,
    requires: describeNeed(summary.feature, summary.requires),
  }));
}

function describeNeed(feature: string, requires: string): string {
  const version = requires || `before ${oldestLine().line}`;
  return featureGate(feature).serverless
    ? version
    : `${version}, not in Serverless`;
}

/** Renders the sentences and tables shared by the README and the release. */
export function compatibilityMarkdown(compatibility: Compatibility): string {
  const serverless = compatibility.serverless
    ? "Every artifact also works in Serverless projects."
    : "Some artifacts do not work in Serverless projects; the last row says which and why.";
  return [
    `Every artifact works on Elastic Stack ${compatibility.minimumStackVersion} or newer, up to ${compatibility.newestKnownLine}, the newest line this toolchain has data for. ${serverless}`,
    "",
    "The matrix is computed from the features the built artifacts use. A line",
    "is evaluated at its first release (x.y.0); `no` names the blocking features",
    "with the version they need. Check another version with",
    "`ml-beaconing compat --stack <version> <bundle>`.",
    "",
    compatibilityTable(compatibility),
    "",
    "Gated features the artifacts use:",
    "",
    featureTable(compatibility),
  ].join("\n");
}

/** Renders the compatibility section of a GitHub release description. */
export function releaseCompatibilitySection(
  compatibility: Compatibility,
): string {
  return `## Compatibility\n\n${compatibilityMarkdown(compatibility)}\n`;
}
