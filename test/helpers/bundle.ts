import { assembleBundle } from "../../scripts/build/assemble.ts";
import { resolveBuildOptions } from "../../scripts/build/options.ts";
import type { FileTree } from "../../scripts/load/read-bundle.ts";

/** Assembles the bundle of the checked-out sources in memory, without a zip. */
export function assembleTestBundle(spaces: string[] = ["secops"]): FileTree {
  const options = resolveBuildOptions({ space: spaces, date: "2026-12-04" });
  return { ...assembleBundle(options, { commit: null, dirty: false }).files };
}

/** Returns a copy of the tree with one JSON file changed by `edit`. */
export function editJson(
  files: FileTree,
  file: string,
  edit: (value: any) => void,
): FileTree {
  const value = JSON.parse(files[file] as string);
  edit(value);
  return { ...files, [file]: `${JSON.stringify(value, null, 2)}\n` };
}
