// Checks that manifest.json matches the files of the bundle.
import { createHash } from "node:crypto";
import type { Problem } from "../errors.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

export function manifestProblems(
  files: Record<string, string>,
  manifest: BundleManifest,
): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set<string>();
  manifest.files.forEach((entry, index) => {
    listed.add(entry.path);
    const text = files[entry.path];
    const location = `/files/${index}`;
    if (text === undefined) {
      problems.push({
        code: "manifest-file-missing",
        file: "manifest.json",
        location,
        message: `the manifest lists ${entry.path}, which the bundle does not contain`,
        fix: "restore the file from the released zip or rebuild the bundle",
      });
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    if (bytes.length === entry.size && sha256(bytes) === entry.sha256) return;
    problems.push({
      code: "manifest-checksum-mismatch",
      file: "manifest.json",
      location,
      message: `${entry.path} differs from the file the bundle was built with (size or SHA-256)`,
      fix: "expected after a hand edit; otherwise download the bundle again",
      severity: "warning",
    });
  });
  for (const path of Object.keys(files)) {
    if (path === "manifest.json" || listed.has(path)) continue;
    problems.push({
      code: "manifest-file-unlisted",
      file: "manifest.json",
      location: "/files",
      message: `${path} is in the bundle but not in the manifest`,
      fix: "expected for a file added by hand; otherwise rebuild the bundle",
      severity: "warning",
    });
  }
  return problems;
}
