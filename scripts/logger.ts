// One output style for every command: a headline, a line per step and a
// summary. Progress goes to standard error so that standard output stays
// machine-readable; `--json` silences progress entirely.

export interface Logger {
  headline(text: string): void;
  step(text: string): void;
  warn(text: string): void;
  summary(lines: string[]): void;
}

export function createConsoleLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (text: string) => {
    if (!options.quiet) process.stderr.write(`${text}\n`);
  };
  return {
    headline: (text) => write(text),
    step: (text) => write(`  - ${text}`),
    warn: (text) => write(`  ! ${text}`),
    summary: (lines) => lines.forEach((line) => write(line)),
  };
}

export const silentLogger: Logger = {
  headline: () => {},
  step: () => {},
  warn: () => {},
  summary: () => {},
};
