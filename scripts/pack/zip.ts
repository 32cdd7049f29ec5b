// Writes a reproducible zip: entries sorted, one fixed timestamp and fixed
// permissions, `/` separators and no absolute paths, so the same files give
// the same bytes at any time and in any time zone. The zip is written to a
// temporary file beside the target and renamed, so a failure leaves no
// partial zip.
import { createWriteStream, promises as fs, rmSync } from "node:fs";
import path from "node:path";
import archiver from "archiver";

// 1980-01-01T00:00:00Z, the earliest time a zip's DOS date can hold.
// archiver stores entry dates through their UTC fields unless
// forceLocalTime is set, so the time zone of the build does not leak in.
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const FILE_MODE = 0o644;

export async function writeZip(
  zipPath: string,
  topFolder: string,
  files: Record<string, string>,
  beforeRename?: (temporaryPath: string) => Promise<void>,
): Promise<number> {
  await removeStaleTemporaries(zipPath);
  const temporary = temporaryPath(zipPath, process.pid);
  const removeOnSignal = removeOnInterrupt(temporary);
  try {
    await writeEntries(temporary, topFolder, files);
    if (beforeRename) await beforeRename(temporary);
    await fs.rename(temporary, zipPath);
  } finally {
    removeOnSignal.dispose();
    await fs.rm(temporary, { force: true });
  }
  return (await fs.stat(zipPath)).size;
}

function temporaryPath(zipPath: string, pid: number): string {
  return path.join(
    path.dirname(zipPath),
    `.${path.basename(zipPath)}.${pid}.tmp`,
  );
}

// Ctrl-C or a CI cancellation during the write would skip `finally`, so the
// temporary file is removed before the process exits with the signal.
function removeOnInterrupt(temporary: string): { dispose(): void } {
  const signals = ["SIGINT", "SIGTERM"] as const;
  const handler = (signal: NodeJS.Signals) => {
    rmSync(temporary, { force: true });
    process.kill(process.pid, signal);
  };
  for (const signal of signals) process.once(signal, handler);
  return {
    dispose: () =>
      signals.forEach((signal) => process.removeListener(signal, handler)),
  };
}

// A build killed outright (SIGKILL, power loss) leaves its temporary file;
// the next build of the same zip removes those whose process is gone.
async function removeStaleTemporaries(zipPath: string): Promise<void> {
  const folder = path.dirname(zipPath);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(zipPath))}\\.(\\d+)\\.tmp$`,
  );
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && !isRunning(pid))
      await fs.rm(path.join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function writeEntries(
  target: string,
  topFolder: string,
  files: Record<string, string>,
) {
  const archive = archiver("zip", { zlib: { level: 9 } });
  const output = createWriteStream(target);
  const closed = new Promise<void>((resolve, reject) => {
    output.on("close", resolve);
    output.on("error", reject);
    archive.on("error", reject);
    archive.on("warning", reject);
  });
  archive.pipe(output);
  for (const file of Object.keys(files).sort()) {
    if (
      file.startsWith("/") ||
      file.includes("\\") ||
      file.split("/").includes("..")
    ) {
      throw new Error(`refusing to zip unsafe path ${file}`);
    }
    archive.append(Buffer.from(files[file] as string, "utf8"), {
      name: `${topFolder}/${file}`,
      date: FIXED_DATE,
      mode: FILE_MODE,
    });
  }
  await archive.finalize();
  await closed;
}
