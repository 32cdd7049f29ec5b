// Pure planning of a release: its assets, their checksums and what to do
// about assets a previous run left on the release.
import { createHash } from "node:crypto";

export interface PlannedAsset {
  name: string;
  contentType: string;
  bytes: Buffer;
  size: number;
  sha256: string;
}

export interface ReleasePlan {
  repo: string | null;
  tag: string;
  commit: string | null;
  /** "create" makes a new release; "resume" finishes the existing one. */
  action: "create" | "resume";
  draft: boolean;
  prerelease: boolean;
  body: string;
  assets: PlannedAsset[];
}

/** The subset of GitHub's release-asset object that decides about reuse. */
export interface ExistingAsset {
  id: number;
  name: string;
  size: number;
  /** "uploaded", or "starter" for an upload that never completed. */
  state: string;
  /** "sha256:<hex>" on GitHub since 2025; null or absent on older servers. */
  digest?: string | null;
}

export type AssetAction =
  | { kind: "keep"; asset: PlannedAsset; existing: ExistingAsset }
  | { kind: "upload"; asset: PlannedAsset }
  | {
      kind: "replace";
      asset: PlannedAsset;
      existing: ExistingAsset;
      reason: string;
    };

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function plannedAsset(
  name: string,
  contentType: string,
  bytes: Buffer,
): PlannedAsset {
  return {
    name,
    contentType,
    bytes,
    size: bytes.length,
    sha256: sha256Hex(bytes),
  };
}

/** Builds the zip, manifest.json and SHA256SUMS assets, in upload order. */
export function buildAssets(
  zipName: string,
  zip: Buffer,
  manifest: string,
): PlannedAsset[] {
  const files = [
    plannedAsset(zipName, "application/zip", zip),
    plannedAsset(
      "manifest.json",
      "application/json",
      Buffer.from(manifest, "utf8"),
    ),
  ];
  const sums = buildSha256Sums(files);
  return [
    ...files,
    plannedAsset("SHA256SUMS", "text/plain", Buffer.from(sums, "utf8")),
  ];
}

/** sha256sum's format: hash, two spaces, file name, one line per file. */
export function buildSha256Sums(assets: PlannedAsset[]): string {
  return assets.map((asset) => `${asset.sha256}  ${asset.name}\n`).join("");
}

/**
 * Decides per planned asset. An existing asset is kept only when its upload
 * completed, its size matches and its digest matches where GitHub reports
 * one. Any other asset of that name is replaced.
 */
export function buildAssetActions(
  planned: PlannedAsset[],
  existing: ExistingAsset[],
): AssetAction[] {
  return planned.map((asset) => {
    const found = existing.find((candidate) => candidate.name === asset.name);
    if (!found) return { kind: "upload", asset };
    const reason = mismatch(asset, found);
    return reason
      ? { kind: "replace", asset, existing: found, reason }
      : { kind: "keep", asset, existing: found };
  });
}

function mismatch(asset: PlannedAsset, found: ExistingAsset): string | null {
  if (found.state !== "uploaded")
    return `its upload is incomplete (state ${found.state})`;
  if (found.size !== asset.size)
    return `it has ${found.size} bytes, expected ${asset.size}`;
  if (found.digest && found.digest !== `sha256:${asset.sha256}`) {
    return `its digest ${found.digest} differs from sha256:${asset.sha256}`;
  }
  return null;
}
