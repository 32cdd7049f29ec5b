// Validates a bundle's templates/ by rendering each template for a probe
// space with the generator, so a broken template or an unknown placeholder
// is found even when no space folder was rendered from it.
import { renderTemplate } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import type { Problem } from "../errors.ts";
import type { FileTree } from "../load/read-bundle.ts";

export const TEMPLATE_FOLDER = "templates";
/** Space the templates are rendered for when they are validated. */
export const PROBE_SPACE = "default";

const PLACEHOLDER = /\{\{[a-z_]+(?::[a-z0-9_-]+)?\}\}/;

/**
 * Returns the tree with templates/ rendered for the probe space, and a
 * problem for each template that cannot be rendered.
 */
export function renderBundleTemplates(files: FileTree): {
  files: FileTree;
  problems: Problem[];
} {
  const rendered: FileTree = {};
  const problems: Problem[] = [];
  for (const [file, text] of Object.entries(asTemplates(files))) {
    if (!file.startsWith(`${TEMPLATE_FOLDER}/`)) {
      rendered[file] = text;
      continue;
    }
    try {
      rendered[file] = renderTemplate(text, PROBE_SPACE, file);
    } catch (error) {
      problems.push({
        code: "template-render-failed",
        file,
        location: lineOf(error as Error),
        message: `the template cannot be rendered for a space: ${(error as Error).message}`,
        fix: "use only the placeholders the generator knows, or restore the template from the release",
      });
    }
  }
  return { files: rendered, problems };
}

// A templates/ folder validated on its own has paths without the prefix;
// its placeholders give it away.
function asTemplates(files: FileTree): FileTree {
  const texts = Object.values(files);
  const hasPrefix = Object.keys(files).some((file) =>
    file.startsWith(`${TEMPLATE_FOLDER}/`),
  );
  if (hasPrefix || !texts.some((text) => PLACEHOLDER.test(text))) return files;
  if (Object.keys(files).some((file) => file === "manifest.json")) return files;
  const prefixed: FileTree = {};
  for (const [file, text] of Object.entries(files))
    prefixed[`${TEMPLATE_FOLDER}/${file}`] = text;
  return prefixed;
}

// The generator names the line in its message: "<path> line N: ...".
function lineOf(error: Error): string {
  return /^\S+ (line \d+):/.exec(error.message)?.[1] ?? "";
}

/**
 * Returns the saved-object ids, in file order, that the bundle's dashboards
 * template gives a space; undefined when the tree has no such template.
 */
export function savedObjectIdsFromTemplates(
  files: FileTree,
  space: string,
): string[] | undefined {
  const template = asTemplates(files)[`${TEMPLATE_FOLDER}/${DASHBOARDS_FILE}`];
  if (template === undefined) return undefined;
  try {
    return renderTemplate(template, space)
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => String((JSON.parse(line) as { id?: unknown }).id));
  } catch {
    // The template's own problems are reported where it is validated.
    return undefined;
  }
}
