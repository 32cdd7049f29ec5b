// Strict NDJSON as Kibana's saved-objects import reads it: UTF-8 without a
// byte order mark, LF line ends, one complete JSON object per line.
import type { Problem } from "../errors.ts";

export interface NdjsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: Record<string, unknown>;
}

export function parseNdjson(
  file: string,
  text: string,
): { lines: NdjsonLine[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (
    code: string,
    location: string,
    message: string,
    fix: string,
  ) => problems.push({ code, file, location, message, fix });

  let body = text;
  if (body.startsWith("\uFEFF")) {
    problem(
      "ndjson-bom",
      "line 1",
      "the file starts with a byte order mark",
      "save it as UTF-8 without a BOM",
    );
    body = body.slice(1);
  }
  const firstCr = body.indexOf("\r");
  if (firstCr >= 0) {
    const line = body.slice(0, firstCr).split("\n").length;
    problem(
      "ndjson-crlf",
      `line ${line}`,
      "the file has CR characters (Windows line ends), first on this line",
      "convert the line ends to LF",
    );
    body = body.replace(/\r\n?/g, "\n");
  }
  if (body.length > 0 && !body.endsWith("\n")) {
    problem(
      "ndjson-final-newline",
      "",
      "the last line has no final newline",
      "end the file with a newline",
    );
  }
  const lines: NdjsonLine[] = [];
  const rows = body.split("\n");
  if (rows.at(-1) === "") rows.pop();
  // A run of unparseable lines is usually one pretty-printed object, so it
  // is reported once with its line range.
  let run: { first: number; last: number; failure: LineFailure } | undefined;
  const closeRun = () => {
    if (!run) return;
    const { first, last, failure } = run;
    const location =
      first === last ? `line ${first}` : `lines ${first}-${last}`;
    const message =
      first === last
        ? failure.message
        : `${last - first + 1} consecutive lines do not parse as JSON one by one; an object spread over several lines is pretty-printed JSON, not NDJSON (first line: ${failure.message})`;
    problem(failure.code, location, message, failure.fix);
    run = undefined;
  };
  rows.forEach((row, index) => {
    const line = index + 1;
    const parsed = parseLine(row);
    if (parsed.ok) {
      closeRun();
      lines.push({ line, value: parsed.value });
    } else if (run && run.failure.code === parsed.code) {
      run.last = line;
    } else {
      closeRun();
      run = { first: line, last: line, failure: parsed };
    }
  });
  closeRun();
  if (rows.length === 0) {
    problem(
      "ndjson-empty",
      "",
      "the file has no objects",
      "export the saved objects again",
    );
  }
  return { lines, problems };
}

type LineFailure = { ok: false; code: string; message: string; fix: string };
type LineResult = { ok: true; value: Record<string, unknown> } | LineFailure;

function parseLine(row: string): LineResult {
  if (row.trim() === "") {
    return {
      ok: false,
      code: "ndjson-blank-line",
      message: "blank line",
      fix: "remove the blank line",
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(row);
  } catch (error) {
    return {
      ok: false,
      code: "ndjson-line-not-json",
      message: `the line is not a complete JSON value (${(error as Error).message}); a pretty-printed file spreads one object over several lines`,
      fix: "write each object on a single line, for example with `jq -c .`",
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      code: "ndjson-line-not-object",
      message: "the line is JSON but not an object",
      fix: "write one saved object per line",
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
