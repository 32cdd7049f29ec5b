import type { Command } from "commander";
import { renderConsole } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import type { CommandContext } from "../cli.ts";
import { checkSpaceOption } from "../deploy/install.ts";
import { loadSpaceRelease } from "../deploy/space-files.ts";

export function registerConsole(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("console")
    .description(
      "print the Dev Tools requests of a space in install order, as in the bundle's console.txt",
    )
    .argument(
      "[bundle]",
      "bundle zip or folder (default: render from the checked-out sources)",
    )
    .option("--space <id>", "Kibana space whose requests to print", "default")
    .action(async (bundle: string | undefined, flags: { space: string }) => {
      checkSpaceOption(flags.space);
      const release = await loadSpaceRelease(flags.space, bundle);
      // A bundle's own console.txt is printed as it is; otherwise it is rendered.
      const text =
        release.files["console.txt"] ??
        renderConsole(flags.space, release.files);
      context.output(
        { space: flags.space, release: release.release, console: text },
        [text.trimEnd()],
      );
    });
}
