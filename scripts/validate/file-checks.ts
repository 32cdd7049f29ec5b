// Checks of one file on its own: JSON syntax with the line and column of an
// error, strict NDJSON, and the schema of its kind.
import type { Problem } from "../errors.ts";
import { classify } from "./file-kinds.ts";
import { parseNdjson } from "./ndjson.ts";
import { savedObjectProblems } from "./saved-object-checks.ts";
import { schemaProblems } from "./schemas.ts";

/**
 * Checks one file and stores its parsed value in `parsed` when its shape is
 * right, because the cross-file checks read only such files.
 */
export function fileProblems(
  file: string,
  text: string,
  minimum: string,
  parsed: Record<string, unknown>,
): Problem[] {
  const kind = classify(file);
  if (kind.kind === "other") return [];
  if (kind.kind === "ndjson") {
    const { lines, problems } = parseNdjson(file, text);
    parsed[file] = lines.map((line) => line.value);
    // Objects on lines that did not parse are unknown, so a reference to one
    // of them cannot be called dangling.
    const complete = !problems.some((problem) =>
      problem.code.startsWith("ndjson-line"),
    );
    return [
      ...problems,
      ...savedObjectProblems(file, lines, minimum, { complete }),
    ];
  }
  const json = parseJson(file, text);
  if (!json.ok) return json.problems;
  const schema =
    kind.kind === "manifest" ? "manifest.schema.json" : kind.schema;
  const problems = [
    ...json.problems,
    ...schemaProblems(schema, file, json.value),
  ];
  if (problems.length === 0) parsed[file] = json.value;
  return problems;
}

type ParsedJson =
  | { ok: true; value: unknown; problems: Problem[] }
  | { ok: false; problems: Problem[] };

function parseJson(file: string, text: string): ParsedJson {
  const problems: Problem[] = [];
  let body = text;
  if (body.startsWith("\uFEFF")) {
    problems.push({
      code: "json-bom",
      file,
      location: "line 1",
      message:
        "the file starts with a byte order mark, which Elasticsearch rejects",
      fix: "save it as UTF-8 without a BOM",
    });
    body = body.slice(1);
  }
  try {
    return { ok: true, value: JSON.parse(body), problems };
  } catch (error) {
    const reason = (error as Error).message;
    problems.push({
      code: "json-invalid",
      file,
      location: lineAndColumn(body, reason),
      message: `not valid JSON: ${reason}`,
      fix: "correct the JSON syntax at that place",
    });
    return { ok: false, problems };
  }
}

// Node.js 20 reports the offset of a JSON syntax error as "position N".
function lineAndColumn(text: string, reason: string): string {
  const match = /position (\d+)/.exec(reason);
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length} column ${(before.at(-1) ?? "").length + 1}`;
}
