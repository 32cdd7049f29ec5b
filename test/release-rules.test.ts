// Rules a release run enforces: no release from uncommitted bundle sources
// without --allow-dirty, no replacement of a published asset whose bytes
// differ, and a resumed release brought to the requested draft and
// pre-release flags.
import { createHash } from "node:crypto";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Logger } from "../scripts/logger.ts";
import { resolveReleaseOptions } from "../scripts/publish/options.ts";
import { runRelease } from "../scripts/publish/run-release.ts";
import type { FakeGitHub } from "./fakes/github-server.ts";
import type { FakeAsset } from "./fakes/github-state.ts";
import { runCli } from "./helpers/cli.ts";
import { HEAD, startFakeGitHub } from "./helpers/github.ts";
import { tempDir } from "./helpers/temp.ts";

const NAME = "ML-Beaconing-20261204-1";
const work = tempDir();
let runs = 0;

function outDir(): string {
  runs += 1;
  return path.join(work, `run-${runs}`);
}

function release(fake: FakeGitHub, extra: string[] = []) {
  return runCli(
    [
      "release",
      "--allow-dirty",
      "--repo",
      "o/r",
      "--date",
      "2026-12-04",
      "--out",
      outDir(),
      ...extra,
    ],
    { GITHUB_TOKEN: "t", GITHUB_API_URL: fake.base, GITHUB_REPOSITORY: "" },
  );
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    headline: () => {},
    step: () => {},
    summary: () => {},
    warn: (text) => warnings.push(text),
  };
}

// Runs the release stage in-process with sources that have uncommitted
// changes, whatever the state of this working tree.
function releaseFromDirtySources(
  fake: FakeGitHub,
  raw: { dryRun?: boolean; allowDirty?: boolean },
  logger = recordingLogger(),
) {
  const options = resolveReleaseOptions(
    { repo: "o/r", date: "2026-12-04", out: outDir(), ...raw },
    { GITHUB_TOKEN: "t", GITHUB_API_URL: fake.base },
  );
  return runRelease(options, {
    logger,
    backoffUnitMs: 1,
    readSourceState: async () => ({ commit: HEAD, dirty: true }),
  });
}

