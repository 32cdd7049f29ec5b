// Retry policy and error wrapping of the GitHub client, against the fake
// GitHub with a back-off unit of 1 ms so that retries take no real time.
import { describe, expect, test } from "vitest";
import type { Logger } from "../scripts/logger.ts";
import { createGitHubClient } from "../scripts/publish/github-client.ts";
import { GitHubError } from "../scripts/publish/github-error.ts";
import {
  listAllReleases,
  listAllTags,
  type RepoRef,
} from "../scripts/publish/github-repo.ts";
import { plannedAsset, type ReleasePlan } from "../scripts/publish/plan.ts";
import { createRelease, uploadAsset } from "../scripts/publish/publish.ts";
import { RATE_LIMITS } from "./fakes/github-replies.ts";
import type { FakeGitHub } from "./fakes/github-server.ts";
import { startFakeGitHub } from "./helpers/github.ts";

const REF: RepoRef = { owner: "o", repo: "r", fullName: "o/r", token: "t" };

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

function client(fake: FakeGitHub, logger = recordingLogger(), token = "t") {
  return createGitHubClient({
    token,
    apiUrl: fake.base,
    logger,
    backoffUnitMs: 1,
    maxRetries: 3,
    writeIntervalMs: 0,
  });
}

const PLAN: ReleasePlan = {
  repo: "o/r",
  tag: "ML-Beaconing-20261204-1",
  commit: "b".repeat(40),
  action: "create",
  draft: false,
  prerelease: true,
  body: "notes",
  assets: [],
};

function countOf(fake: FakeGitHub, method: string, prefix: string): number {
  return fake.requests.filter(
    (r) => r.method === method && r.url.startsWith(prefix),
  ).length;
}

describe("GitHub client retries", () => {
  test("primary rate limit 403 is waited out and retried", async () => {
    const fake = await startFakeGitHub();
    fake.failures.push({
      method: "GET",
      url: /^\/repos\/o\/r\/tags/,
      times: 1,
      ...RATE_LIMITS.primary(),
    });
    const logger = recordingLogger();
    expect(await listAllTags(client(fake, logger), REF)).toEqual([]);
    expect(countOf(fake, "GET", "/repos/o/r/tags")).toBe(2);
    expect(logger.warnings.join("\n")).toContain("rate limit reached on GET");
  });

  test("secondary rate limit 403 with retry-after is retried", async () => {
    const fake = await startFakeGitHub();
    fake.failures.push({
      method: "POST",
      url: /^\/repos\/o\/r\/releases$/,
      times: 1,
      ...RATE_LIMITS.secondary(),
    });
    const logger = recordingLogger();
    await createRelease(client(fake, logger), REF, PLAN);
    expect(countOf(fake, "POST", "/repos/o/r/releases")).toBe(2);
    expect(fake.repo.releases).toHaveLength(1);
    expect(logger.warnings.join("\n")).toContain(
      "secondary rate limit reached on POST",
    );
  });

  test("429 and 5xx responses are retried with back-off", async () => {
    const fake = await startFakeGitHub();
    fake.failures.push({
      method: "GET",
      url: /^\/repos\/o\/r\/releases/,
      times: 1,
      ...RATE_LIMITS.tooMany(),
    });
    fake.failures.push({
      method: "GET",
      url: /^\/repos\/o\/r\/releases/,
      times: 2,
      status: 502,
    });
    expect(await listAllReleases(client(fake), REF)).toEqual([]);
    expect(countOf(fake, "GET", "/repos/o/r/releases")).toBe(4);
  });

  test("5xx beyond the retries fails with the status", async () => {
    const fake = await startFakeGitHub();
    fake.failures.push({
      method: "GET",
      url: /^\/repos\/o\/r\/tags/,
      times: 10,
      status: 503,
    });
    const error = await listAllTags(client(fake), REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(503);
    expect((error as GitHubError).message).toContain(
      "run the same command again later",
    );
    expect(countOf(fake, "GET", "/repos/o/r/tags")).toBe(4);
  });

  test("401 fails at once and names the token", async () => {
    const fake = await startFakeGitHub("right");
    const error = await listAllTags(
      client(fake, recordingLogger(), "wrong"),
      REF,
    ).catch((e: unknown) => e);
    expect((error as GitHubError).status).toBe(401);
    expect((error as GitHubError).message).toContain(
      "GITHUB_TOKEN is invalid or expired",
    );
    expect((error as GitHubError).body).toMatchObject({
      message: "Bad credentials",
    });
    expect((error as GitHubError).cause).toBeInstanceOf(Error);
    expect(fake.requests).toHaveLength(1);
  });

  test("404 fails at once and names the repository", async () => {
    const fake = await startFakeGitHub();
    const ref = { ...REF, repo: "missing", fullName: "o/missing" };
    const error = await listAllTags(client(fake), ref).catch((e: unknown) => e);
    expect((error as GitHubError).status).toBe(404);
    expect((error as GitHubError).message).toContain(
      "Repository o/missing was not found",
    );
    expect(fake.requests).toHaveLength(1);
  });

  test("422 already_exists on create returns the existing release", async () => {
    const fake = await startFakeGitHub();
    const existing = fake.repo.createRelease({ tag_name: PLAN.tag });
    const release = await createRelease(client(fake), REF, PLAN);
    expect(release.id).toBe(existing.id);
    expect(fake.repo.releases).toHaveLength(1);
    expect(fake.requests.find((r) => r.method === "POST")?.status).toBe(422);
  });

  test("other 422 fails at once with the GitHub errors", async () => {
    const fake = await startFakeGitHub();
    const body = {
      message: "Validation Failed",
      errors: [
        { resource: "Release", code: "invalid", field: "target_commitish" },
      ],
    };
    fake.failures.push({
      method: "POST",
      url: /releases$/,
      times: 1,
      status: 422,
      body,
    });
    const error = await createRelease(client(fake), REF, PLAN).catch(
      (e: unknown) => e,
    );
    expect((error as GitHubError).alreadyExists).toBe(false);
    expect((error as GitHubError).message).toContain(
      "Release target_commitish invalid",
    );
    expect(fake.requests).toHaveLength(1);
  });

  test("500 mid-upload is retried past the starter asset", async () => {
    const fake = await startFakeGitHub();
    const release = await createRelease(client(fake), REF, PLAN);
    fake.failures.push({
      method: "POST",
      url: /\/uploads\//,
      times: 1,
      status: 500,
      leaveStarter: true,
    });
    const asset = plannedAsset(
      "SHA256SUMS",
      "text/plain",
      Buffer.from("x  y\n"),
    );
    await uploadAsset(client(fake), REF, release, asset);
    const stored = fake.repo.releases[0]!.assets;
    expect(stored.map((a) => `${a.name}:${a.state}:${a.size}`)).toEqual([
      "SHA256SUMS:uploaded:5",
    ]);
    expect(
      fake.requests.map((r) => `${r.method} ${r.status}`).slice(1),
    ).toEqual(["POST 500", "POST 422", "GET 200", "DELETE 204", "POST 201"]);
  });
});
