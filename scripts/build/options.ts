// Checks and resolves the build options before any work is done.
import {
  checkSpaceId,
  DEFAULT_SPACE,
  TEMPLATES_FOLDER,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { parseStackMin } from "../compat/stack-min.ts";
import { UserError } from "../errors.ts";

export interface BuildOptions {
  spaces: string[];
  /** UTC day of the bundle, YYYY-MM-DD. */
  date: string;
  /** N of ML-Beaconing-YYYYMMDD-N, from 1. */
  sequence: number;
  outDir: string;
  sourceIndex?: string[];
  /** Oldest Stack version the artifacts must work on; unset for the full feature set. */
  stackMin?: string;
}

export interface RawBuildOptions {
  space?: string[];
  date?: string;
  sequence?: string;
  out?: string;
  sourceIndex?: string[];
  stackMin?: string;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function bundleName(date: string, sequence: number): string {
  return `ML-Beaconing-${date.replace(/-/g, "")}-${sequence}`;
}

export function resolveBuildOptions(
  raw: RawBuildOptions,
  now = new Date(),
): BuildOptions {
  // Every bundle has the default space's folder, the one most users install.
  const spaces = [...new Set([DEFAULT_SPACE, ...(raw.space ?? [])])];
  const problems = spaces.flatMap((space) =>
    space === TEMPLATES_FOLDER
      ? [
          `invalid space id "${space}": a bundle keeps its templates in templates/, ` +
            "so no space folder may have that name; build another space and render " +
            "this one with ml_beaconing_generate_scripts.mjs --space templates --out <dir>",
        ]
      : checkSpaceId(space),
  );
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return {
    spaces,
    date: parseDate(raw.date ?? todayUtc(now)),
    sequence: parseSequence(raw.sequence ?? "1"),
    outDir: raw.out ?? "dist",
    sourceIndex: raw.sourceIndex?.map(parseSourceIndex),
    stackMin:
      raw.stackMin === undefined ? undefined : parseStackMin(raw.stackMin),
  };
}

function parseDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : undefined;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    throw new UserError(
      `invalid --date ${JSON.stringify(text)}: expected a calendar day as YYYY-MM-DD (UTC), for example 2026-12-04`,
    );
  }
  return text;
}

function parseSequence(text: string): number {
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UserError(
      `invalid --sequence ${JSON.stringify(text)}: expected a whole number from 1, the N of ML-Beaconing-YYYYMMDD-N`,
    );
  }
  return Number(text);
}

// Elasticsearch index names and patterns are lowercase and have none of
// these characters; `:` is allowed for a remote cluster prefix.
const INDEX_PATTERN_FORBIDDEN = /[\\/?"<>| ,#A-Z]/;

function parseSourceIndex(pattern: string): string {
  if (
    pattern === "" ||
    INDEX_PATTERN_FORBIDDEN.test(pattern) ||
    /^[-_+]/.test(pattern)
  ) {
    const hint = pattern.includes(",")
      ? "; give --source-index once per pattern instead of a comma-separated list"
      : "";
    throw new UserError(
      `invalid --source-index ${JSON.stringify(pattern)}: index patterns are lowercase, ` +
        `not empty, do not start with '-', '_' or '+' and have no spaces or \\/?"<>|,#${hint}`,
    );
  }
  return pattern;
}
