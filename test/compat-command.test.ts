import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINIMUM_STACK_VERSION } from "../artifacts-src/stack.ts";
import {
  buildBundle,
  type BuildResult,
} from "../scripts/build/build-bundle.ts";
import { resolveBuildOptions } from "../scripts/build/options.ts";
import { newestLine, stackLines } from "../scripts/compat/data.ts";
import { readZipBundle } from "../scripts/load/read-bundle.ts";
import { silentLogger } from "../scripts/logger.ts";
import type { BundleManifest } from "../scripts/schema/generated/manifest.ts";
import { runCli } from "./helpers/run-cli.ts";

let folder: string;
let built: BuildResult;
let manifest: BundleManifest;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "compat-"));
  const options = resolveBuildOptions({ out: folder, date: "2026-01-02" });
  built = await buildBundle(options, silentLogger);
  manifest = built.bundle.manifest;
});

afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const newestOfMajor = (major: string) =>
  stackLines()
    .map((line) => line.line)
    .filter((line) => line.startsWith(`${major}.`))
    .pop() as string;

// The last line before the one holding the minimum, at a late patch.
function versionJustBelow(minimum: string): string {
  const names = stackLines().map((line) => line.line);
  const index = names.indexOf(minimum.split(".").slice(0, 2).join("."));
  return `${names[index - 1]}.99`;
}

describe("built default bundle", () => {
  it("holds the matrix in manifest.json", () => {
    const compatibility = manifest.compatibility;
    expect(compatibility.targets).toHaveLength(stackLines().length + 1);
    expect(compatibility.newestKnownLine).toBe(newestLine().line);
    expect(manifest.minimumStackVersion).toBe(
      compatibility.minimumStackVersion,
    );
    expect(compatibility.usages.length).toBeGreaterThan(0);
  });

  it("holds the matrix table in the README", async () => {
    const files = await readZipBundle(built.zipPath);
    const readme = files["README.md"] as string;
    expect(readme).toContain("## Compatibility");
    expect(readme).toMatch(/^\| Stack \| released \| end of support \|/m);
    expect(readme).toMatch(/^\| serverless \|.*scripted_metric/m);
    expect(readme).toContain(`${manifest.minimumStackVersion} or newer`);
  });
});

describe("MINIMUM_STACK_VERSION", () => {
  it("equals the minimum the matrix computes", () => {
    expect(manifest.minimumStackVersion).toBe(MINIMUM_STACK_VERSION);
  });
});

describe("compat on the built bundle", () => {
  it.each(["8", "9"])("exits 0 for the newest %s.x line", async (major) => {
    const run = await runCli([
      "compat",
      "--stack",
      `${newestOfMajor(major)}.0`,
      built.zipPath,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("every artifact works");
  });

  it("exits 0 for the oldest supported version", async () => {
    const run = await runCli([
      "compat",
      "--stack",
      manifest.minimumStackVersion,
      built.zipPath,
    ]);
    expect(run.code).toBe(0);
  });

  it("exits 1 just below it, naming the feature", async () => {
    const below = versionJustBelow(manifest.minimumStackVersion);
    const run = await runCli(["compat", "--stack", below, built.zipPath]);
    expect(run.code).toBe(1);
    const blockers = manifest.compatibility.usages.filter(
      (usage) => (usage.requires ?? "") === manifest.minimumStackVersion,
    );
    expect(run.stdout).toContain("do not work on");
    expect(run.stdout).toMatch(/\[saved_object\.(type_)?migration_version\]/);
    expect(blockers.length).toBeGreaterThan(0);
  });

  it("exits 1 for serverless, naming scripted_metric", async () => {
    const run = await runCli([
      "compat",
      "--stack",
      "serverless",
      built.zipPath,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("transform.pivot.scripted_metric");
  });

  it("exits 2 for banana", async () => {
    const run = await runCli(["compat", "--stack", "banana", built.zipPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid Stack version "banana"');
  });

  it("exits 1 for an unknown major version", async () => {
    const run = await runCli(["compat", "--stack", "99.0.0", built.zipPath]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("newer major version");
  });

  it("answers a newer minor with a note", async () => {
    const version = `${newestLine().line.split(".")[0]}.99.0`;
    const run = await runCli(["compat", "--stack", version, built.zipPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("newer than");
  });

  it("prints the answer as JSON with --json", async () => {
    const run = await runCli([
      "--json",
      "compat",
      "--stack",
      "serverless",
      built.zipPath,
    ]);
    const answer = JSON.parse(run.stdout) as { supported: boolean };
    expect(answer.supported).toBe(false);
    expect(run.code).toBe(1);
  });
});

describe("compat on a hand-edited bundle folder", () => {
  let bundleFolder: string;

  beforeAll(async () => {
    bundleFolder = path.join(folder, "edited");
    const files = await readZipBundle(built.zipPath);
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(bundleFolder, file)), {
        recursive: true,
      });
      await fs.writeFile(path.join(bundleFolder, file), text);
    }
    const transformFile = path.join(
      bundleFolder,
      "default/ml_beaconing_pivot_transform.json",
    );
    const transform = JSON.parse(await fs.readFile(transformFile, "utf8"));
    transform.dest.aliases = [
      { alias: "ml_beaconing_latest", move_on_creation: true },
    ];
    await fs.writeFile(transformFile, JSON.stringify(transform, null, 2));
  });

  it("names dest.aliases for 8.7.2", async () => {
    const run = await runCli(["compat", "--stack", "8.7.2", bundleFolder]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("transform `dest.aliases` needs 8.8.0");
  });

  it("does not name dest.aliases for 8.8.0", async () => {
    const run = await runCli(["compat", "--stack", "8.8.0", bundleFolder]);
    expect(run.stdout).not.toContain("dest.aliases");
  });
});

describe("compat without a bundle", () => {
  it("checks the checked-out sources", async () => {
    const run = await runCli(["compat", "--stack", "serverless"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("the checked-out sources");
  });
});
