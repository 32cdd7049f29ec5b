import { open, type FileHandle } from "node:fs/promises";
import { createInterface } from "node:readline";
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
import {
  EventFileError,
  readEvents,
  type SimEvent,
} from "../simulate/events.ts";
import { PipelineError } from "../simulate/pipeline.ts";
import { QueryError } from "../simulate/query.ts";
import {
  SimulationError,
  simulateTransform,
  type SimulationResult,
} from "../simulate/transform.ts";
import type { Logger } from "../logger.ts";

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

/** Reads the events of `--events`: a file, or standard input for `-`. */
async function readEventsOption(file: string): Promise<SimEvent[]> {
  if (file === "-") {
    const lines = createInterface({
      input: process.stdin,
      crlfDelay: Infinity,
    });
    return readEvents(lines, "standard input");
  }
  let handle: FileHandle;
  try {
    handle = await open(file);
  } catch (error) {
    throw new UserError(
      `cannot read --events ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    return await readEvents(handle.readLines(), file);
  } catch (error) {
    if (error instanceof EventFileError) throw error;
    throw new UserError(
      `cannot read --events ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await handle.close();
  }
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
  if (!/^[1-9]\d*$/.test(options.shards) || shards > 1000) {
    throw new UserError(
      `--shards ${options.shards} is invalid; use a whole number from 1 to 1000`,
    );
  }
  return { nowMillis, shards };
}

const SHOWN_REJECTIONS = 5;

/** Warns about rejected events, events the query removed and events after now. */
function reportInputProblems(
  result: SimulationResult,
  nowMillis: number,
  logger: Logger,
): void {
  const { rejected, summary } = result;
  if (rejected.length > 0) {
    const shown = rejected
      .slice(0, SHOWN_REJECTIONS)
      .map((event) => `line ${event.line}: ${event.reason}`);
    const more = rejected.length - shown.length;
    logger.warn(
      `${rejected.length} events left out because Elasticsearch would reject them: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    );
  }
  if (result.removedBy.size > 0) {
    const counts = [...result.removedBy]
      .map(([reason, count]) => `${count} ${reason}`)
      .join(", ");
    const removed = summary.events - summary.rejectedEvents - summary.matched;
    logger.warn(
      summary.matched === 0
        ? `no event matched the source query: ${counts}`
        : `the source query removed ${removed} events: ${counts}`,
    );
  }
  if (summary.later > 0) {
    logger.warn(
      `${summary.later} matching events are later than --now ${new Date(nowMillis).toISOString()} and the scripts ignore them; set --now after the last event`,
    );
  }
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
      "checkpoint time, ISO 8601 (UTC when it has no zone) or epoch milliseconds (default: the current time)",
    )
    .option(
      "--shards <n>",
      "number of simulated shards the events are spread over, a whole number from 1 to 1000",
      "1",
    )
    .option(
      "--bundle <dir>",
      "bundle folder or zip to run (default: artifacts rendered from the checked-out sources)",
    )
    .addHelpText(
      "after",
      '\nResults go to standard output as NDJSON, one document per group, with or\nwithout --json. With --json, progress and warnings are silent, and an error\nis written to standard output after any results as a JSON object\n{"error": {...}} spanning several lines.',
    )
    .action(async (options: SimulateOptions) => {
      const logger = context.logger();
      const { nowMillis, shards } = parseOptions(options);
      logger.headline(
        `Simulating the transform of space ${options.space} at ${new Date(nowMillis).toISOString()} over ${shards} shard(s)`,
      );
      try {
        const artifacts = await loadArtifacts(options);
        const events = await readEventsOption(options.events);
        logger.step(`read ${events.length} events from ${options.events}`);
        const result = simulateTransform(artifacts, events, {
          nowMillis,
          shards,
          progress: (line) => logger.step(line),
        });
        for (const document of result.documents)
          process.stdout.write(`${JSON.stringify(document)}\n`);
        reportInputProblems(result, nowMillis, logger);
        for (const problem of result.problems)
          logger.warn(`non-finite number in a result: ${problem}`);
        const { summary } = result;
        logger.summary([
          `${summary.groups} result documents, ${summary.beaconing} beaconing; ${summary.matched} of ${summary.events} events matched the source query, ${summary.rejectedEvents} rejected`,
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
