// Compiles every Painless script of a bundle or source tree and reports
// syntax errors, compile errors and constructs the offline engine does not
// support as validation problems with the script's line and column.

import type { Problem } from "../errors.ts";
import { compileScript } from "./engine.ts";
import {
  caretExcerpt,
  PainlessCompileError,
  PainlessSyntaxError,
  PainlessUnsupportedError,
} from "./errors.ts";

/** Returns the variables a scripted_metric script receives, by the role in its id or file name. */
export function variablesOf(name: string): string[] {
  if (name.includes("map")) return ["params", "state", "doc", "_score"];
  if (name.includes("reduce")) return ["params", "states"];
  if (name.includes("init") || name.includes("combine"))
    return ["params", "state"];
  return ["params", "state", "states", "doc", "_score"];
}

function problemOf(
  error: unknown,
  source: string,
  file: string,
  pointer: string,
): Problem | null {
  if (
    !(error instanceof PainlessSyntaxError) &&
    !(error instanceof PainlessCompileError) &&
    !(error instanceof PainlessUnsupportedError)
  ) {
    return null;
  }
  const kind =
    error instanceof PainlessSyntaxError
      ? "syntax"
      : error instanceof PainlessCompileError
        ? "compile"
        : "unsupported";
  const where = `line ${error.position.line}, column ${error.position.column}`;
  return {
    code: `painless-${kind}`,
    file,
    location: pointer ? `${pointer} ${where}` : where,
    message:
      kind === "unsupported"
        ? `not supported by the offline Painless engine: ${error.reason}`
        : `${kind} error: ${error.reason}\n${caretExcerpt(source, error.position)}`,
    // Valid Painless that this engine cannot run must not fail validation.
    ...(kind === "unsupported" ? { severity: "warning" as const } : {}),
    fix:
      kind === "unsupported"
        ? "use an allowlisted class or method that the engine supports, or extend scripts/painless/runtime"
        : "correct the Painless source at that line and column",
  };
}

function check(
  source: string,
  file: string,
  pointer: string,
  role: string,
): Problem[] {
  try {
    compileScript(
      source,
      pointer ? `${file}${pointer}` : file,
      variablesOf(role),
    );
    return [];
  } catch (error) {
    const problem = problemOf(error, source, file, pointer);
    if (problem) return [problem];
    throw error;
  }
}

function inlineScripts(
  value: unknown,
  pointer: string,
  found: Array<[string, string, string]>,
): void {
  if (typeof value !== "object" || value === null) return;
  const object = value as Record<string, unknown>;
  if (
    typeof object.source === "string" &&
    (object.lang === undefined || object.lang === "painless") &&
    pointer.endsWith("_script")
  ) {
    found.push([
      object.source,
      `${pointer}/source`,
      pointer.split("/").pop() ?? "",
    ]);
    return;
  }
  for (const [key, inner] of Object.entries(object))
    inlineScripts(inner, `${pointer}/${key}`, found);
}

/**
 * Problems of every `.painless` file, every stored-script JSON (`script.source`)
 * and every inline `*_script` of other JSON files in `files`.
 */
export function painlessProblems(files: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const base = file.split("/").pop() ?? file;
    if (file.endsWith(".painless")) {
      problems.push(...check(text, file, "", base));
      continue;
    }
    if (!file.endsWith(".json")) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue; // Invalid JSON is reported by the JSON checks.
    }
    const stored = (parsed as { script?: { source?: unknown; lang?: unknown } })
      .script;
    if (
      typeof stored?.source === "string" &&
      (stored.lang === undefined || stored.lang === "painless")
    ) {
      problems.push(...check(stored.source, file, "/script/source", base));
      continue;
    }
    const found: Array<[string, string, string]> = [];
    inlineScripts(parsed, "", found);
    for (const [source, pointer, role] of found)
      problems.push(...check(source, file, pointer, role));
  }
  return problems;
}
