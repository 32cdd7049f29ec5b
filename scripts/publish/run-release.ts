// The release stage: name, build, plan, then (unless a dry run) create or
// resume the release and complete its assets.
import { promises as fs } from "node:fs";
import { buildBundle } from "../build/build-bundle.ts";
import { resolveBuildOptions } from "../build/options.ts";
import { sourceCommit } from "../build/source-info.ts";
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { buildReleaseDescription } from "./description.ts";
import { readChangeLog, listLocalReleaseTags, REPO_ROOT } from "./git.ts";
import { createGitHubClient, type GitHubClient } from "./github-client.ts";
import {
  listAllReleases,
  listAllTags,
  seriesEntries,
  type ReleaseSummary,
  type RepoRef,
} from "./github-repo.ts";
import {
  buildNameDecision,
  previousReleaseName,
  type NameDecision,
} from "./naming.ts";
import type { ReleaseOptions } from "./options.ts";
import { buildAssets, type AssetAction, type ReleasePlan } from "./plan.ts";
import {
  completeAssets,
  createRelease,
  findRelease,
  updateReleaseBody,
} from "./publish.ts";

export interface ReleaseResult {
  plan: ReleasePlan;
  dryRun: boolean;
  url: string | null;
  actions: AssetAction[];
}

export interface ReleaseDependencies {
  logger: Logger;
  debug?: boolean;
  /** Back-off unit of the Octokit plugins, in milliseconds (default 1000). */
  backoffUnitMs?: number;
}

interface RemoteState {
  client: GitHubClient;
  ref: RepoRef;
  releases: ReleaseSummary[];
  names: string[];
  decision: NameDecision;
}

export async function runRelease(
  options: ReleaseOptions,
  deps: ReleaseDependencies,
): Promise<ReleaseResult> {
  const { logger } = deps;
  const head = await sourceCommit();
  if (head === null && !options.dryRun) {
    throw new UserError(
      "cannot release outside a Git checkout: the release tag needs a commit",
    );
  }
  const remote = options.token ? await readRemote(options, deps, head) : null;
  const sequence = remote?.decision.sequence ?? options.assumedSequence;
  if (remote?.decision.action === "resume") {
    logger.step(`resuming N=${sequence}: ${remote.decision.reason}`);
  } else if (!remote) {
    logger.warn(
      `N=${sequence} is assumed (--sequence or 1): without GITHUB_TOKEN the repository's tags are not read`,
    );
  }
  const plan = await buildPlan(options, deps, head, sequence, remote);
  if (options.dryRun || !remote)
    return { plan, dryRun: true, url: null, actions: [] };
  return publish(remote, plan, logger);
}

async function readRemote(
  options: ReleaseOptions,
  deps: ReleaseDependencies,
  head: string | null,
): Promise<RemoteState | null> {
  if (!options.repo || !options.token) return null;
  const ref: RepoRef = { ...options.repo, token: options.token };
  const client = createGitHubClient({
    token: options.token,
    apiUrl: options.apiUrl,
    logger: deps.logger,
    debug: deps.debug,
    maxRetries: options.maxRetries,
    backoffUnitMs: deps.backoffUnitMs,
  });
  deps.logger.step(`reading the tags and releases of ${ref.fullName}`);
  const tags = await listAllTags(client, ref);
  const releases = await listAllReleases(client, ref);
  const entries = seriesEntries(tags, releases);
  const decision = buildNameDecision(options.date, head ?? "", entries);
  return { client, ref, releases, names: entries.map((e) => e.name), decision };
}

async function buildPlan(
  options: ReleaseOptions,
  deps: ReleaseDependencies,
  head: string | null,
  sequence: number,
  remote: RemoteState | null,
): Promise<ReleasePlan> {
  const buildOptions = resolveBuildOptions({
    date: options.date,
    sequence: String(sequence),
    out: options.outDir,
  });
  const built = await buildBundle(buildOptions, deps.logger);
  const manifest = built.bundle.files["manifest.json"] as string;
  const assets = buildAssets(
    `${built.name}.zip`,
    await fs.readFile(built.zipPath),
    manifest,
  );
  const known = remote?.names ?? (await listLocalReleaseTags(REPO_ROOT));
  const changes = await readChangeLog(
    previousReleaseName(built.name, known),
    REPO_ROOT,
  );
  return {
    repo: options.repo?.fullName ?? null,
    tag: built.name,
    commit: head,
    action: remote?.decision.action ?? "create",
    draft: options.draft,
    prerelease: options.prerelease,
    body: buildReleaseDescription({
      name: built.name,
      changes,
      manifest: built.bundle.manifest,
      assets,
    }),
    assets,
  };
}

async function publish(
  remote: RemoteState,
  plan: ReleasePlan,
  logger: Logger,
): Promise<ReleaseResult> {
  const { client, ref } = remote;
  let release = findRelease(remote.releases, plan.tag);
  if (release) {
    logger.step(`release ${plan.tag} exists (id ${release.id}); completing it`);
    if ((release.body ?? "") !== plan.body) {
      logger.step("updating its description");
      await updateReleaseBody(client, ref, release, plan.body);
    }
  } else {
    logger.step(`creating release ${plan.tag} on ${plan.commit?.slice(0, 12)}`);
    release = await createRelease(client, ref, plan);
  }
  const actions = await completeAssets(
    client,
    ref,
    release,
    plan.assets,
    logger,
  );
  return { plan, dryRun: false, url: release.html_url, actions };
}
