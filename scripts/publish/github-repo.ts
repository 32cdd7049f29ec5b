// Read-only GitHub requests: every page of the repository's tags, releases
// and release assets.
import type { GitHubClient } from "./github-client.ts";
import { callGitHub, type CallContext } from "./github-error.ts";
import type { SeriesEntry } from "./naming.ts";
import type { ExistingAsset } from "./plan.ts";

/** Page size of list requests; GitHub allows at most 100. */
const PER_PAGE = 100;

export interface RepoRef {
  owner: string;
  repo: string;
  /** owner/name, for messages. */
  fullName: string;
  token: string;
}

export interface ReleaseSummary {
  id: number;
  tag_name: string;
  target_commitish: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  upload_url: string;
  body?: string | null;
}

export function callContext(ref: RepoRef, action: string): CallContext {
  return { action, repo: ref.fullName, token: ref.token };
}

export async function listAllTags(
  client: GitHubClient,
  ref: RepoRef,
): Promise<SeriesEntry[]> {
  const tags = await callGitHub(
    callContext(ref, `list the tags of ${ref.fullName}`),
    () =>
      client.paginate(client.rest.repos.listTags, {
        owner: ref.owner,
        repo: ref.repo,
        per_page: PER_PAGE,
      }),
  );
  return tags.map((tag) => ({
    name: tag.name,
    commit: tag.commit.sha,
    kind: "tag",
  }));
}

export async function listAllReleases(
  client: GitHubClient,
  ref: RepoRef,
): Promise<ReleaseSummary[]> {
  return callGitHub(
    callContext(ref, `list the releases of ${ref.fullName}`),
    () =>
      client.paginate(client.rest.repos.listReleases, {
        owner: ref.owner,
        repo: ref.repo,
        per_page: PER_PAGE,
      }),
  );
}

/** Tags and releases as one list; a release counts with its target commit. */
export function seriesEntries(
  tags: SeriesEntry[],
  releases: ReleaseSummary[],
): SeriesEntry[] {
  return [
    ...tags,
    ...releases.map((release) => ({
      name: release.tag_name,
      commit: release.target_commitish,
      kind: "release" as const,
    })),
  ];
}

export async function listAllAssets(
  client: GitHubClient,
  ref: RepoRef,
  releaseId: number,
): Promise<ExistingAsset[]> {
  return callGitHub(
    callContext(ref, `list the assets of release ${releaseId}`),
    () =>
      client.paginate(client.rest.repos.listReleaseAssets, {
        owner: ref.owner,
        repo: ref.repo,
        release_id: releaseId,
        per_page: PER_PAGE,
      }),
  );
}
