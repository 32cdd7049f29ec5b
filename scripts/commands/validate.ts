import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import { formatProblems, UserError } from "../errors.ts";
import { readBundle } from "../load/read-bundle.ts";
import { errorsOf, validateFiles } from "../validate/index.ts";

export function registerValidate(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("validate")
    .description(
      "check a bundle zip, a bundle or space folder, or one artifact file",
    )
    .argument("<target>", "bundle zip, folder or single artifact file")
    .action(async (target: string) => {
      const logger = context.logger();
      logger.headline(`Validating ${target}`);
      const files = await readBundle(target);
      const problems = validateFiles(files);
      const errors = errorsOf(problems);
      const count = Object.keys(files).length;
      if (errors.length > 0 && !context.json) {
        throw new UserError(formatProblems(problems, target));
      }
      context.output(
        {
          target,
          files: count,
          valid: errors.length === 0,
          problems: problems.map((problem) => ({
            severity: "error",
            ...problem,
          })),
        },
        [
          ...(problems.length > 0 ? [formatProblems(problems, target)] : []),
          `${target}: ${count} files, ${errors.length} errors, ${problems.length - errors.length} warnings`,
        ],
      );
      if (errors.length > 0) context.setExitCode(1);
    });
}
