// The token in GITHUB_TOKEN never reaches standard output or error, also
// with --debug, in success, failure and with a server that echoes it.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "./helpers/cli.ts";
import { startFakeGitHub } from "./helpers/github.ts";
import { tempDir } from "./helpers/temp.ts";

const TOKEN = "ghp_LeakCheck0123456789abcdefABCDEF";
const work = tempDir();

function release(base: string, extra: string[], token = TOKEN) {
  const out = path.join(work, String(Math.random()).slice(2));
  return runCli(
    [
      "--debug",
      "release",
      "--repo",
      "o/r",
      "--date",
      "2026-12-04",
      "--out",
      out,
      ...extra,
    ],
    {
      GITHUB_TOKEN: token,
      GITHUB_API_URL: base,
    },
  );
}

describe("release token handling", () => {
  test("successful run with --debug does not print the token", async () => {
    const fake = await startFakeGitHub(TOKEN);
    const result = await release(fake.base, []);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("octokit: GET /repos/o/r/tags");
    expect(fake.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  test("401 with --debug names the fix, not the token", async () => {
    const fake = await startFakeGitHub("another-token-value");
    const result = await release(fake.base, ["--json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("GITHUB_TOKEN is invalid or expired");
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  test("token echoed by the server is redacted", async () => {
    const fake = await startFakeGitHub(TOKEN);
    fake.failures.push({
      method: "GET",
      url: /tags/,
      times: 1,
      status: 500,
      body: { message: `internal error for token ${TOKEN}` },
    });
    const result = await release(fake.base, ["--max-retries", "0"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("internal error for token [REDACTED]");
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  test("dry run with a token does not print it", async () => {
    const fake = await startFakeGitHub(TOKEN);
    const result = await release(fake.base, ["--dry-run"]);
    expect(result.code).toBe(0);
    expect(fake.changingRequests()).toHaveLength(0);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});
