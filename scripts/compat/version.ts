// Stack versions as the compat command and the matrix read them. A
// pre-release counts as the release it leads to: 8.12.0-SNAPSHOT is 8.12.0,
// so 9.0.0-SNAPSHOT never satisfies <9.0.0 (plain semver treats it as satisfying).
import semver from "semver";
import { UserError } from "../errors.ts";

export type StackTarget =
  { kind: "serverless" } | { kind: "stack"; input: string; version: string };

// 8, 8.12, 8.12.3, v8.12.3 and any of them with a pre-release suffix.
const VERSION_PATTERN =
  /^v?(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?(?:\.(0|[1-9][0-9]*))?(-[0-9A-Za-z.-]+)?$/;

/**
 * Exit code of a usage error: a version argument that is not a version, or
 * a bundle argument that cannot be read or contains no artifacts.
 */
export const USAGE_ERROR_EXIT_CODE = 2;

/** Reads `serverless` or a Stack version; anything else exits with code 2. */
export function parseStackTarget(text: string): StackTarget {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === "serverless") return { kind: "serverless" };
  const version = releaseVersion(trimmed);
  if (version === null) {
    throw new UserError(
      `invalid Stack version ${JSON.stringify(text)}: expected a version such as 8.12.0, 8.12 or 8.12.0-SNAPSHOT, or "serverless"`,
      { exitCode: USAGE_ERROR_EXIT_CODE },
    );
  }
  return { kind: "stack", input: trimmed, version };
}

/** Returns MAJOR.MINOR.PATCH without any pre-release, or null for a non-version. */
export function releaseVersion(text: string): string | null {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, major, minor = "0", patch = "0"] = match;
  return `${major}.${minor}.${patch}`;
}

/** Whether a Stack version has what a feature first shipped in `since`. */
export function meetsVersion(version: string, since: string): boolean {
  const release = releaseVersion(version);
  if (release === null) throw new Error(`not a version: ${version}`);
  return semver.gte(release, since);
}

/** Returns the minor line of a version, such as 8.12 for 8.12.3. */
export function lineOf(version: string): string {
  const parsed = semver.parse(releaseVersion(version));
  if (!parsed) throw new Error(`not a version: ${version}`);
  return `${parsed.major}.${parsed.minor}`;
}

export function lineVersion(line: string): string {
  return `${line}.0`;
}

/** Returns the newest of the versions, or undefined for an empty list. */
export function maxVersion(versions: string[]): string | undefined {
  return [...versions].sort(semver.compare).pop();
}
