// Builds the Markdown description of a release: changes since the previous
// ML-Beaconing release, the compatibility matrix and the assets' SHA-256.
import { releaseCompatibilitySection } from "../compat/render.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";

export type ChangeLog =
  | { kind: "first" }
  | { kind: "commits"; previous: string; lines: string[] }
  | { kind: "tag-not-local"; previous: string };

export interface DescriptionInput {
  name: string;
  changes: ChangeLog;
  manifest: BundleManifest;
  assets: { name: string; size: number; sha256: string }[];
}

export function buildReleaseDescription(input: DescriptionInput): string {
  return [
    `# ${input.name}`,
    "",
    changesSection(input.changes),
    "",
    buildCompatibilityMarkdown(input.manifest),
    "",
    assetsSection(input.assets),
    "",
  ].join("\n");
}

function changesSection(changes: ChangeLog): string {
  const head = "## Changes";
  switch (changes.kind) {
    case "first":
      return `${head}\n\nFirst ML-Beaconing release of this repository.`;
    case "tag-not-local":
      return (
        `${head}\n\nThe previous release tag ${changes.previous} is not in ` +
        "the local clone, so the changes since it are not listed. Fetch the " +
        "tags (`git fetch --tags`, or `fetch-depth: 0` in actions/checkout) " +
        "to list them."
      );
    case "commits":
      return changes.lines.length === 0
        ? `${head} since ${changes.previous}\n\nNo commits since ${changes.previous}.`
        : `${head} since ${changes.previous}\n\n${changes.lines.join("\n")}`;
  }
}

/** Renders the manifest's Stack compatibility matrix as Markdown. */
export function buildCompatibilityMarkdown(manifest: BundleManifest): string {
  return releaseCompatibilitySection(manifest.compatibility).trimEnd();
}

function assetsSection(assets: DescriptionInput["assets"]): string {
  return [
    "## Assets",
    "",
    "| file | bytes | SHA-256 |",
    "| --- | ---: | --- |",
    ...assets.map((a) => `| ${a.name} | ${a.size} | \`${a.sha256}\` |`),
    "",
    "Check a download with `sha256sum -c SHA256SUMS`.",
  ].join("\n");
}
