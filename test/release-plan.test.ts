// Pure release planning: naming, asset decisions, SHA256SUMS, options and
// the change list read from a real temporary Git repository.
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { readChangeLog } from "../scripts/publish/git.ts";
import {
  buildNameDecision,
  previousReleaseName,
  type SeriesEntry,
} from "../scripts/publish/naming.ts";
import {
  parseRepo,
  resolveReleaseOptions,
} from "../scripts/publish/options.ts";
import {
  buildAssetActions,
  buildAssets,
  plannedAsset,
} from "../scripts/publish/plan.ts";
import { tempDir } from "./helpers/temp.ts";

const HEAD = "c".repeat(40);
const tag = (name: string, commit = "d".repeat(40)): SeriesEntry => ({
  name,
  commit,
  kind: "tag",
});

describe("buildNameDecision", () => {
  test("N is numeric so -10 follows -9", () => {
    const entries = [
      tag("ML-Beaconing-20261204-9"),
      tag("ML-Beaconing-20261204-2"),
    ];
    expect(buildNameDecision("2026-12-04", HEAD, entries)).toEqual({
      action: "create",
      sequence: 10,
    });
  });

  test("N starts at 1 on a new UTC day", () => {
    const entries = [tag("ML-Beaconing-20261203-5"), tag("v1.0.0")];
    expect(buildNameDecision("2026-12-04", HEAD, entries)).toEqual({
      action: "create",
      sequence: 1,
    });
  });

  test("release names count as well as tags", () => {
    const draft: SeriesEntry = {
      name: "ML-Beaconing-20261204-6",
      commit: "main",
      kind: "release",
    };
    expect(
      buildNameDecision("2026-12-04", HEAD, [
        tag("ML-Beaconing-20261204-1"),
        draft,
      ]).sequence,
    ).toBe(7);
  });

  test("a name of the day at HEAD is resumed", () => {
    const entries = [
      tag("ML-Beaconing-20261204-3", HEAD),
      tag("ML-Beaconing-20261204-4"),
    ];
    expect(buildNameDecision("2026-12-04", HEAD, entries)).toMatchObject({
      action: "resume",
      sequence: 3,
    });
  });

  test("a name of another day at HEAD is not resumed", () => {
    const entries = [tag("ML-Beaconing-20261203-3", HEAD)];
    expect(buildNameDecision("2026-12-04", HEAD, entries)).toEqual({
      action: "create",
      sequence: 1,
    });
  });

  test("malformed names are ignored", () => {
    const entries = [
      tag("ML-Beaconing-20261204-0"),
      tag("ML-Beaconing-20261204-x"),
      tag("ML-Beaconing-2026124-5"),
    ];
    expect(buildNameDecision("2026-12-04", HEAD, entries).sequence).toBe(1);
  });
});

describe("previousReleaseName", () => {
  test("picks the newest older name across days", () => {
    const names = [
      "ML-Beaconing-20261203-10",
      "ML-Beaconing-20261203-9",
      "ML-Beaconing-20261204-2",
      "v2",
    ];
    expect(previousReleaseName("ML-Beaconing-20261204-1", names)).toBe(
      "ML-Beaconing-20261203-10",
    );
    expect(previousReleaseName("ML-Beaconing-20261203-1", names)).toBeNull();
  });
});

