// Builds the Octokit client: token auth, retries of 5xx responses with
// back-off, and waiting out primary and secondary rate limits.
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import type { Logger } from "../logger.ts";
import { redact } from "./github-error.ts";

const ReleaseOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ReleaseOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST API root, for example https://api.github.com. */
  apiUrl: string;
  logger: Logger;
  /** Writes Octokit's request log to the logger. */
  debug?: boolean;
  /** Retries of one request after a 5xx or rate-limit response (default 3). */
  maxRetries?: number;
  /**
   * Milliseconds per back-off unit (default 1000). The retry plugin waits
   * unit x (attempt^2) after a 5xx; the throttling plugin waits unit x the
   * seconds GitHub gives in `retry-after` or `x-ratelimit-reset`. Tests set 1.
   */
  backoffUnitMs?: number;
  /**
   * Minimum gap between two requests that change something. Unset, the
   * throttling plugin keeps its defaults: 1000 ms, the gap GitHub requests
   * between mutating requests, and 3000 ms for those that notify watchers.
   * Tests set 0.
   */
  writeIntervalMs?: number;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxRetries = options.maxRetries ?? 3;
  const unit = options.backoffUnitMs ?? 1000;
  const { logger, token } = options;
  const onLimit =
    (kind: string) =>
    (
      seconds: number,
      request: { method: string; url: string },
      _o: unknown,
      count: number,
    ) => {
      const retrying = count < maxRetries;
      logger.warn(
        redact(
          `${kind} on ${request.method} ${request.url}: ` +
            (retrying
              ? `retry ${count + 1} of ${maxRetries} after ${seconds} s`
              : `giving up after ${maxRetries} retries`),
          token,
        ),
      );
      return retrying;
    };
  return new ReleaseOctokit({
    auth: token,
    baseUrl: options.apiUrl,
    userAgent: "ml-beaconing-release",
    log: octokitLog(options),
    retry: { retries: maxRetries, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      ...writeLimiter(options.writeIntervalMs),
      onRateLimit: onLimit("rate limit reached"),
      onSecondaryRateLimit: onLimit("secondary rate limit reached"),
    },
  });
}

function writeLimiter(intervalMs: number | undefined) {
  if (intervalMs === undefined) return {};
  // Creating a release also passes the group of requests that notify
  // watchers, 3000 ms apart by default.
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: intervalMs }),
    notifications: new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: intervalMs,
    }),
  };
}

// Octokit's own log lines name the method, path and status, never headers;
// they still pass through redact() so no future change can print the token.
function octokitLog(options: GitHubClientOptions) {
  const write = (text: unknown) =>
    options.logger.step(redact(`octokit: ${String(text)}`, options.token));
  const quiet = () => {};
  return {
    debug: options.debug ? write : quiet,
    info: options.debug ? write : quiet,
    warn: (text: unknown) =>
      options.logger.warn(redact(`octokit: ${String(text)}`, options.token)),
    error: options.debug ? write : quiet,
  };
}
