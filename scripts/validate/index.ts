// Validates the files of a bundle, a space folder or a single artifact and
// returns every problem found; only the caller decides whether to fail.
import { TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import { MINIMUM_STACK_VERSION } from "../../artifacts-src/stack.ts";
import { painlessProblems } from "../painless/validate.ts";
import type { Problem } from "../errors.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";
import type { Transform } from "../schema/generated/transform.ts";
import { ARTIFACT_FILE_NAMES, baseName, classify } from "./file-kinds.ts";
import { manifestProblems } from "./manifest-checks.ts";
import { fileProblems } from "./file-checks.ts";
import { schemaProblems } from "./schemas.ts";
import { parameterProblems } from "./parameter-checks.ts";
import { spaceProblems } from "./space-checks.ts";
import {
  PROBE_SPACE,
  renderBundleTemplates,
  savedObjectIdsFromTemplates,
  TEMPLATE_FOLDER,
} from "./templates.ts";
import { checkSpaceId } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import {
  transformProblems,
  windowProblems,
  type SpaceArtifacts,
} from "./transform-checks.ts";

/** File text by path, with `/` separators, relative to the bundle's top folder. */
export type FileTree = Record<string, string>;

export function validateFiles(files: FileTree): Problem[] {
  const manifest = parseManifest(files);
  const minimum = manifest?.minimumStackVersion ?? MINIMUM_STACK_VERSION;

  // Templates are checked as the files they render to for a probe space.
  const rendered = renderBundleTemplates(files);
  const problems: Problem[] = [...rendered.problems];
  const recognised = Object.keys(rendered.files).filter(
    (file) => classify(file).kind !== "other",
  );
  // Painless sources (.painless files) are checked even on their own.
  const scriptProblems = painlessProblems(rendered.files);
  const hasPainless = Object.keys(rendered.files).some((file) =>
    file.endsWith(".painless"),
  );
  if (recognised.length === 0) {
    return hasPainless ? scriptProblems : [nothingToCheck(files)];
  }

  const parsed: Record<string, unknown> = {};
  for (const file of Object.keys(rendered.files).sort()) {
    const text = rendered.files[file] as string;
    problems.push(...fileProblems(file, text, minimum, parsed));
  }

  problems.push(...scriptProblems);

  const singleFile = Object.keys(files).length === 1;
  for (const space of spaceFolders(parsed, rendered.files, files)) {
    if (singleFile) {
      problems.push(...windowProblems(space));
    } else {
      problems.push(
        ...transformProblems(space),
        ...spaceProblems(space),
        ...parameterProblems(space),
      );
    }
  }

  if (manifest && !singleFile) {
    problems.push(...manifestProblems(files, manifest));
  }
  return problems;
}

function nothingToCheck(files: FileTree): Problem {
  const names = Object.keys(files);
  const single = names.length === 1 ? names[0] : undefined;
  return {
    code: single ? "file-kind-unknown" : "no-artifacts",
    file: single ?? "",
    location: "",
    message: single
      ? "the file name is not one of an ML-Beaconing artifact, so nothing was checked"
      : `found no ML-Beaconing artifacts among ${names.length} files`,
    fix: single
      ? `name the file as in a bundle, for example ${ARTIFACT_FILE_NAMES.join(", ")}`
      : "give a bundle zip, a bundle or space folder, or one artifact file",
  };
}

// One entry per folder that has a transform: the folders of spaces and
// templates/, or the root when a single space folder is checked.
function spaceFolders(
  parsed: Record<string, unknown>,
  texts: FileTree,
  original: FileTree,
): SpaceArtifacts[] {
  return Object.keys(parsed)
    .filter((file) => baseName(file) === TRANSFORM_FILE)
    .map((file) => {
      const folder = file.includes("/")
        ? file.slice(0, file.lastIndexOf("/"))
        : "";
      const transform = parsed[file] as Transform;
      const space = spaceOfFolder(folder) ?? spaceOfRoot(folder, transform);
      return {
        folder,
        space,
        transform,
        files: folderFiles(parsed, folder),
        texts: folderTexts(texts, folder),
        expectedSavedObjectIds: space
          ? savedObjectIdsFromTemplates(original, space)
          : undefined,
      };
    });
}

// A space folder checked on its own has lost its name, so its space is read
// from the transform's results index, ml_beaconing_<space>. That keeps the
// console.txt check; the index itself then cannot be caught disagreeing.
function spaceOfRoot(folder: string, transform: Transform): string | undefined {
  if (folder !== "") return undefined;
  const space = /^ml_beaconing_(.+)$/.exec(transform.dest.index)?.[1];
  return space && checkSpaceId(space).length === 0 ? space : undefined;
}

// The space a folder is for: its own name, or the probe space for
// templates/.
function spaceOfFolder(folder: string): string | undefined {
  if (folder === TEMPLATE_FOLDER) return PROBE_SPACE;
  const name = folder.split("/").pop() ?? "";
  return checkSpaceId(name).length === 0 ? name : undefined;
}

/** Problems that fail validation, leaving warnings out. */
export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity !== "warning");
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

function folderTexts(texts: FileTree, folder: string): FileTree {
  const prefix = folder ? `${folder}/` : "";
  const result: FileTree = {};
  for (const [file, text] of Object.entries(texts)) {
    if (file.startsWith(prefix)) result[file.slice(prefix.length)] = text;
  }
  return result;
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
