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
import { runCliInProcess } from "./helpers/run-cli.ts";

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
    expect(readme).toMatch(
      /^\| Stack \| released \| end of life \(Elastic EOL\) \|/m,
    );
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
    const run = await runCliInProcess([
      "compat",
      "--stack",
      `${newestOfMajor(major)}.0`,
      built.zipPath,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("every artifact works");
  });

  it("exits 0 for the oldest supported version", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      manifest.minimumStackVersion,
      built.zipPath,
    ]);
    expect(run.code).toBe(0);
  });

  it("exits 1 just below it, naming the feature", async () => {
    const below = versionJustBelow(manifest.minimumStackVersion);
    const run = await runCliInProcess([
      "compat",
      "--stack",
      below,
      built.zipPath,
    ]);
    expect(run.code).toBe(1);
    const blockers = manifest.compatibility.usages.filter(
      (usage) => (usage.requires ?? "") === manifest.minimumStackVersion,
    );
    expect(run.stdout).toContain(`1 of 7 artifacts does not work on ${below}`);
    expect(run.stdout).toMatch(/\[saved_object\.(type_)?migration_version\]/);
    expect(blockers.length).toBeGreaterThan(0);
  });

  it("ends a failure with the next step", async () => {
    const below = versionJustBelow(manifest.minimumStackVersion);
    const run = await runCliInProcess([
      "compat",
      "--stack",
      below,
      built.zipPath,
    ]);
    const last = run.stdout.trim().split("\n").at(-1);
    expect(last).toBe(
      `next step: the bundle needs ${manifest.minimumStackVersion} or newer: upgrade the Stack; ` +
        "build --stack-min cannot leave out [saved_object.migration_version], [saved_object.type_migration_version]",
    );
  });

  it("exits 1 for serverless, naming scripted_metric", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "serverless",
      built.zipPath,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("transform.pivot.scripted_metric");
  });

  it("exits 2 for banana", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "banana",
      built.zipPath,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid Stack version "banana"');
  });

  it("exits 1 for an unknown major version", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "99.0.0",
      built.zipPath,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("newer major version");
  });

  it.each([
    ["7.16", "is older than", "upgrade the Stack to"],
    ["10.0", "newer major version", "upgrade ml-beaconing"],
  ])("states the reason for %s once", async (version, reason, step) => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      version,
      built.zipPath,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.split(reason)).toHaveLength(2);
    expect(run.stdout).toContain(`no artifact works on ${version}`);
    expect(run.stdout.trim().split("\n").at(-1)).toContain(
      `next step: ${step}`,
    );
  });

  it("answers a newer minor with a note", async () => {
    const version = `${newestLine().line.split(".")[0]}.99.0`;
    const run = await runCliInProcess([
      "compat",
      "--stack",
      version,
      built.zipPath,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("newer than");
  });

  it("prints the answer as JSON with --json", async () => {
    const run = await runCliInProcess([
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
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "8.7.2",
      bundleFolder,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("transform `dest.aliases` needs 8.8.0");
    expect(run.stdout).toContain("2 of 7 artifacts do not work on 8.7.2");
  });

  it("lists only the artifacts of a single file", async () => {
    const transform = path.join(
      bundleFolder,
      "default/ml_beaconing_pivot_transform.json",
    );
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "8.7.2",
      transform,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("1 of 1 artifact does not work on 8.7.2");
    expect(run.stdout.trim().split("\n").at(-1)).toBe(
      "next step: the bundle needs 8.8.0 or newer: upgrade the Stack, or use a bundle built with --stack-min 8.7.2",
    );
  });

  it("does not name dest.aliases for 8.8.0", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "8.8.0",
      bundleFolder,
    ]);
    expect(run.stdout).not.toContain("dest.aliases");
  });
});

describe("compat without a bundle", () => {
  it("checks the checked-out sources", async () => {
    const run = await runCliInProcess(["compat", "--stack", "serverless"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("the checked-out sources");
  });
});

describe("compat on input that is not a bundle", () => {
  const expectUsageError = (run: { code: number; stdout: string }) => {
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain("works on");
  };

  it("exits 2 for a file that is no artifact", async () => {
    const run = await runCliInProcess([
      "compat",
      "--stack",
      "serverless",
      "package.json",
    ]);
    expectUsageError(run);
    expect(run.stderr).toContain(
      "package.json contains no ML-Beaconing artifacts",
    );
    expect(run.stderr).toContain("ml_beaconing_pivot_transform.json");
  });

  it("exits 2 for an empty folder", async () => {
    const empty = path.join(folder, "empty");
    await fs.mkdir(empty, { recursive: true });
    const run = await runCliInProcess(["compat", "--stack", "8.12", empty]);
    expectUsageError(run);
    expect(run.stderr).toContain(`${empty} contains no ML-Beaconing artifacts`);
  });

  it("exits 2 for a missing path", async () => {
    const missing = path.join(folder, "missing.zip");
    const run = await runCliInProcess(["compat", "--stack", "8.12", missing]);
    expectUsageError(run);
    expect(run.stderr).toContain(`cannot read ${missing}`);
  });

  it("exits 2 for a file that is not a zip", async () => {
    const fake = path.join(folder, "not-a.zip");
    await fs.writeFile(fake, "not a zip");
    const run = await runCliInProcess(["compat", "--stack", "8.12", fake]);
    expectUsageError(run);
    expect(run.stderr).toContain(`cannot read ${fake} as a zip`);
  });

  it("exits 2 for a zip with a damaged entry", async () => {
    const damaged = path.join(folder, "damaged.zip");
    const bytes = await fs.readFile(built.zipPath);
    // Overwrites compressed data of the first entry; the directory stays intact.
    bytes.fill(0xff, 200, 260);
    await fs.writeFile(damaged, bytes);
    const run = await runCliInProcess(["compat", "--stack", "8.12", damaged]);
    expectUsageError(run);
    expect(run.stderr).toContain(`cannot read ${damaged} as a zip (entry`);
    expect(run.stderr).not.toContain("internal error");
  });
});
