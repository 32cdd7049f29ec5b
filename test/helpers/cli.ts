// Runs the ml-beaconing executable, or any Node.js script, as a user would:
// in a child process, with its exit code and both output streams.
import { execFile, type ExecFileOptions } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(
  new URL("../../bin/ml-beaconing.mjs", import.meta.url),
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return runNodeWith([BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
}

export function runNode(args: string[], cwd: string): Promise<CliResult> {
  return runNodeWith(args, { cwd });
}

function runNodeWith(
  args: string[],
  options: ExecFileOptions,
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { ...options, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let code = 0;
        if (typeof error?.code === "number") code = error.code;
        else if (error) code = 1;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
