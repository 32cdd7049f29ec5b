// The artifacts rendered from the checked-out sources, for `compat` without
// a bundle: the templates and the default space folder, as a build makes
// them.
import {
  DEFAULT_SPACE,
  renderSpace,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates } from "../../artifacts-src/index.ts";
import { toolchainVersion } from "../build/source-info.ts";
import type { FileTree } from "../load/read-bundle.ts";

export function sourceArtifacts(): FileTree {
  const templates = renderTemplates({ toolchainVersion: toolchainVersion() });
  const files: FileTree = {};
  for (const [file, text] of Object.entries(templates)) {
    files[`templates/${file}`] = text;
  }
  const space = renderSpace(templates, DEFAULT_SPACE);
  for (const [file, text] of Object.entries(space)) {
    files[`${DEFAULT_SPACE}/${file}`] = text;
  }
  return files;
}
