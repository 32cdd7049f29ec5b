// Reads the local Git history the release description lists.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ChangeLog } from "./description.ts";

const run = promisify(execFile);

/** The checkout being released: the one this toolchain runs from. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** ML-Beaconing tags of the local clone; empty outside a Git checkout. */
export async function listLocalReleaseTags(cwd: string): Promise<string[]> {
  try {
    const { stdout } = await run("git", ["tag", "--list", "ML-Beaconing-*"], {
      cwd,
    });
    return stdout.split("\n").filter((line) => line.length > 0);
  } catch {
    return [];
  }
}

/** Commits between the previous release tag and HEAD, one Markdown item each. */
export async function readChangeLog(
  previous: string | null,
  cwd: string,
): Promise<ChangeLog> {
  if (previous === null) return { kind: "first" };
  if (!(await tagIsLocal(previous, cwd))) {
    return { kind: "tag-not-local", previous };
  }
  const { stdout } = await run(
    "git",
    ["log", "--no-merges", "--format=- %s (%h)", `${previous}..HEAD`],
    { cwd, maxBuffer: 16 * 1024 * 1024 },
  );
  const lines = stdout.split("\n").filter((line) => line.length > 0);
  return { kind: "commits", previous, lines };
}

async function tagIsLocal(tag: string, cwd: string): Promise<boolean> {
  try {
    await run(
      "git",
      ["rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`],
      {
        cwd,
      },
    );
    return true;
  } catch {
    return false;
  }
}
