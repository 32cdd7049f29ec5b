// Checks and resolves the release options and environment before any work.
import { todayUtc, resolveBuildOptions } from "../build/options.ts";
import { UserError } from "../errors.ts";

export const DEFAULT_API_URL = "https://api.github.com";

export interface RawReleaseOptions {
  repo?: string;
  date?: string;
  dryRun?: boolean;
  draft?: boolean;
  /** Commander sets false for --no-prerelease. */
  prerelease?: boolean;
  out?: string;
  sequence?: string;
  maxRetries?: string;
}

export interface ReleaseOptions {
  /** owner/name, or null in a dry run that was given none. */
  repo: { owner: string; repo: string; fullName: string } | null;
  token: string | null;
  apiUrl: string;
  date: string;
  dryRun: boolean;
  /** Reason for a dry run, shown in the plan's headline. */
  dryRunReason: string | null;
  draft: boolean;
  prerelease: boolean;
  outDir: string;
  /** N to assume when no token allows reading the repository's tags. */
  assumedSequence: number;
  maxRetries: number;
}

// GitHub's rules: owner 1-39 letters, digits or inner hyphens; repository
// name up to 100 letters, digits, `.`, `_` or `-`, and not `.` or `..`.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function parseRepo(text: string): NonNullable<ReleaseOptions["repo"]> {
  const [owner, repo, ...rest] = text.split("/");
  const valid =
    rest.length === 0 &&
    owner !== undefined &&
    repo !== undefined &&
    OWNER.test(owner) &&
    NAME.test(repo) &&
    repo !== "." &&
    repo !== "..";
  if (!valid) {
    throw new UserError(
      `invalid repository ${JSON.stringify(text)}: expected owner/name as on GitHub, for example elastic/ml-beaconing`,
    );
  }
  return { owner: owner!, repo: repo!, fullName: `${owner}/${repo}` };
}

export function resolveReleaseOptions(
  raw: RawReleaseOptions,
  env: NodeJS.ProcessEnv,
  now = new Date(),
): ReleaseOptions {
  const token = env.GITHUB_TOKEN?.trim() || null;
  const repoText = raw.repo ?? (env.GITHUB_REPOSITORY || undefined);
  const repo = repoText === undefined ? null : parseRepo(repoText);
  const dryRunReason = raw.dryRun
    ? "--dry-run was given"
    : token === null
      ? "GITHUB_TOKEN is not set"
      : null;
  if (dryRunReason === null && repo === null) {
    throw new UserError(
      "missing repository: pass --repo owner/name or set GITHUB_REPOSITORY",
    );
  }
  if (raw.sequence !== undefined && token !== null) {
    throw new UserError(
      "--sequence applies only to a dry run without GITHUB_TOKEN: with a token, N is computed from the repository's tags and releases",
    );
  }
  // The build options' checks cover --date, --sequence and --out.
  const build = resolveBuildOptions(
    { date: raw.date ?? todayUtc(now), sequence: raw.sequence, out: raw.out },
    now,
  );
  return {
    repo,
    token,
    apiUrl: parseApiUrl(env.GITHUB_API_URL || DEFAULT_API_URL),
    date: build.date,
    dryRun: dryRunReason !== null,
    dryRunReason,
    draft: raw.draft ?? false,
    prerelease: raw.prerelease ?? true,
    outDir: build.outDir,
    assumedSequence: build.sequence,
    maxRetries: parseRetries(raw.maxRetries ?? "3"),
  };
}

function parseApiUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url && (url.username || url.password)) {
    // Not echoed: the credentials in it are as secret as a token.
    throw new UserError(
      "invalid GITHUB_API_URL: it contains credentials; put the token in GITHUB_TOKEN instead",
    );
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new UserError(
      `invalid GITHUB_API_URL ${JSON.stringify(text)}: expected an http(s) URL, for example ${DEFAULT_API_URL}`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

function parseRetries(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 10) {
    throw new UserError(
      `invalid --max-retries ${JSON.stringify(text)}: expected a whole number from 0 to 10`,
    );
  }
  return Number(text);
}
