import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import type { ConnectionFlags } from "../deploy/connection.ts";
import { checkSpaceOption } from "../deploy/install.ts";
import {
  addConnectionOptions,
  openSession,
  withSession,
} from "../deploy/session.ts";
import { loadSpaceRelease } from "../deploy/space-files.ts";
import { uninstallLines } from "../deploy/report.ts";
import { runUninstall } from "../deploy/uninstall.ts";

interface UninstallFlags extends ConnectionFlags {
  space: string;
  deleteData?: boolean;
  dryRun?: boolean;
}

export function registerUninstall(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command("uninstall")
    .description(
      "remove a space's transform and saved objects; shared scripts, pipeline and template only when no other space uses them",
    )
    .argument(
      "[bundle]",
      "bundle whose saved objects to delete (default: the checked-out sources)",
    )
    .option("--space <id>", "Kibana space to uninstall from", "default")
    .option(
      "--delete-data",
      "also delete the space's results index ml_beaconing_<space>",
    )
    .option("--dry-run", "print the requests without sending them");
  addConnectionOptions(command).action(
    async (bundle: string | undefined, flags: UninstallFlags) => {
      checkSpaceOption(flags.space);
      const release = await loadSpaceRelease(flags.space, bundle);
      const session = openSession(flags, context, [flags.space, bundle]);
      await withSession(session, async ({ services, logger, output }) => {
        logger.headline(
          flags.dryRun
            ? `Dry run: planning the uninstall of ML-Beaconing from the space "${flags.space}"; nothing is changed`
            : `Uninstalling ML-Beaconing from the space "${flags.space}"`,
        );
        const report = await runUninstall(release, services, {
          deleteData: flags.deleteData === true,
          dryRun: flags.dryRun === true,
        });
        output(report, uninstallLines(report));
        if (report.result?.failed) context.setExitCode(1);
      });
    },
  );
}
