// Reads a bundle zip, a bundle or space folder, or a single artifact file
// into a file tree of text keyed by `/`-separated relative paths. A zip's
// single top folder is removed from the paths.
import { promises as fs } from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import { UserError } from "../errors.ts";

export type FileTree = Record<string, string>;

export async function readBundle(target: string): Promise<FileTree> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    throw new UserError(`cannot read ${target}: no such file or folder`, {
      cause: error,
    });
  }
  if (stat.isDirectory()) return readFolder(target);
  if (target.endsWith(".zip")) return readZipBundle(target);
  return { [path.basename(target)]: await fs.readFile(target, "utf8") };
}

export async function readFolder(folder: string): Promise<FileTree> {
  const files: FileTree = {};
  const walk = async (relative: string) => {
    const entries = await fs.readdir(path.join(folder, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile())
        files[child] = await fs.readFile(path.join(folder, child), "utf8");
    }
  };
  await walk("");
  return files;
}

/** Reads a bundle zip, without its top folder in the paths. */
export async function readZipBundle(zipPath: string): Promise<FileTree> {
  return stripTopFolder(await readZip(zipPath));
}

function readZip(zipPath: string): Promise<FileTree> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, strictFileNames: true },
      (openError, zip) => {
        if (openError || !zip) {
          reject(
            new UserError(
              `cannot read ${zipPath} as a zip: ${openError?.message}`,
              { cause: openError },
            ),
          );
          return;
        }
        const files: FileTree = {};
        zip.on("error", reject);
        zip.on("end", () => resolve(files));
        zip.on("entry", (entry: yauzl.Entry) => {
          if (entry.fileName.endsWith("/")) {
            zip.readEntry();
            return;
          }
          zip.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream) {
              reject(streamError);
              return;
            }
            const chunks: Buffer[] = [];
            stream.on("data", (chunk: Buffer) => chunks.push(chunk));
            stream.on("error", reject);
            stream.on("end", () => {
              files[entry.fileName] = Buffer.concat(chunks).toString("utf8");
              zip.readEntry();
            });
          });
        });
        zip.readEntry();
      },
    );
  });
}

function stripTopFolder(files: FileTree): FileTree {
  const tops = new Set(Object.keys(files).map((file) => file.split("/")[0]));
  const [top] = tops;
  if (tops.size !== 1 || Object.keys(files).some((file) => !file.includes("/")))
    return files;
  const stripped: FileTree = {};
  for (const [file, text] of Object.entries(files)) {
    stripped[file.slice(`${top}/`.length)] = text;
  }
  return stripped;
}
