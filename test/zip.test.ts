import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readZipBundle } from "../scripts/load/read-bundle.ts";
import { writeZip } from "../scripts/pack/zip.ts";
import { tempDir } from "./helpers/temp.ts";

const work = tempDir();

describe("writeZip", () => {
  test("stores files under the top folder, sorted", async () => {
    const zip = path.join(work, "sorted.zip");
    await writeZip(zip, "TOP", { "b.txt": "b", "a/c.txt": "c" });
    expect(await readZipBundle(zip)).toEqual({ "a/c.txt": "c", "b.txt": "b" });
    const bytes = readFileSync(zip);
    expect(bytes.indexOf("TOP/a/c.txt")).toBeLessThan(
      bytes.indexOf("TOP/b.txt"),
    );
  });

  test("same files give the same bytes", async () => {
    const first = path.join(work, "first.zip");
    const second = path.join(work, "second.zip");
    await writeZip(first, "T", { "x.json": "{}\n" });
    await writeZip(second, "T", { "x.json": "{}\n" });
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
  });

  test("failure before rename leaves no zip and no temporary file", async () => {
    const folder = path.join(work, "failing");
    const zip = path.join(folder, "bundle.zip");
    mkdirSync(folder);
    const failing = writeZip(zip, "T", { "x.txt": "x" }, async () => {
      throw new Error("validation failed");
    });
    await expect(failing).rejects.toThrow("validation failed");
    expect(existsSync(zip)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  test("rejects a path that climbs out of the top folder", async () => {
    await expect(
      writeZip(path.join(work, "bad.zip"), "T", { "../x": "x" }),
    ).rejects.toThrow("unsafe path");
    expect(existsSync(path.join(work, "bad.zip"))).toBe(false);
  });
});

describe("writeZip temporaries", () => {
  test("removes those of a process that is gone", async () => {
    const folder = path.join(work, "stale");
    mkdirSync(folder);
    // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
    const stale = path.join(folder, ".bundle.zip.4194305.tmp");
    const other = path.join(folder, ".other.zip.4194305.tmp");
    writeFileSync(stale, "partial");
    writeFileSync(other, "partial");
    await writeZip(path.join(folder, "bundle.zip"), "T", { "x.txt": "x" });
    expect(readdirSync(folder).sort()).toEqual([
      ".other.zip.4194305.tmp",
      "bundle.zip",
    ]);
  });
});
