import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import { checkCompatibility, presentArtifacts } from "../compat/check.ts";
import { ARTIFACTS } from "../compat/detect.ts";
import { compatibilityLines } from "../compat/report.ts";
import { sourceArtifacts } from "../compat/sources.ts";
import { parseStackTarget, USAGE_ERROR_EXIT_CODE } from "../compat/version.ts";
import { UserError } from "../errors.ts";
import { readBundle, type FileTree } from "../load/read-bundle.ts";

export function registerCompat(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("compat")
    .description(
      "tell whether a bundle works on an Elastic Stack version or in Serverless. " +
        "Exit codes: 0 when every artifact works, 1 when one does not, " +
        "2 for an invalid version or a bundle that cannot be read or contains no ML-Beaconing artifacts",
    )
    .requiredOption(
      "--stack <version>",
      'Stack version such as 8.12.0 or 8.12.0-SNAPSHOT (a pre-release counts as its release), or "serverless"',
    )
    .argument(
      "[bundle]",
      "bundle zip or folder, space folder or one artifact file (default: the artifacts rendered from the checked-out sources)",
    )
    .action(async (bundle: string | undefined, options: { stack: string }) => {
      const target = parseStackTarget(options.stack);
      const subject = bundle ?? "the checked-out sources";
      const logger = context.logger();
      logger.headline(`Checking ${subject} against ${options.stack}`);
      const files = bundle ? await readTarget(bundle) : sourceArtifacts();
      const result = checkCompatibility(files, target);
      for (const note of result.notes) logger.warn(note);
      context.output(result, compatibilityLines(result, subject));
      if (!result.supported) context.setExitCode(1);
    });
}

// Input that is not a bundle is a usage error (exit 2), so that exit 1
// always means "does not work".
async function readTarget(bundle: string): Promise<FileTree> {
  let files: FileTree;
  try {
    files = await readBundle(bundle);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.message, {
      cause: error,
      exitCode: USAGE_ERROR_EXIT_CODE,
    });
  }
  if (presentArtifacts(files).size === 0) throw noArtifacts(bundle, files);
  return files;
}

function noArtifacts(bundle: string, files: FileTree): UserError {
  const count = Object.keys(files).length;
  const expected = ARTIFACTS.flatMap((artifact) => artifact.files).join(", ");
  return new UserError(
    `${bundle} contains no ML-Beaconing artifacts (${count} ${count === 1 ? "file" : "files"} read); ` +
      `expected a bundle zip or folder, a space folder, or an artifact file named one of ${expected}`,
    { exitCode: USAGE_ERROR_EXIT_CODE },
  );
}
