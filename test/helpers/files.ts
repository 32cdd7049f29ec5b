import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileTree } from "../../scripts/load/read-bundle.ts";

/** Writes a file tree under a folder, creating subfolders. */
export function writeTree(folder: string, files: FileTree): void {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(folder, ...file.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