/** Replaces the stored bytes with others of the same size, as a rebuild would. */
function tamper(asset: FakeAsset): void {
  const bytes = Buffer.from(asset.bytes);
  bytes[0] = (bytes[0]! + 1) % 256;
  asset.bytes = bytes;
  asset.digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

describe("release from uncommitted sources", () => {
  test("is rejected before any request", async () => {
    const fake = await startFakeGitHub();
    await expect(releaseFromDirtySources(fake, {})).rejects.toThrow(
      /have uncommitted changes, so the release would not match commit .*--allow-dirty/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  test("dry run proceeds with a warning", async () => {
    const fake = await startFakeGitHub();
    const logger = recordingLogger();
    const result = await releaseFromDirtySources(
      fake,
      { dryRun: true },
      logger,
    );
    expect(result.dryRun).toBe(true);
    expect(logger.warnings.join("\n")).toContain(
      "a real release would be rejected unless --allow-dirty is given",
    );
    expect(fake.changingRequests()).toHaveLength(0);
  });

  test("--allow-dirty publishes with a warning", async () => {
    const fake = await startFakeGitHub();
    const logger = recordingLogger();
    const result = await releaseFromDirtySources(
      fake,
      { allowDirty: true },
      logger,
    );
    expect(result.dryRun).toBe(false);
    expect(fake.repo.releases.map((r) => r.tag_name)).toEqual([NAME]);
    expect(logger.warnings.join("\n")).toContain(
      "releasing anyway (--allow-dirty)",
    );
  });
});

describe("re-run of a release whose assets differ", () => {
  test("published: fails naming the asset and changes nothing", async () => {
    const fake = await startFakeGitHub();
    expect((await release(fake)).code).toBe(0);
    const created = fake.repo.releases[0]!;
    const zip = created.assets.find((a) => a.name === `${NAME}.zip`)!;
    tamper(zip);
    const body = created.body;
    const changesBefore = fake.changingRequests().length;

    const rerun = await release(fake);
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toContain(
      `release ${NAME} is already published and 1 of its assets differs from the local build`,
    );
    expect(rerun.stderr).toContain(`1. ${NAME}.zip: its digest sha256:`);
    expect(rerun.stderr).toContain("cut a new release");
    expect(fake.changingRequests()).toHaveLength(changesBefore);
    expect(created.assets).toContain(zip);
    expect(created.body).toBe(body);
  });

  test("draft: replaces the asset", async () => {
    const fake = await startFakeGitHub();
    expect((await release(fake, ["--draft"])).code).toBe(0);
    const created = fake.repo.releases[0]!;
    const zip = created.assets.find((a) => a.name === `${NAME}.zip`)!;
    tamper(zip);

    const rerun = await release(fake, ["--draft"]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`replacing ${NAME}.zip: its digest`);
    expect(created.assets).not.toContain(zip);
    expect(created.assets).toHaveLength(3);
  });
});

describe("resumed release flags", () => {
  test("--no-prerelease turns a pre-release into a release", async () => {
    const fake = await startFakeGitHub();
    expect((await release(fake)).code).toBe(0);
    const created = fake.repo.releases[0]!;
    expect(created.prerelease).toBe(true);

    const rerun = await release(fake, ["--no-prerelease"]);
    expect(rerun.code).toBe(0);
    expect(created.prerelease).toBe(false);
    const patches = fake.requests.filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(JSON.parse(patches[0]!.body.toString("utf8"))).toEqual({
      prerelease: false,
    });
    expect(rerun.stdout).toContain(`Release ${NAME} (release) in o/r:`);
  });

  test("without --draft a draft is published after its assets", async () => {
    const fake = await startFakeGitHub();
    expect((await release(fake, ["--draft"])).code).toBe(0);
    const created = fake.repo.releases[0]!;
    expect(created.draft).toBe(true);

    const rerun = await release(fake);
    expect(rerun.code).toBe(0);
    expect(created.draft).toBe(false);
    expect(rerun.stdout).toContain(`Release ${NAME} (pre-release) in o/r:`);
  });

  test("prints the flags GitHub returns", async () => {
    const fake = await startFakeGitHub();
    expect((await release(fake)).code).toBe(0);
    // A server that ignores the update: the output must not claim it.
    fake.failures.push({
      method: "PATCH",
      url: /^\/repos\/o\/r\/releases\/\d+$/,
      times: 1,
      status: 200,
      body: { ...fakeReleaseJson(fake), prerelease: true },
    });
    const rerun = await release(fake, ["--no-prerelease"]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`Release ${NAME} (pre-release) in o/r:`);
  });
});

describe("release --debug", () => {
  test("logs each request once", async () => {
    const fake = await startFakeGitHub();
    const debug = await runCli(
      [
        "--debug",
        "release",
        "--dry-run",
        "--repo",
        "o/r",
        "--date",
        "2026-12-04",
        "--out",
        outDir(),
      ],
      { GITHUB_TOKEN: "t", GITHUB_API_URL: fake.base },
    );
    expect(debug.code).toBe(0);
    const lines = debug.stderr.split("\n");
    expect(lines.filter((l) => l.includes("octokit: request"))).toEqual([]);
    const tagLines = lines.filter((l) =>
      l.includes("octokit: GET /repos/o/r/tags"),
    );
    expect(tagLines).toHaveLength(1);
  });
});

describe("release --help", () => {
  test("shows --max-retries default as a number", async () => {
    const help = await runCli(["release", "--help"]);
    expect(help.stdout).toMatch(/--max-retries <n>[^]*\(default: 3\)/);
    expect(help.stdout).not.toContain('(default: "3")');
  });
});

function fakeReleaseJson(fake: FakeGitHub) {
  const release = fake.repo.releases[0]!;
  return {
    id: release.id,
    tag_name: release.tag_name,
    target_commitish: release.target_commitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    html_url: `${fake.base}/o/r/releases/tag/${release.tag_name}`,
    upload_url: `${fake.base}/uploads/repos/o/r/releases/${release.id}/assets{?name,label}`,
  };
}
