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
import { isHealthy, readStatus, statusLines } from "../deploy/status.ts";

export function registerStatus(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command("status")
    .description(
      "report a space's transform, ML job, results and saved objects; exits 1 when the transform is missing or failed, or the Kibana space or saved objects are missing",
    )
    .argument(
      "[bundle]",
      "bundle whose saved objects to look for (default: the checked-out sources)",
    )
    .option("--space <id>", "Kibana space to report on", "default");
  addConnectionOptions(command).action(
    async (
      bundle: string | undefined,
      flags: ConnectionFlags & { space: string },
    ) => {
      checkSpaceOption(flags.space);
      const release = await loadSpaceRelease(flags.space, bundle);
      const session = openSession(flags, context, [flags.space, bundle]);
      await withSession(session, async ({ services, output }) => {
        const report = await readStatus(release, services);
        output({ ...report, healthy: isHealthy(report) }, statusLines(report));
        if (!isHealthy(report)) context.setExitCode(1);
      });
    },
  );
}
