// Requests that change the repository: create the release, upload, replace
// and delete assets. Each is safe to repeat after a failure.
import type { Logger } from "../logger.ts";
import type { GitHubClient } from "./github-client.ts";
import { callGitHub, GitHubError } from "./github-error.ts";
import {
  callContext,
  listAllAssets,
  listAllReleases,
  type ReleaseSummary,
  type RepoRef,
} from "./github-repo.ts";
import {
  buildAssetActions,
  type AssetAction,
  type PlannedAsset,
  type ReleasePlan,
} from "./plan.ts";

/**
 * Creates the plan's release. When GitHub returns 422 already_exists, a
 * concurrent run made it first, and that release is returned instead.
 */
export async function createRelease(
  client: GitHubClient,
  ref: RepoRef,
  plan: ReleasePlan,
): Promise<ReleaseSummary> {
  const context = callContext(ref, `create release ${plan.tag}`);
  try {
    const { data } = await callGitHub(context, () =>
      client.rest.repos.createRelease({
        owner: ref.owner,
        repo: ref.repo,
        tag_name: plan.tag,
        target_commitish: plan.commit ?? undefined,
        name: plan.tag,
        body: plan.body,
        draft: plan.draft,
        prerelease: plan.prerelease,
      }),
    );
    return data;
  } catch (error) {
    if (!(error instanceof GitHubError && error.alreadyExists)) throw error;
    const existing = findRelease(await listAllReleases(client, ref), plan.tag);
    if (!existing) throw error;
    return existing;
  }
}

export function findRelease(
  releases: ReleaseSummary[],
  tag: string,
): ReleaseSummary | undefined {
  return releases.find((release) => release.tag_name === tag);
}

export async function updateReleaseBody(
  client: GitHubClient,
  ref: RepoRef,
  release: ReleaseSummary,
  body: string,
): Promise<void> {
  await callGitHub(
    callContext(ref, `update the description of ${release.tag_name}`),
    () =>
      client.rest.repos.updateRelease({
        owner: ref.owner,
        repo: ref.repo,
        release_id: release.id,
        body,
      }),
  );
}

/** Uploads missing assets and replaces broken ones; returns what was done. */
export async function completeAssets(
  client: GitHubClient,
  ref: RepoRef,
  release: ReleaseSummary,
  planned: PlannedAsset[],
  logger: Logger,
): Promise<AssetAction[]> {
  const actions = buildAssetActions(
    planned,
    await listAllAssets(client, ref, release.id),
  );
  for (const action of actions) {
    if (action.kind === "keep") {
      logger.step(`${action.asset.name} is already uploaded`);
      continue;
    }
    if (action.kind === "replace") {
      logger.step(`replacing ${action.asset.name}: ${action.reason}`);
      await deleteAsset(client, ref, action.existing.id, action.asset.name);
    }
    logger.step(`uploading ${action.asset.name} (${action.asset.size} bytes)`);
    await uploadAsset(client, ref, release, action.asset);
  }
  return actions;
}

export async function deleteAsset(
  client: GitHubClient,
  ref: RepoRef,
  assetId: number,
  name: string,
): Promise<void> {
  await callGitHub(
    callContext(ref, `delete the incomplete asset ${name}`),
    () =>
      client.rest.repos.deleteReleaseAsset({
        owner: ref.owner,
        repo: ref.repo,
        asset_id: assetId,
      }),
  );
}

/**
 * Uploads one asset through the release's upload_url template. A 422
 * already_exists means an asset of that name appeared since the assets were
 * listed, for example the `starter` asset of an upload that failed half-way
 * and was retried: that asset is deleted and the upload made once more.
 */
export async function uploadAsset(
  client: GitHubClient,
  ref: RepoRef,
  release: ReleaseSummary,
  asset: PlannedAsset,
): Promise<void> {
  try {
    await postAsset(client, ref, release, asset);
  } catch (error) {
    if (!(error instanceof GitHubError && error.alreadyExists)) throw error;
    const assets = await listAllAssets(client, ref, release.id);
    const blocking = assets.find((candidate) => candidate.name === asset.name);
    if (!blocking) throw error;
    await deleteAsset(client, ref, blocking.id, asset.name);
    await postAsset(client, ref, release, asset);
  }
}

async function postAsset(
  client: GitHubClient,
  ref: RepoRef,
  release: ReleaseSummary,
  asset: PlannedAsset,
): Promise<void> {
  await callGitHub(
    callContext(ref, `upload ${asset.name} to ${release.tag_name}`),
    () =>
      client.request({
        method: "POST",
        url: release.upload_url,
        name: asset.name,
        data: asset.bytes,
        headers: {
          "content-type": asset.contentType,
          "content-length": asset.size,
        },
      }),
  );
}
