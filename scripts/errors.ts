// Two kinds of failure. A UserError is explained to the user and exits with
// its code. Anything else is a bug and prints a stack trace.

export class UserError extends Error {
  readonly exitCode: number;

  constructor(
    message: string,
    options?: { cause?: unknown; exitCode?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = "UserError";
    this.exitCode = options?.exitCode ?? 1;
  }
}

export interface Problem {
  /** Stable identifier of the rule, for example `ndjson-pretty-printed`. */
  code: string;
  /** Path of the file inside the bundle, with `/` separators. */
  file: string;
  /** JSON pointer (`/pivot/group_by`) or `line N` for NDJSON and text. */
  location: string;
  message: string;
  fix: string;
  /** A warning is reported but does not fail validation. */
  severity?: "warning";
}

export class ValidationError extends UserError {
  readonly problems: Problem[];

  constructor(problems: Problem[], context?: string) {
    super(formatProblems(problems, context));
    this.name = "ValidationError";
    this.problems = problems;
  }
}

export function formatProblem(problem: Problem): string {
  const where = problem.location
    ? `${problem.file} ${problem.location}`
    : problem.file;
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${prefix}${where}: ${problem.message} [${problem.code}]\n   fix: ${problem.fix}`;
}

export function formatProblems(problems: Problem[], context?: string): string {
  const warnings = problems.filter(
    (problem) => problem.severity === "warning",
  ).length;
  const errors = problems.length - warnings;
  const counts = [`${errors} validation ${errors === 1 ? "error" : "errors"}`];
  if (warnings > 0)
    counts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  const head = `${context ? `${context}: ` : ""}found ${counts.join(" and ")}:`;
  const items = problems.map(
    (problem, index) => `${index + 1}. ${formatProblem(problem)}`,
  );
  return [head, ...items].join("\n");
}

/**
 * A check of the cluster that failed before anything was changed, with
 * each reason as its own entry for --json.
 */
export class PreflightError extends UserError {
  readonly problems: string[];

  constructor(context: string, problems: string[]) {
    super(
      `${context}:\n` +
        problems.map((problem, i) => `  ${i + 1}. ${problem}`).join("\n"),
    );
    this.name = "PreflightError";
    this.problems = problems;
  }
}
