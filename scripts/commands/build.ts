import type { Command } from "commander";
import { buildBundle } from "../build/build-bundle.ts";
import {
  bundleName,
  resolveBuildOptions,
  type RawBuildOptions,
} from "../build/options.ts";
import type { CommandContext } from "../cli.ts";

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  value,
];

export function registerBuild(program: Command, context: CommandContext): void {
  program
    .command("build")
    .description(
      "render, validate and zip a bundle as <out>/ML-Beaconing-YYYYMMDD-N.zip",
    )
    .option(
      "--space <id>",
      "Kibana space to render, repeatable; default is always included",
      collect,
    )
    .option(
      "--date <YYYY-MM-DD>",
      "UTC day in the bundle name (default: today in UTC)",
    )
    .option(
      "--sequence <N>",
      "N of ML-Beaconing-YYYYMMDD-N, from 1 (default: 1)",
    )
    .option("--out <dir>", "folder the zip is written to", "dist")
    .option(
      "--source-index <pattern>",
      "index pattern the transform reads, repeatable (default: logs-*)",
      collect,
    )
    .option(
      "--stack-min <version>",
      "oldest Elastic Stack version the artifacts must work on; newer features are left out or the build fails naming them (default: the oldest version the full feature set supports)",
    )
    .action(async (raw: RawBuildOptions) => {
      const logger = context.logger();
      const options = resolveBuildOptions(raw);
      logger.headline(
        `Building ML-Beaconing bundle ${bundleName(options.date, options.sequence)} for spaces ${options.spaces.join(", ")}`,
      );
      const result = await buildBundle(options, logger);
      context.output(
        {
          name: result.name,
          zip: result.zipPath,
          size: result.zipSize,
          sha256: result.zipSha256,
          spaces: result.spaces,
          files: result.files,
        },
        [
          `Built ${result.zipPath} (${result.zipSize} bytes, ${result.files} files)`,
          `  sha256 ${result.zipSha256}`,
        ],
      );
    });
}
