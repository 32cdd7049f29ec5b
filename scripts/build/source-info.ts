// Facts about the toolchain and the sources that go into the manifest.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const ROOT = new URL("../../", import.meta.url);

export function toolchainVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL("package.json", ROOT), "utf8"),
  ) as { version: string };
  return manifest.version;
}

/** Returns the Git commit of the checkout, or null outside a Git checkout. */
export async function sourceCommit(): Promise<string | null> {
  return (await sourceState()).commit;
}

export interface SourceState {
  commit: string | null;
  /** True when files that shape the bundle differ from the commit. */
  dirty: boolean;
  /** Why the commit is unknown, for a warning. */
  warning?: string;
}

// Paths whose contents end up in the bundle.
const BUNDLE_SOURCES = ["artifacts-src", "schemas", "scripts", "package.json"];

export async function sourceState(): Promise<SourceState> {
  const git = (args: string[]) =>
    promisify(execFile)("git", args, { cwd: ROOT }).then(
      ({ stdout }) => stdout,
    );
  try {
    const commit = (await git(["rev-parse", "HEAD"])).trim();
    const status = await git([
      "status",
      "--porcelain",
      "--",
      ...BUNDLE_SOURCES,
    ]);
    return { commit, dirty: status.trim() !== "" };
  } catch (error) {
    const reason = String(
      (error as { stderr?: string }).stderr ?? (error as Error).message,
    )
      .trim()
      .split("\n")[0];
    return {
      commit: null,
      dirty: false,
      warning: `the source commit is unknown, so the manifest records null (git: ${reason})`,
    };
  }
}

export function generatorSource(): string {
  return readFileSync(
    new URL("artifacts-src/generator/ml_beaconing_generate_scripts.mjs", ROOT),
    "utf8",
  );
}
