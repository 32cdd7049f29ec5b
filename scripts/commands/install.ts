import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import { runInstall } from "../deploy/install.ts";
import { installJson, installLines } from "../deploy/report.ts";
import {
  addConnectionOptions,
  openSession,
  withSession,
} from "../deploy/session.ts";
import type { ConnectionFlags } from "../deploy/connection.ts";

interface InstallFlags extends ConnectionFlags {
  space: string;
  dryRun?: boolean;
  withMlJob?: boolean;
}

export function registerInstall(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command("install")
    .description(
      "check the cluster, then install or upgrade a space's artifacts: template, scripts, pipeline, transform, saved objects",
    )
    .argument(
      "[bundle]",
      "bundle zip or folder (default: render from the checked-out sources)",
    )
    .option("--space <id>", "Kibana space to install into", "default")
    .option(
      "--dry-run",
      "check the cluster and print the requests without sending them",
    )
    .option(
      "--with-ml-job",
      "also install the experimental anomaly-detection job (Platinum, Enterprise or trial)",
    );
  addConnectionOptions(command).action(
    async (bundle: string | undefined, flags: InstallFlags) => {
      const session = openSession(flags, context, [flags.space, bundle]);
      await withSession(session, async ({ services, logger, output }) => {
        logger.headline(
          flags.dryRun
            ? `Dry run: planning the install of ML-Beaconing into the space "${flags.space}"; nothing is changed`
            : `Installing ML-Beaconing into the space "${flags.space}"`,
        );
        const report = await runInstall(
          {
            space: flags.space,
            bundle,
            dryRun: flags.dryRun === true,
            withMlJob: flags.withMlJob === true,
          },
          services,
          logger,
        );
        output(installJson(report), installLines(report));
        if (report.result?.failed) context.setExitCode(1);
      });
    },
  );
}
