// The release command end to end: the real executable against a fake GitHub.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readZipBundle } from "../scripts/load/read-bundle.ts";
import { runCli } from "./helpers/cli.ts";
import {
  addTagsWithSeriesOnPageTwo,
  HEAD,
  startFakeGitHub,
} from "./helpers/github.ts";
import { tempDir } from "./helpers/temp.ts";

const NAME = "ML-Beaconing-20261204-4";
const work = tempDir();

function release(base: string, out: string, extra: string[] = [], token = "t") {
  return runCli(
    [
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
      GITHUB_REPOSITORY: "",
    },
  );
}

describe("release against a fake GitHub", () => {
  test("creates -4 after tags -1..-3 on page two, then a re-run adds nothing", async () => {
    const fake = await startFakeGitHub();
    addTagsWithSeriesOnPageTwo(fake);
    const out = path.join(work, "first");

    const first = await release(fake.base, out);
    expect(first.stderr).not.toContain("error");
    expect(first.code).toBe(0);
    expect(
      fake.requests.some(
        (r) => r.url.startsWith("/repos/o/r/tags?") && r.url.includes("page=2"),
      ),
    ).toBe(true);

    expect(fake.repo.releases.map((r) => r.tag_name)).toEqual([NAME]);
    const created = fake.repo.releases[0]!;
    expect(created.target_commitish).toBe(HEAD);
    expect(created.prerelease).toBe(true);
    expect(created.draft).toBe(false);
    expect(first.stdout.trim().split("\n").at(-1)).toBe(
      `${fake.base}/o/r/releases/tag/${NAME}`,
    );

    const zip = readFileSync(path.join(out, `${NAME}.zip`));
    const manifest = (await readZipBundle(path.join(out, `${NAME}.zip`)))[
      "manifest.json"
    ];
    const assets = Object.fromEntries(created.assets.map((a) => [a.name, a]));
    expect(Object.keys(assets).sort()).toEqual([
      `${NAME}.zip`,
      "SHA256SUMS",
      "manifest.json",
    ]);
    expect(assets[`${NAME}.zip`]!.bytes.equals(zip)).toBe(true);
    expect(assets["manifest.json"]!.bytes.toString("utf8")).toBe(manifest);
    expect(created.assets.every((a) => a.state === "uploaded")).toBe(true);

    const createBody = JSON.parse(
      fake.requests
        .find((r) => r.method === "POST" && r.url === "/repos/o/r/releases")!
        .body.toString("utf8"),
    );
    expect(createBody).toMatchObject({
      tag_name: NAME,
      name: NAME,
      target_commitish: HEAD,
      draft: false,
      prerelease: true,
    });
    expect(createBody.body).toContain(
      "The previous release tag ML-Beaconing-20261204-3 is not in the local clone",
    );
    expect(createBody.body).toContain("## Compatibility");
    expect(createBody.body).toContain("Every artifact works on Elastic Stack");
    expect(createBody.body).toContain("| serverless |");
    expect(createBody.body).toContain(
      assets[`${NAME}.zip`]!.digest!.slice("sha256:".length),
    );
    const zipUpload = fake.requests.find((r) =>
      r.url.includes(`name=${NAME}.zip`),
    )!;
    expect(zipUpload.headers["content-type"]).toBe("application/zip");
    expect(zipUpload.body.equals(zip)).toBe(true);

    const changesBefore = fake.changingRequests().length;
    const second = await release(fake.base, path.join(work, "second"));
    expect(second.stderr).not.toContain("error");
    expect(second.code).toBe(0);
    expect(fake.changingRequests().length).toBe(changesBefore);
    expect(fake.repo.releases).toHaveLength(1);
    expect(created.assets).toHaveLength(3);
    expect(second.stdout).toContain("[already uploaded]");
  });

  test("re-run after a 500 on the second upload completes three assets", async () => {
    const fake = await startFakeGitHub();
    addTagsWithSeriesOnPageTwo(fake);
    fake.failures.push({
      method: "POST",
      url: /\/uploads\/.*name=manifest\.json/,
      times: 1,
      status: 500,
      leaveStarter: true,
    });

    const failed = await release(fake.base, path.join(work, "fail"), [
      "--max-retries",
      "0",
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("failed to upload manifest.json");
    expect(failed.stderr).toContain("500");
    const created = fake.repo.releases[0]!;
    expect(created.assets.map((a) => `${a.name}:${a.state}`)).toEqual([
      `${NAME}.zip:uploaded`,
      "manifest.json:starter",
    ]);

    const rerun = await release(fake.base, path.join(work, "rerun"));
    expect(rerun.stderr).not.toContain("error");
    expect(rerun.code).toBe(0);
    expect(fake.repo.releases).toHaveLength(1);
    expect(created.assets.map((a) => `${a.name}:${a.state}`).sort()).toEqual([
      `${NAME}.zip:uploaded`,
      "SHA256SUMS:uploaded",
      "manifest.json:uploaded",
    ]);
    expect(fake.requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
    expect(rerun.stderr).toContain(
      "replacing manifest.json: its upload is incomplete (state starter)",
    );
  });

  test("without a token prints the plan and sends no request", async () => {
    const fake = await startFakeGitHub();
    const result = await release(fake.base, path.join(work, "dry"), [], "");
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(result.stderr).toContain("dry run: GITHUB_TOKEN is not set");
    expect(result.stdout).toContain(
      "create pre-release ML-Beaconing-20261204-1 in o/r",
    );
    const zip = readFileSync(
      path.join(work, "dry", "ML-Beaconing-20261204-1.zip"),
    );
    expect(result.stdout).toContain(
      `ML-Beaconing-20261204-1.zip  ${zip.length} bytes`,
    );
    expect(result.stdout).toMatch(
      /SHA256SUMS {2}\d+ bytes {2}sha256 [0-9a-f]{64}/,
    );
    expect(result.stdout).toContain("## Changes");
  });

  test("--dry-run with a token reads the name and changes nothing", async () => {
    const fake = await startFakeGitHub();
    addTagsWithSeriesOnPageTwo(fake);
    const result = await release(fake.base, path.join(work, "dry-token"), [
      "--dry-run",
      "--sequence",
      "7",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "--sequence applies only to a dry run without GITHUB_TOKEN",
    );
    const plain = await release(fake.base, path.join(work, "dry-token"), [
      "--dry-run",
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`create pre-release ${NAME} in o/r`);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.changingRequests()).toHaveLength(0);
  });
});
