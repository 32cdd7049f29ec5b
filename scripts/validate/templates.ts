// Validates a bundle's templates/ by rendering them for the default space
// with the generator, so a broken template or an unknown placeholder is
// found even when no space folder was rendered from it.
import { renderSpace } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import type { Problem } from "../errors.ts";

export const TEMPLATE_FOLDER = "templates";
const PROBE_SPACE = "default";

export type RenderedTemplates =
  | { ok: true; files: Record<string, string> }
  | { ok: false; problems: Problem[] };

/** Renders templates/ of a file tree, keyed by `templates/<file>`. */
export function renderBundleTemplates(
  files: Record<string, string>,
): RenderedTemplates | undefined {
  const prefix = `${TEMPLATE_FOLDER}/`;
  const templates: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    if (file.startsWith(prefix)) templates[file.slice(prefix.length)] = text;
  }
  if (Object.keys(templates).length === 0) return undefined;
  try {
    const rendered: Record<string, string> = {};
    for (const [file, text] of Object.entries(
      renderSpace(templates, PROBE_SPACE),
    )) {
      rendered[`${prefix}${file}`] = text;
    }
    return { ok: true, files: rendered };
  } catch (error) {
    const message = (error as Error).message;
    const file = /^([^:]+): /.exec(message)?.[1];
    return {
      ok: false,
      problems: [
        {
          code: "template-render-failed",
          file: file ? `${prefix}${file}` : TEMPLATE_FOLDER,
          location: "",
          message: `the templates cannot be rendered for a space: ${message}`,
          fix: "use only the placeholders the generator knows, or restore the templates from the release",
        },
      ],
    };
  }
}
