// Validates the files of a bundle, a space folder or a single artifact and
// returns every problem found; only the caller decides whether to fail.
import { MINIMUM_STACK_VERSION } from "../../artifacts-src/stack.ts";
import { painlessProblems } from "../painless/validate.ts";
import type { Problem } from "../errors.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";
import type { Transform } from "../schema/generated/transform.ts";
import { baseName, classify } from "./file-kinds.ts";
import { manifestProblems } from "./manifest-checks.ts";
import { parseNdjson } from "./ndjson.ts";
import { savedObjectProblems } from "./saved-object-checks.ts";
import { schemaProblems } from "./schemas.ts";
import { spaceProblems } from "./space-checks.ts";
import { renderBundleTemplates, TEMPLATE_FOLDER } from "./templates.ts";
import {
  transformProblems,
  windowProblems,
  type SpaceArtifacts,
} from "./transform-checks.ts";

/** File text by path, with `/` separators, relative to the bundle's top folder. */
export type FileTree = Record<string, string>;

const TRANSFORM_FILE = "ml_beaconing_pivot_transform.json";

export function validateFiles(files: FileTree): Problem[] {
  const manifest = parseManifest(files);
  const minimum = manifest?.minimumStackVersion ?? MINIMUM_STACK_VERSION;
  const problems: Problem[] = [];

  // Templates are checked as the files they render to for a probe space.
  const rendered = renderBundleTemplates(files);
  if (rendered && !rendered.ok) problems.push(...rendered.problems);
  const checked = {
    ...withoutTemplates(files),
    ...(rendered?.ok ? rendered.files : {}),
  };

  const parsed: Record<string, unknown> = {};
  for (const file of Object.keys(checked).sort()) {
    const text = checked[file] as string;
    problems.push(...fileProblems(file, text, minimum, parsed));
  }

  problems.push(...painlessProblems(checked));

  const singleFile = Object.keys(files).length === 1;
  for (const space of spaceFolders(parsed)) {
    if (singleFile) {
      problems.push(...windowProblems(space));
    } else {
      problems.push(...transformProblems(space), ...spaceProblems(space));
    }
  }

  if (manifest) problems.push(...manifestProblems(files, manifest));
  return problems;
}

// One entry per folder that has a transform: the folders of spaces and
// templates/, or the root when a single space folder is checked.
function spaceFolders(parsed: Record<string, unknown>): SpaceArtifacts[] {
  return Object.keys(parsed)
    .filter((file) => baseName(file) === TRANSFORM_FILE)
    .map((file) => {
      const folder = file.includes("/")
        ? file.slice(0, file.lastIndexOf("/"))
        : "";
      return {
        folder,
        transform: parsed[file] as Transform,
        files: folderFiles(parsed, folder),
      };
    });
}

/** Problems that fail validation, leaving warnings out. */
export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity !== "warning");
}

function fileProblems(
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
    return [...problems, ...savedObjectProblems(file, lines, minimum)];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [
      {
        code: "json-invalid",
        file,
        location: "",
        message: `not valid JSON: ${(error as Error).message}`,
        fix: "correct the JSON syntax",
      },
    ];
  }
  const schema =
    kind.kind === "manifest" ? "manifest.schema.json" : kind.schema;
  const problems = schemaProblems(schema, file, value);
  // Cross-file checks read only files whose shape is right.
  if (problems.length === 0) parsed[file] = value;
  return problems;
}

function withoutTemplates(files: FileTree): FileTree {
  const result: FileTree = {};
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith(`${TEMPLATE_FOLDER}/`)) result[file] = text;
  }
  return result;
}

function parseManifest(files: FileTree): BundleManifest | undefined {
  const text = files["manifest.json"];
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as BundleManifest;
    return schemaProblems("manifest.schema.json", "manifest.json", value)
      .length === 0
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

// The parsed files of one space folder, keyed by their path inside it.
function folderFiles(
  parsed: Record<string, unknown>,
  folder: string,
): Record<string, unknown> {
  const prefix = folder ? `${folder}/` : "";
  const result: Record<string, unknown> = {};
  for (const [file, value] of Object.entries(parsed)) {
    if (!file.startsWith(prefix)) continue;
    const relative = file.slice(prefix.length);
    result[relative] = value;
    result[baseName(relative)] ??= value;
  }
  return result;
}
