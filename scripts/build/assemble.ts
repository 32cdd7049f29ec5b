// Assembles the files of a bundle in memory: the space-neutral templates,
// the generator, one folder per space, the README and the manifest. No I/O
// beyond reading the sources.
import { renderSpace } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates } from "../../artifacts-src/index.ts";
import { MINIMUM_STACK_VERSION } from "../../artifacts-src/stack.ts";
import { DEFAULT_SOURCE_INDEX } from "../../artifacts-src/transform.ts";
import { bundleReadme } from "../pack/bundle-readme.ts";
import { buildManifest } from "../pack/manifest.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";
import { bundleName, type BuildOptions } from "./options.ts";
import { generatorSource, toolchainVersion } from "./source-info.ts";

export const GENERATOR_FILE = "ml_beaconing_generate_scripts.mjs";

export interface Bundle {
  name: string;
  files: Record<string, string>;
  manifest: BundleManifest;
}

export function assembleBundle(
  options: BuildOptions,
  commit: string | null,
): Bundle {
  const name = bundleName(options.date, options.sequence);
  const version = toolchainVersion();
  const sourceIndex = options.sourceIndex ?? DEFAULT_SOURCE_INDEX;
  const templates = renderTemplates({ toolchainVersion: version, sourceIndex });
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(templates))
    files[`templates/${file}`] = text;
  files[GENERATOR_FILE] = generatorSource();
  for (const space of options.spaces) {
    for (const [file, text] of Object.entries(renderSpace(templates, space))) {
      files[`${space}/${file}`] = text;
    }
  }
  const facts = {
    name,
    date: options.date,
    sequence: options.sequence,
    toolchainVersion: version,
    sourceCommit: commit,
    minimumStackVersion: MINIMUM_STACK_VERSION,
    sourceIndex,
    spaces: options.spaces,
  };
  files["README.md"] = bundleReadme(facts);
  const manifest = buildManifest(facts, files);
  files["manifest.json"] = `${JSON.stringify(manifest, null, 2)}\n`;
  return { name, files, manifest };
}
