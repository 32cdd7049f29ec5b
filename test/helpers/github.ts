// Starts fake GitHub servers for a test file and stops them after it.
import { execFileSync } from "node:child_process";
import { afterAll } from "vitest";
import { FakeGitHub } from "../fakes/github-server.ts";
import { FakeRepository } from "../fakes/github-state.ts";
import { ROOT } from "./cli.ts";

export const HEAD = execFileSync("git", ["rev-parse", "HEAD"], {
  cwd: ROOT,
  encoding: "utf8",
}).trim();

const servers: FakeGitHub[] = [];
afterAll(() => Promise.all(servers.map((server) => server.stop())));

/** A fake with repository o/r that accepts only `token`. */
export async function startFakeGitHub(token = "t"): Promise<FakeGitHub> {
  const fake = await new FakeGitHub(
    new FakeRepository("o", "r"),
    token,
  ).start();
  servers.push(fake);
  return fake;
}

/** A commit id that is not HEAD, derived from a number. */
export function otherSha(n: number): string {
  return n.toString(16).padStart(40, "0");
}

/** 105 unrelated tags, then `ML-Beaconing-20261204-1` to `-3`: page 2 even at 100 per page. */
export function addTagsWithSeriesOnPageTwo(fake: FakeGitHub): void {
  for (let i = 1; i <= 105; i += 1) fake.repo.addTag(`v0.${i}.0`, otherSha(i));
  for (let n = 1; n <= 3; n += 1)
    fake.repo.addTag(`ML-Beaconing-20261204-${n}`, otherSha(1000 + n));
}
