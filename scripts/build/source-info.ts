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
  try {
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "HEAD"], {
      cwd: ROOT,
    });
    const commit = stdout.trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

export function generatorSource(): string {
  return readFileSync(
    new URL("artifacts-src/generator/ml_beaconing_generate_scripts.mjs", ROOT),
    "utf8",
  );
}
