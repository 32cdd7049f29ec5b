import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import {
  readFolder,
  readZipBundle,
  type FileTree,
} from "../scripts/load/read-bundle.ts";
import { runCli, runNode } from "./helpers/cli.ts";
import { writeTree } from "./helpers/files.ts";
import { tempDir } from "./helpers/temp.ts";

const NAME = "ML-Beaconing-20261204-1";
const BUILD_ARGS = [
  "build",
  "--space",
  "default",
  "--space",
  "secops",
  "--date",
  "2026-12-04",
  "--sequence",
  "1",
];
const SPACE_FILES = [
  "console.txt",
  "ml/ml_beaconing_rare_process_datafeed.json",
  "ml/ml_beaconing_rare_process_job.json",
  "ml_beaconing_dashboards.ndjson",
  "ml_beaconing_index_template.json",
  "ml_beaconing_ingest_pipeline.json",
  "ml_beaconing_init_script.json",
  "ml_beaconing_map_script.json",
  "ml_beaconing_pivot_transform.json",
  "ml_beaconing_reduce_script.json",
];

const sha256 = (bytes: Buffer | string) =>
  createHash("sha256").update(bytes).digest("hex");
const work = tempDir();
let files: FileTree;

beforeAll(async () => {
  const result = await runCli([...BUILD_ARGS, "--out", path.join(work, "a")]);
  expect(result.stderr).not.toContain("error");
  expect(result.code).toBe(0);
  files = await readZipBundle(path.join(work, "a", `${NAME}.zip`));
});

function spaceFiles(space: string): string[] {
  return Object.keys(files)
    .filter((file) => file.startsWith(`${space}/`))
    .map((file) => file.slice(space.length + 1))
    .sort();
}

describe("build", () => {
  test("zip has one top folder with the bundle layout", () => {
    const tops = new Set(Object.keys(files).map((file) => file.split("/")[0]));
    expect([...tops].sort()).toEqual([
      "README.md",
      "default",
      "manifest.json",
      "ml_beaconing_generate_scripts.mjs",
      "secops",
      "templates",
    ]);
    expect(spaceFiles("default")).toEqual(SPACE_FILES);
    expect(spaceFiles("secops")).toEqual(SPACE_FILES);
  });

  test("rebuild in another time zone is byte-identical", async () => {
    const out = path.join(work, "b");
    const result = await runCli([...BUILD_ARGS, "--out", out], {
      TZ: "America/New_York",
    });
    expect(result.code).toBe(0);
    const first = readFileSync(path.join(work, "a", `${NAME}.zip`));
    const second = readFileSync(path.join(out, `${NAME}.zip`));
    expect(sha256(second)).toBe(sha256(first));
  });

  test("manifest lists every file with its SHA-256", () => {
    const manifest = JSON.parse(files["manifest.json"] as string);
    const listed = manifest.files.map((entry: { path: string }) => entry.path);
    const expected = Object.keys(files)
      .filter((file) => file !== "manifest.json")
      .sort();
    expect(listed).toEqual(expected);
    for (const entry of manifest.files) {
      expect(entry.sha256, entry.path).toBe(
        sha256(Buffer.from(files[entry.path] as string)),
      );
      expect(entry.size, entry.path).toBe(
        Buffer.byteLength(files[entry.path] as string),
      );
    }
    expect(manifest.name).toBe(NAME);
    expect(manifest.spaces).toEqual(["default", "secops"]);
  });

  test("--json prints the zip path and checksum", async () => {
    const out = path.join(work, "json");
    const result = await runCli([...BUILD_ARGS, "--out", out, "--json"]);
    const summary = JSON.parse(result.stdout);
    expect(summary.zip).toBe(path.join(out, `${NAME}.zip`));
    expect(summary.sha256).toBe(sha256(readFileSync(summary.zip)));
    expect(result.stderr).toBe("");
  });
});

