import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import {
  checkCompatibility,
  type CompatibilityResult,
} from "../compat/check.ts";
import { sourceArtifacts } from "../compat/sources.ts";
import { parseStackTarget } from "../compat/version.ts";
import { readBundle } from "../load/read-bundle.ts";

export function registerCompat(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("compat")
    .description(
      "tell whether a bundle works on an Elastic Stack version or in Serverless: exit 0 when it does, 1 when not, 2 for an invalid version",
    )
    .requiredOption(
      "--stack <version>",
      'Stack version such as 8.12.0 or 8.12.0-SNAPSHOT (a pre-release counts as its release), or "serverless"',
    )
    .argument(
      "[bundle]",
      "bundle zip or folder (default: the artifacts rendered from the checked-out sources)",
    )
    .action(async (bundle: string | undefined, options: { stack: string }) => {
      const target = parseStackTarget(options.stack);
      const logger = context.logger();
      logger.headline(
        `Checking ${bundle ?? "the checked-out sources"} against ${options.stack}`,
      );
      const files = bundle ? await readBundle(bundle) : sourceArtifacts();
      const result = checkCompatibility(files, target);
      for (const note of result.notes) logger.warn(note);
      context.output(
        result,
        resultLines(result, bundle ?? "the checked-out sources"),
      );
      if (!result.supported) context.setExitCode(1);
    });
}

function resultLines(result: CompatibilityResult, subject: string): string[] {
  const failing = result.artifacts.filter((artifact) => !artifact.supported);
  if (failing.length === 0) {
    return [`${subject}: every artifact works on ${result.target}`];
  }
  return [
    `${subject}: ${failing.length} of ${result.artifacts.length} artifacts do not work on ${result.target}:`,
    ...failing.flatMap((artifact, index) => [
      `${index + 1}. ${artifact.artifact}:`,
      ...artifact.reasons.map((reason) => `   - ${reason}`),
    ]),
  ];
}