describe("buildAssets and buildAssetActions", () => {
  const assets = buildAssets("B.zip", Buffer.from("zip bytes"), "{}\n");

  test("SHA256SUMS lists the zip and manifest in sha256sum format", () => {
    expect(assets.map((a) => a.name)).toEqual([
      "B.zip",
      "manifest.json",
      "SHA256SUMS",
    ]);
    const sums = assets[2]!.bytes.toString("utf8");
    expect(sums).toBe(
      `${assets[0]!.sha256}  B.zip\n${assets[1]!.sha256}  manifest.json\n`,
    );
  });

  test("keeps complete assets and replaces starter or wrong ones", () => {
    const zip = assets[0]!;
    const existing = [
      {
        id: 1,
        name: "B.zip",
        size: zip.size,
        state: "uploaded",
        digest: `sha256:${zip.sha256}`,
      },
      { id: 2, name: "manifest.json", size: 3, state: "starter" },
      { id: 3, name: "unrelated.txt", size: 1, state: "uploaded" },
    ];
    const actions = buildAssetActions(assets, existing);
    expect(actions.map((a) => a.kind)).toEqual(["keep", "replace", "upload"]);
  });

  test("replaces an uploaded asset of wrong size or digest", () => {
    const asset = plannedAsset("a", "text/plain", Buffer.from("abc"));
    const wrongSize = [{ id: 1, name: "a", size: 4, state: "uploaded" }];
    const wrongDigest = [
      { id: 1, name: "a", size: 3, state: "uploaded", digest: "sha256:00" },
    ];
    expect(buildAssetActions([asset], wrongSize)[0]).toMatchObject({
      kind: "replace",
      reason: "it has 4 bytes, expected 3",
    });
    expect(buildAssetActions([asset], wrongDigest)[0]?.kind).toBe("replace");
  });
});

describe("resolveReleaseOptions", () => {
  const now = new Date("2026-12-04T23:30:00-05:00");

  test("without a token it is a dry run and needs no repository", () => {
    const options = resolveReleaseOptions({}, {}, now);
    expect(options).toMatchObject({
      dryRun: true,
      repo: null,
      date: "2026-12-05",
      prerelease: true,
    });
    expect(options.apiUrl).toBe("https://api.github.com");
  });

  test("with a token the repository comes from GITHUB_REPOSITORY", () => {
    const options = resolveReleaseOptions(
      {},
      {
        GITHUB_TOKEN: "t",
        GITHUB_REPOSITORY: "a/b",
        GITHUB_API_URL: "http://127.0.0.1:1/api/",
      },
      now,
    );
    expect(options).toMatchObject({
      dryRun: false,
      repo: { fullName: "a/b" },
      apiUrl: "http://127.0.0.1:1/api",
    });
  });

  test("rejects a missing repository, bad names and URLs with credentials", () => {
    expect(() => resolveReleaseOptions({}, { GITHUB_TOKEN: "t" })).toThrow(
      "missing repository",
    );
    for (const bad of ["o", "o/r/x", "-o/r", "o/..", "o/r r", ""]) {
      expect(() => parseRepo(bad), bad).toThrow("invalid repository");
    }
    const env = {
      GITHUB_TOKEN: "t",
      GITHUB_API_URL: "https://user:secret@ghe.example/api",
    };
    expect(() => resolveReleaseOptions({ repo: "o/r" }, env)).toThrow(
      /^invalid GITHUB_API_URL: it contains credentials/,
    );
    expect(() =>
      resolveReleaseOptions(
        { repo: "o/r" },
        { ...env, GITHUB_API_URL: "ftp://x" },
      ),
    ).toThrow("invalid GITHUB_API_URL");
  });
});

describe("readChangeLog", () => {
  const repo = tempDir();
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args],
      { cwd: repo, encoding: "utf8" },
    );
  git("init", "-q");
  git("commit", "-q", "--allow-empty", "-m", "First");
  git("tag", "ML-Beaconing-20261203-1");
  git("commit", "-q", "--allow-empty", "-m", "Fix the reduce script");

  test("lists commits since a local tag", async () => {
    const log = await readChangeLog("ML-Beaconing-20261203-1", repo);
    expect(log.kind).toBe("commits");
    expect(log.kind === "commits" && log.lines).toEqual([
      expect.stringMatching(/^- Fix the reduce script \([0-9a-f]+\)$/),
    ]);
  });

  test("says when the tag is not local", async () => {
    expect(await readChangeLog("ML-Beaconing-20261202-1", repo)).toEqual({
      kind: "tag-not-local",
      previous: "ML-Beaconing-20261202-1",
    });
    expect(await readChangeLog(null, repo)).toEqual({ kind: "first" });
  });
});
