import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import {
  resolveReleaseOptions,
  type RawReleaseOptions,
} from "../publish/options.ts";
import { runRelease, type ReleaseResult } from "../publish/run-release.ts";

export function registerRelease(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("release")
    .description(
      "compute the next ML-Beaconing-YYYYMMDD-N, build the bundle and publish it as a GitHub release; " +
        "reads GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com) and GITHUB_REPOSITORY. " +
        "A re-run on the same commit resumes the day's release instead of making a new one.",
    )
    .option(
      "--repo <owner/name>",
      "repository to publish to (default: GITHUB_REPOSITORY)",
    )
    .option(
      "--date <YYYY-MM-DD>",
      "UTC day in the release name (default: today in UTC)",
    )
    .option(
      "--dry-run",
      "print the plan and change nothing on GitHub (implied without GITHUB_TOKEN)",
    )
    .option("--draft", "create the release as a draft")
    .option(
      "--no-prerelease",
      "publish as a full release instead of a pre-release",
    )
    .option("--out <dir>", "folder the zip is written to", "dist")
    .option(
      "--sequence <N>",
      "N to assume in a dry run without GITHUB_TOKEN (default 1)",
    )
    .option(
      "--max-retries <n>",
      "retries of a request after a 5xx or rate-limit answer, 0 to 10",
      "3",
    )
    .action(async (raw: RawReleaseOptions) => {
      const logger = context.logger();
      const options = resolveReleaseOptions(raw, process.env);
      logger.headline(
        options.dryRun
          ? `Planning an ML-Beaconing release (dry run: ${options.dryRunReason})`
          : `Publishing an ML-Beaconing release to ${options.repo?.fullName}`,
      );
      const result = await runRelease(options, {
        logger,
        debug: context.debug,
      });
      context.output(toJson(result), toLines(result));
    });
}

function toJson(result: ReleaseResult) {
  const { plan } = result;
  return {
    dryRun: result.dryRun,
    repo: plan.repo,
    tag: plan.tag,
    commit: plan.commit,
    action: plan.action,
    draft: plan.draft,
    prerelease: plan.prerelease,
    assets: plan.assets.map((asset, index) => ({
      name: asset.name,
      size: asset.size,
      sha256: asset.sha256,
      done: result.actions[index]?.kind ?? null,
    })),
    body: plan.body,
    url: result.url,
  };
}

function toLines(result: ReleaseResult): string[] {
  const { plan } = result;
  const kind = plan.draft
    ? "draft"
    : plan.prerelease
      ? "pre-release"
      : "release";
  const head = result.dryRun
    ? [
        `Plan (dry run, nothing was changed on GitHub):`,
        `  ${plan.action} ${kind} ${plan.tag}` +
          (plan.repo ? ` in ${plan.repo}` : ""),
      ]
    : [`Release ${plan.tag} (${kind}) in ${plan.repo}:`];
  const assets = plan.assets.map((asset, index) => {
    const done = result.actions[index]?.kind;
    const note = done
      ? ` [${done === "keep" ? "already uploaded" : done === "replace" ? "replaced" : "uploaded"}]`
      : "";
    return `  ${asset.name}  ${asset.size} bytes  sha256 ${asset.sha256}${note}`;
  });
  const tail = result.dryRun
    ? ["", "Description:", "", plan.body]
    : [result.url ?? ""];
  return [...head, ...assets, ...tail];
}
