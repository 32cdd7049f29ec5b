// Loads the artifacts of one space to install: rendered from the checked-out
// sources, or read from a bundle (zip or folder). A bundle without the
// space's folder is rendered from its templates by its own generator, so the
// result is what that release would have built.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  deriveSpaceIds,
  renderSpace,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates, TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import { GENERATOR_FILE } from "../build/assemble.ts";
import { toolchainVersion } from "../build/source-info.ts";
import { UserError } from "../errors.ts";
import { readBundle, type FileTree } from "../load/read-bundle.ts";
import type { BundleManifest } from "../schema/generated/manifest.ts";

export interface SpaceRelease {
  space: string;
  /** Files of the space folder, keyed by their path inside it. */
  files: FileTree;
  /** Bundle name, or a description of the checked-out sources. */
  release: string;
}

type RenderSpace = typeof renderSpace;

export async function loadSpaceRelease(
  space: string,
  bundle?: string,
): Promise<SpaceRelease> {
  if (bundle === undefined) {
    const version = toolchainVersion();
    const templates = renderTemplates({ toolchainVersion: version });
    return {
      space,
      files: renderSpace(templates, space),
      release: `checked-out sources (toolchain ${version})`,
    };
  }
  const tree = await readBundle(bundle);
  const manifest = parseManifest(tree, bundle);
  const files = await spaceFilesOf(tree, space, bundle);
  checkSpaceFolder(files, space, bundle);
  return {
    space,
    files,
    release: manifest?.name ?? path.basename(bundle),
  };
}

function parseManifest(
  tree: FileTree,
  bundle: string,
): BundleManifest | undefined {
  const text = tree["manifest.json"];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as BundleManifest;
  } catch (error) {
    throw new UserError(
      `${bundle}: manifest.json is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

async function spaceFilesOf(
  tree: FileTree,
  space: string,
  bundle: string,
): Promise<FileTree> {
  // A space folder given directly has the transform at its top.
  if (tree[TRANSFORM_FILE] !== undefined) return tree;
  const folder = subtree(tree, `${space}/`);
  if (Object.keys(folder).length > 0) return folder;
  const templates = subtree(tree, "templates/");
  const generator = tree[GENERATOR_FILE];
  if (Object.keys(templates).length === 0 || generator === undefined) {
    throw new UserError(
      `${bundle} has no folder for the space "${space}" and no templates/ with ${GENERATOR_FILE} to render it from; pass an ML-Beaconing bundle zip or folder`,
    );
  }
  const render = await importGenerator(generator);
  return render(templates, space);
}

function subtree(tree: FileTree, prefix: string): FileTree {
  const result: FileTree = {};
  for (const [file, text] of Object.entries(tree)) {
    if (file.startsWith(prefix)) result[file.slice(prefix.length)] = text;
  }
  return result;
}

// Imports the bundle's own generator from a temporary copy, because a zip
// cannot be imported from and the release's rendering rules must be used.
async function importGenerator(source: string): Promise<RenderSpace> {
  const folder = await fs.mkdtemp(
    path.join(os.tmpdir(), "ml-beaconing-generator-"),
  );
  try {
    const file = path.join(folder, GENERATOR_FILE);
    await fs.writeFile(file, source);
    const module = (await import(pathToFileURL(file).href)) as {
      renderSpace?: RenderSpace;
    };
    if (typeof module.renderSpace !== "function") {
      throw new UserError(
        `the bundle's ${GENERATOR_FILE} does not export renderSpace; the bundle is too old for this installer`,
      );
    }
    return module.renderSpace;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

// A space folder rendered for another space would install that space's
// transform and objects; the transform's destination index tells them apart.
function checkSpaceFolder(
  files: FileTree,
  space: string,
  bundle: string,
): void {
  const text = files[TRANSFORM_FILE];
  if (text === undefined) {
    throw new UserError(`${bundle}: the space folder has no ${TRANSFORM_FILE}`);
  }
  const expected = deriveSpaceIds(space).destIndex;
  const actual = (JSON.parse(text) as { dest?: { index?: string } }).dest
    ?.index;
  if (actual !== expected) {
    throw new UserError(
      `${bundle}: the space folder was rendered for another space (transform destination ${actual}, expected ${expected} for --space ${space}); pass the bundle or the folder of space "${space}"`,
    );
  }
}
