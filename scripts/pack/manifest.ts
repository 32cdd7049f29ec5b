import type { BundleManifest } from "../schema/generated/manifest.ts";
import { sha256 } from "../validate/manifest-checks.ts";

export type BundleFacts = Omit<BundleManifest, "files">;

/** Lists every file of the bundle but the manifest itself, sorted by path. */
export function buildManifest(
  facts: BundleFacts,
  files: Record<string, string>,
): BundleManifest {
  const entries = Object.keys(files)
    .filter((file) => file !== "manifest.json")
    .sort()
    .map((file) => {
      const bytes = Buffer.from(files[file] as string, "utf8");
      return { path: file, size: bytes.length, sha256: sha256(bytes) };
    });
  return { ...facts, files: entries };
}