describe("bundle generator", () => {
  test("--out writes a folder identical to the bundle's", async () => {
    const unzipped = path.join(work, "unzipped-out");
    writeTree(unzipped, files);
    const result = await runNode(
      ["ml_beaconing_generate_scripts.mjs", "--space", "secops", "--out", "X"],
      unzipped,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const generated = await readFolder(path.join(unzipped, "X"));
    expect(Object.keys(generated).sort()).toEqual(SPACE_FILES);
    for (const file of SPACE_FILES) {
      expect(generated[file], file).toBe(files[`secops/${file}`]);
    }
  });

  test("without --out writes ./<space>/ beside itself", async () => {
    const unzipped = path.join(work, "unzipped-beside");
    writeTree(unzipped, files);
    const elsewhere = path.join(work, "elsewhere");
    writeTree(elsewhere, { "keep.txt": "" });
    const script = path.join(unzipped, "ml_beaconing_generate_scripts.mjs");
    const result = await runNode([script, "--space", "team_b"], elsewhere);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(elsewhere, "team_b"))).toBe(false);
    const generated = await readFolder(path.join(unzipped, "team_b"));
    expect(Object.keys(generated).sort()).toEqual(SPACE_FILES);
    expect(generated["ml_beaconing_pivot_transform.json"]).toContain(
      '"index": "ml_beaconing_team_b"',
    );
  });

  test("rejects an invalid space id", async () => {
    const unzipped = path.join(work, "unzipped-invalid");
    writeTree(unzipped, files);
    const result = await runNode(
      ["ml_beaconing_generate_scripts.mjs", "--space", "Bad Space"],
      unzipped,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("^[a-z0-9_-]+$");
  });
});

describe("space folders", () => {
  const json = (file: string) => JSON.parse(files[file] as string);

  test("differ in transform, index and data view ids", () => {
    const console = (space: string) => files[`${space}/console.txt`] as string;
    expect(console("default")).toContain(
      "PUT _transform/ml_beaconing_pivot_transform\n",
    );
    expect(console("secops")).toContain(
      "PUT _transform/ml_beaconing_pivot_transform_secops\n",
    );
    expect(json("default/ml_beaconing_pivot_transform.json").dest.index).toBe(
      "ml_beaconing_default",
    );
    expect(json("secops/ml_beaconing_pivot_transform.json").dest.index).toBe(
      "ml_beaconing_secops",
    );
  });

  test("share stored-script and pipeline ids", () => {
    for (const space of ["default", "secops"]) {
      const transform = json(`${space}/ml_beaconing_pivot_transform.json`);
      const metric = transform.pivot.aggregations.beacon_stats.scripted_metric;
      expect(metric.init_script).toEqual({ id: "ml_beaconing_init_script" });
      expect(metric.map_script).toEqual({ id: "ml_beaconing_map_script" });
      expect(metric.reduce_script).toEqual({
        id: "ml_beaconing_reduce_script",
      });
      expect(transform.dest.pipeline).toBe("ml_beaconing_ingest_pipeline");
    }
  });

  test("saved objects have different ids in each space", () => {
    const ids = (space: string) =>
      (files[`${space}/ml_beaconing_dashboards.ndjson`] as string)
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).id as string);
    const defaultIds = ids("default");
    const secopsIds = ids("secops");
    expect(defaultIds.length).toBeGreaterThan(0);
    expect(defaultIds).toContain("ml_beaconing_default");
    expect(secopsIds).toContain("ml_beaconing_secops");
    expect(defaultIds.filter((id) => secopsIds.includes(id))).toEqual([]);
  });

  test("every NDJSON line parses on its own", () => {
    for (const space of ["default", "secops"]) {
      const text = files[`${space}/ml_beaconing_dashboards.ndjson`] as string;
      expect(text.endsWith("\n")).toBe(true);
      for (const line of text.slice(0, -1).split("\n")) {
        expect(() => JSON.parse(line)).not.toThrow();
      }
    }
  });
});

describe("bundle generator safety", () => {
  test("refuses an --out folder with other files", async () => {
    const unzipped = path.join(work, "unzipped-foreign");
    writeTree(unzipped, files);
    writeTree(path.join(work, "precious"), { "notes.txt": "keep me" });
    const result = await runNode(
      [
        "ml_beaconing_generate_scripts.mjs",
        "--space",
        "secops",
        "--out",
        path.join(work, "precious"),
      ],
      unzipped,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notes.txt");
    expect(readFileSync(path.join(work, "precious", "notes.txt"), "utf8")).toBe(
      "keep me",
    );
  });

  test("replaces its own earlier output", async () => {
    const unzipped = path.join(work, "unzipped-rerun");
    writeTree(unzipped, files);
    const args = ["ml_beaconing_generate_scripts.mjs", "--space", "secops"];
    expect((await runNode(args, unzipped)).code).toBe(0);
    expect((await runNode(args, unzipped)).code).toBe(0);
  });

  test("refuses to overwrite templates/", async () => {
    const unzipped = path.join(work, "unzipped-templates");
    writeTree(unzipped, files);
    const result = await runNode(
      ["ml_beaconing_generate_scripts.mjs", "--space", "templates"],
      unzipped,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("templates folder");
    const templates = await readFolder(path.join(unzipped, "templates"));
    expect(templates["ml_beaconing_pivot_transform.json"]).toContain(
      "{{dest_index}}",
    );
  });
});
