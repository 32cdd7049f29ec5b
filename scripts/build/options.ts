// Checks and resolves the build options before any work is done.
import {
  checkSpaceId,
  DEFAULT_SPACE,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { UserError } from "../errors.ts";

export interface BuildOptions {
  spaces: string[];
  /** UTC day of the bundle, YYYY-MM-DD. */
  date: string;
  /** N of ML-Beaconing-YYYYMMDD-N, from 1. */
  sequence: number;
  outDir: string;
  sourceIndex?: string[];
}

export interface RawBuildOptions {
  space?: string[];
  date?: string;
  sequence?: string;
  out?: string;
  sourceIndex?: string[];
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
  const problems = spaces.flatMap(checkSpaceId);
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return {
    spaces,
    date: parseDate(raw.date ?? todayUtc(now)),
    sequence: parseSequence(raw.sequence ?? "1"),
    outDir: raw.out ?? "dist",
    sourceIndex: raw.sourceIndex,
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
