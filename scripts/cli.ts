// The ml-beaconing command line: global options, one registration per
// command, and the mapping from errors to exit codes.
import { Command, CommanderError } from "commander";
import { registerBuild } from "./commands/build.ts";
import { registerCompat } from "./commands/compat.ts";
import { registerRelease } from "./commands/release.ts";
import { registerConsole } from "./commands/console.ts";
import { registerInstall } from "./commands/install.ts";
import { registerSimulate } from "./commands/simulate.ts";
import { registerStatus } from "./commands/status.ts";
import { registerUninstall } from "./commands/uninstall.ts";
import { registerValidate } from "./commands/validate.ts";
import { PreflightError, UserError, ValidationError } from "./errors.ts";
import { createConsoleLogger, type Logger } from "./logger.ts";
import { toolchainVersion } from "./build/source-info.ts";

export interface CommandContext {
  readonly json: boolean;
  readonly debug: boolean;
  logger(): Logger;
  /** Prints the result: the JSON value with --json, else the lines. */
  output(value: unknown, lines: string[]): void;
  setExitCode(code: number): void;
}

export function createProgram(context: CommandContext): Command {
  const program = new Command("ml-beaconing")
    .description(
      "Build, check and publish the ML-Beaconing detection framework",
    )
    .version(toolchainVersion())
    .option("--json", "machine-readable output on standard output, no progress")
    .option("--debug", "print stack traces of errors")
    .showHelpAfterError()
    .exitOverride();
  registerBuild(program, context);
  registerValidate(program, context);
  registerCompat(program, context);
  registerRelease(program, context);
  registerInstall(program, context);
  registerStatus(program, context);
  registerUninstall(program, context);
  registerConsole(program, context);
  registerSimulate(program, context);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const debug = argv.includes("--debug");
  let exitCode = 0;
  const context: CommandContext = {
    json,
    debug,
    logger: () => createConsoleLogger({ quiet: json }),
    output(value, lines) {
      process.stdout.write(
        json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join("\n")}\n`,
      );
    },
    setExitCode(code) {
      exitCode = code;
    },
  };
  try {
    await createProgram(context).parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error, { debug, json });
  }
}

function reportError(
  error: unknown,
  options: { debug: boolean; json: boolean },
): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message or the help already.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UserError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (options.debug) process.stderr.write(`${error.stack ?? ""}\n`);
    if (options.json) writeJsonError(error);
    return error.exitCode;
  }
  process.stderr.write(
    `internal error: ${(error as Error)?.stack ?? String(error)}\n` +
      "This is a bug in ml-beaconing; please report it with the command you ran.\n",
  );
  return 70;
}

// With --json, CI reads the failure from standard output as well.
function writeJsonError(error: UserError): void {
  const problems =
    error instanceof ValidationError
      ? error.problems.map((problem) => ({ severity: "error", ...problem }))
      : error instanceof PreflightError
        ? error.problems.map((message) => ({ severity: "error", message }))
        : undefined;
  const body = {
    error: { message: error.message, exitCode: error.exitCode, problems },
  };
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
}
