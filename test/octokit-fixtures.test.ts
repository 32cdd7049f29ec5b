// Replays @octokit/fixtures' recorded "release-assets-conflict" scenario
// (an upload rejected with 422 already_exists, then list, delete and upload
// again) against uploadAsset. The package's own nock-based mock cannot
// intercept Octokit 22, which uses fetch, so a small HTTP server on
// 127.0.0.1 returns the recorded responses in their recorded order.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { silentLogger } from "../scripts/logger.ts";
import { createGitHubClient } from "../scripts/publish/github-client.ts";
import { plannedAsset } from "../scripts/publish/plan.ts";
import { uploadAsset } from "../scripts/publish/publish.ts";
import { ROOT } from "./helpers/cli.ts";

interface Recorded {
  scope: string;
  method: string;
  path: string;
  body: string;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

const SCENARIO =
  "node_modules/@octokit/fixtures/scenarios/api.github.com/release-assets-conflict/normalized-fixture.json";
const recorded = JSON.parse(
  readFileSync(path.join(ROOT, SCENARIO), "utf8"),
) as Recorded[];
const KEPT_HEADERS = [
  "content-type",
  "link",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
];

/** Serves the recorded responses in order; the upload host is under /uploads-host. */
async function startReplay() {
  const mismatches: string[] = [];
  let next = 0;
  let base = "";
  const rewrite = (text: string) =>
    text
      .replaceAll("https://uploads.github.com", `${base}/uploads-host`)
      .replaceAll("https://api.github.com", base);
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const fixture = recorded[next++];
    const url = new URL(req.url ?? "/", base);
    const upload = url.pathname.startsWith("/uploads-host/");
    const actual = `${req.method} ${upload ? "uploads" : "api"} ${url.pathname.replace("/uploads-host", "")} ${url.searchParams.get("name") ?? ""}`;
    const want = fixture && new URL(fixture.path, "https://x");
    const expected =
      fixture &&
      `${fixture.method.toUpperCase()} ${fixture.scope.includes("uploads") ? "uploads" : "api"} ${want!.pathname} ${want!.searchParams.get("name") ?? ""}`;
    if (
      !fixture ||
      actual !== expected ||
      (fixture.body && body !== fixture.body)
    ) {
      mismatches.push(`request ${next}: got ${actual}, recorded ${expected}`);
      res.writeHead(599).end();
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(fixture.headers).filter(([name]) =>
        KEPT_HEADERS.includes(name),
      ),
    );
    res.writeHead(fixture.status, headers);
    res.end(
      fixture.response === ""
        ? undefined
        : rewrite(JSON.stringify(fixture.response)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base, mismatches, served: () => next };
}

describe("@octokit/fixtures replay", () => {
  test("release-assets-conflict: 422, list, delete, upload again", async () => {
    const replay = await startReplay();
    const client = createGitHubClient({
      token: "0000000000000000000000000000000000000001",
      apiUrl: replay.base,
      logger: silentLogger,
      backoffUnitMs: 1,
      writeIntervalMs: 0,
    });
    const ref = {
      owner: "octokit-fixture-org",
      repo: "release-assets-conflict",
      fullName: "octokit-fixture-org/release-assets-conflict",
      token: "x",
    };
    const { data: release } = await client.rest.repos.getReleaseByTag({
      owner: ref.owner,
      repo: ref.repo,
      tag: "v1.0.0",
    });
    expect(release.upload_url).toContain(`${replay.base}/uploads-host/`);

    const asset = plannedAsset(
      "test-upload.txt",
      "text/plain",
      Buffer.from("Hello, world!\n"),
    );
    await uploadAsset(client, ref, release, asset);
    expect(replay.mismatches).toEqual([]);
    expect(replay.served()).toBe(recorded.length);
  });
});
