// Assembles the files of a bundle in memory: the space-neutral templates,
// the generator, one folder per space, the README and the manifest. No I/O
// beyond reading the sources.
import { renderSpace } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates } from "../../artifacts-src/index.ts";
import { DEFAULT_SOURCE_INDEX } from "../../artifacts-src/transform.ts";
import { computeCompatibility } from "../compat/matrix.ts";
import { adaptTemplates } from "../compat/stack-min.ts";
import { bundleReadme } from "../pack/bundle-readme.ts";
import { buildManifest } from "../pack/manifest.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";
import { bundleName, type BuildOptions } from "./options.ts";
import {
  generatorSource,
  toolchainVersion,
  type SourceState,
} from "./source-info.ts";
import semver from "semver";

export const GENERATOR_FILE = "ml_beaconing_generate_scripts.mjs";

export interface Bundle {
  name: string;
  files: Record<string, string>;
  manifest: BundleManifest;
}

export function assembleBundle(
  options: BuildOptions,
  source: Pick<SourceState, "commit" | "dirty">,
): Bundle {
  const name = bundleName(options.date, options.sequence);
  const version = toolchainVersion();
  const sourceIndex = options.sourceIndex ?? DEFAULT_SOURCE_INDEX;
  const templates = targetTemplates(
    renderTemplates({ toolchainVersion: version, sourceIndex }),
    options.stackMin,
  );
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(templates))
    files[`templates/${file}`] = text;
  files[GENERATOR_FILE] = generatorSource();
  for (const space of options.spaces) {
    for (const [file, text] of Object.entries(renderSpace(templates, space))) {
      files[`${space}/${file}`] = text;
    }
  }
  // Computed from the rendered artifacts, before the README and manifest
  // that show it are added.
  const compatibility = computeCompatibility(files);
  checkStackMin(compatibility.minimumStackVersion, options.stackMin);
  const facts = {
    name,
    date: options.date,
    sequence: options.sequence,
    toolchainVersion: version,
    sourceCommit: source.commit,
    sourceDirty: source.dirty,
    minimumStackVersion: compatibility.minimumStackVersion,
    sourceIndex,
    spaces: options.spaces,
    compatibility,
  };
  files["README.md"] = bundleReadme(facts);
  const manifest = buildManifest(facts, files);
  files["manifest.json"] = `${JSON.stringify(manifest, null, 2)}\n`;
  return { name, files, manifest };
}

function targetTemplates(
  templates: Record<string, string>,
  stackMin: string | undefined,
): Record<string, string> {
  return stackMin === undefined
    ? templates
    : adaptTemplates(templates, stackMin);
}

// adaptTemplates leaves out every feature newer than the target or fails,
// so a newer minimum here is a bug in the detection or the adapters.
function checkStackMin(minimum: string, stackMin: string | undefined): void {
  if (stackMin === undefined || semver.lte(minimum, stackMin)) return;
  throw new Error(
    `the bundle built for --stack-min ${stackMin} needs Stack ${minimum}`,
  );
}
