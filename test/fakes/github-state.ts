// The data of the fake GitHub: one repository's tags, releases and assets,
// shaped like the REST API's JSON.
import { createHash } from "node:crypto";

export interface FakeTag {
  name: string;
  sha: string;
}

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  state: "uploaded" | "starter";
  size: number;
  digest: string | null;
  bytes: Buffer;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  assets: FakeAsset[];
}

export class FakeRepository {
  readonly tags: FakeTag[] = [];
  readonly releases: FakeRelease[] = [];
  private nextId = 1000;

  constructor(
    readonly owner: string,
    readonly name: string,
    /** Commit the default branch points to. */
    readonly mainSha = "a".repeat(40),
  ) {}

  id(): number {
    return this.nextId++;
  }

  addTag(name: string, sha: string): void {
    this.tags.push({ name, sha });
  }

  release(id: number): FakeRelease | undefined {
    return this.releases.find((release) => release.id === id);
  }

  asset(id: number): { release: FakeRelease; asset: FakeAsset } | undefined {
    for (const release of this.releases) {
      const asset = release.assets.find((candidate) => candidate.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** As GitHub does: publishing a release tags target_commitish. */
  createRelease(
    input: Partial<FakeRelease> & { tag_name: string },
  ): FakeRelease {
    const release: FakeRelease = {
      id: this.id(),
      tag_name: input.tag_name,
      target_commitish: input.target_commitish ?? "main",
      name: input.name ?? null,
      body: input.body ?? null,
      draft: input.draft ?? false,
      prerelease: input.prerelease ?? false,
      created_at: new Date().toISOString(),
      assets: [],
    };
    this.releases.unshift(release);
    if (
      !release.draft &&
      !this.tags.some((tag) => tag.name === release.tag_name)
    ) {
      const sha = /^[0-9a-f]{40}$/.test(release.target_commitish)
        ? release.target_commitish
        : this.mainSha;
      this.tags.unshift({ name: release.tag_name, sha });
    }
    return release;
  }

  addAsset(
    release: FakeRelease,
    fields: Omit<FakeAsset, "id" | "size" | "digest">,
  ): FakeAsset {
    const complete = fields.state === "uploaded";
    const asset: FakeAsset = {
      ...fields,
      id: this.id(),
      size: fields.bytes.length,
      digest: complete
        ? `sha256:${createHash("sha256").update(fields.bytes).digest("hex")}`
        : null,
    };
    release.assets.push(asset);
    return asset;
  }
}

export function tagJson(base: string, repo: FakeRepository, tag: FakeTag) {
  const path = `${base}/repos/${repo.owner}/${repo.name}`;
  return {
    name: tag.name,
    commit: { sha: tag.sha, url: `${path}/commits/${tag.sha}` },
    zipball_url: `${path}/zipball/refs/tags/${tag.name}`,
    tarball_url: `${path}/tarball/refs/tags/${tag.name}`,
    node_id: `REF_${tag.name}`,
  };
}

export function releaseJson(
  base: string,
  repo: FakeRepository,
  release: FakeRelease,
) {
  const path = `${base}/repos/${repo.owner}/${repo.name}/releases/${release.id}`;
  const { assets, ...fields } = release;
  return {
    ...fields,
    url: path,
    assets_url: `${path}/assets`,
    upload_url: `${base}/uploads/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
    html_url: `${base}/${repo.owner}/${repo.name}/releases/tag/${release.tag_name}`,
    assets: assets.map((asset) => assetJson(base, repo, asset)),
  };
}

export function assetJson(
  base: string,
  repo: FakeRepository,
  asset: FakeAsset,
) {
  return {
    id: asset.id,
    name: asset.name,
    label: asset.label,
    content_type: asset.content_type,
    state: asset.state,
    size: asset.size,
    digest: asset.digest,
    url: `${base}/repos/${repo.owner}/${repo.name}/releases/assets/${asset.id}`,
    browser_download_url: `${base}/${repo.owner}/${repo.name}/releases/download/${asset.name}`,
    download_count: 0,
  };
}
