import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import { UserError } from "../errors.ts";
import { checkSpaceOption } from "../deploy/install.ts";
import { loadSpaceRelease } from "../deploy/space-files.ts";
import {
  PainlessCompileError,
  PainlessSyntaxError,
  PainlessUnsupportedError,
} from "../painless/errors.ts";
import {
  artifactsFromFiles,
  ArtifactError,
  type SimulationArtifacts,
} from "../simulate/artifacts.ts";
import { parseDateMillis } from "../simulate/date-math.ts";
import { EventFileError, parseEvents } from "../simulate/events.ts";
import { PipelineError } from "../simulate/pipeline.ts";
import { QueryError } from "../simulate/query.ts";
import { SimulationError, simulateTransform } from "../simulate/transform.ts";

interface SimulateOptions {
  events: string;
  space: string;
  now?: string;
  shards: string;
  bundle?: string;
}

async function loadArtifacts(
  options: SimulateOptions,
): Promise<SimulationArtifacts> {
  const release = await loadSpaceRelease(options.space, options.bundle);
  return artifactsFromFiles(release.files);
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseOptions(options: SimulateOptions): {
  nowMillis: number;
  shards: number;
} {
  const nowMillis =
    options.now === undefined ? Date.now() : parseDateMillis(options.now);
  if (nowMillis === null) {
    throw new UserError(
      `--now ${options.now} is not a date; use ISO 8601 such as 2026-12-04T12:00:00Z or epoch milliseconds`,
    );
  }
  checkSpaceOption(options.space);
  const shards = Number(options.shards);
  if (!Number.isInteger(shards) || shards < 1 || shards > 1000) {
    throw new UserError(
      `--shards ${options.shards} is invalid; use a whole number from 1 to 1000`,
    );
  }
  return { nowMillis, shards };
}

// Errors about the inputs or the shipped artifacts are explained to the user;
// anything else is a bug of the simulator.
const USER_ERRORS = [
  PainlessSyntaxError,
  PainlessCompileError,
  PainlessUnsupportedError,
  ArtifactError,
  QueryError,
  PipelineError,
  SimulationError,
  EventFileError,
];

export function registerSimulate(
  program: Command,
  context: CommandContext,
): void {
  program
    .command("simulate")
    .description(
      "run the pivot transform and its Painless scripts offline over ECS events",
    )
    .requiredOption(
      "--events <file>",
      "ECS events, one JSON object per line (nested objects or dotted keys); - reads standard input",
    )
    .option("--space <id>", "Kibana space whose artifacts to run", "default")
    .option(
      "--now <time>",
      "checkpoint time, ISO 8601 or epoch milliseconds (default: the current time)",
    )
    .option(
      "--shards <n>",
      "number of simulated shards the events are spread over",
      "1",
    )
    .option(
      "--bundle <dir>",
      "bundle folder or zip to run (default: artifacts rendered from the checked-out sources)",
    )
    .action(async (options: SimulateOptions) => {
      const logger = context.logger();
      const { nowMillis, shards } = parseOptions(options);
      logger.headline(
        `Simulating the transform of space ${options.space} at ${new Date(nowMillis).toISOString()} over ${shards} shard(s)`,
      );
      let text: string;
      try {
        text =
          options.events === "-"
            ? await readStandardInput()
            : await readFile(options.events, "utf8");
      } catch (error) {
        throw new UserError(
          `cannot read --events ${options.events}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      try {
        const artifacts = await loadArtifacts(options);
        const events = parseEvents(text, options.events);
        logger.step(`read ${events.length} events from ${options.events}`);
        const result = simulateTransform(artifacts, events, {
          nowMillis,
          shards,
          progress: (line) => logger.step(line),
        });
        for (const document of result.documents)
          process.stdout.write(`${JSON.stringify(document)}\n`);
        if (result.summary.matched === 0 && events.length > 0) {
          logger.warn(
            "no event matched the source query; it keeps only recent events, so set --now to a time just after your events",
          );
        }
        for (const problem of result.problems)
          logger.warn(`non-finite number in a result: ${problem}`);
        const { summary } = result;
        logger.summary([
          `${summary.groups} result documents, ${summary.beaconing} beaconing; ${summary.matched} of ${summary.events} events matched the source query`,
        ]);
      } catch (error) {
        if (error instanceof UserError) throw error;
        if (USER_ERRORS.some((type) => error instanceof type)) {
          throw new UserError(`simulate: ${(error as Error).message}`, {
            cause: error,
          });
        }
        throw error;
      }
    });
}
