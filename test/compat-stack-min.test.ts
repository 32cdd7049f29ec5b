import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "../scripts/build/build-bundle.ts";
import { resolveBuildOptions } from "../scripts/build/options.ts";
import { adaptTemplates, parseStackMin } from "../scripts/compat/stack-min.ts";
import { UserError } from "../scripts/errors.ts";
import { silentLogger } from "../scripts/logger.ts";

const TRANSFORM = "ml_beaconing_pivot_transform.json";
const DASHBOARDS = "ml_beaconing_dashboards.ndjson";

const transform = {
  source: { index: ["logs-*"] },
  dest: { index: "x", aliases: [{ alias: "y" }] },
  _meta: { managed_by: "ml-beaconing" },
  pivot: { group_by: {}, aggregations: {} },
};

function thrown(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("adaptTemplates", () => {
  it("leaves out dest.aliases below 8.8.0", () => {
    const adapted = adaptTemplates(
      { [TRANSFORM]: JSON.stringify(transform) },
      "8.7.0",
    );
    const body = JSON.parse(adapted[TRANSFORM] as string);
    expect(body.dest).toEqual({ index: "x" });
    expect(body._meta).toEqual({ managed_by: "ml-beaconing" });
  });

  it("keeps every feature the target has", () => {
    const text = JSON.stringify(transform);
    expect(adaptTemplates({ [TRANSFORM]: text }, "8.8.0")[TRANSFORM]).toBe(
      text,
    );
  });

  it("fails naming a feature it cannot drop", () => {
    const object = {
      id: "a",
      type: "index-pattern",
      typeMigrationVersion: "8.0.0",
    };
    const templates = { [DASHBOARDS]: `${JSON.stringify(object)}\n` };
    const error = thrown(() => adaptTemplates(templates, "8.7.0"));
    expect(error.message).toContain("cannot build for Stack 8.7.0");
    expect(error.message).toContain("[saved_object.type_migration_version]");
    expect(error.message).toContain("line 1 /typeMigrationVersion");
  });
});

describe("parseStackMin", () => {
  it("reads a pre-release as its release", () => {
    expect(parseStackMin("8.12.0-SNAPSHOT")).toBe("8.12.0");
  });

  it("rejects serverless and old versions", () => {
    expect(thrown(() => parseStackMin("serverless")).message).toContain(
      "Stack version",
    );
    expect(thrown(() => parseStackMin("7.10.2")).message).toContain(
      "from 7.17 on",
    );
  });

  it("rejects banana with exit code 2", () => {
    expect(thrown(() => parseStackMin("banana")).exitCode).toBe(2);
  });
});

describe("build --stack-min", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "stack-min-"));
  });

  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function build(stackMin?: string) {
    const out = path.join(folder, stackMin ?? "default");
    const options = resolveBuildOptions({ out, date: "2026-01-02", stackMin });
    return (await buildBundle(options, silentLogger)).bundle;
  }

  // Every migration version a saved object claims, also in panelsJSON.
  function migrationVersions(ndjson: string): string[] {
    return ndjson
      .split("\n")
      .filter(Boolean)
      .flatMap((line) => {
        const object = JSON.parse(line);
        const panels = object.attributes?.panelsJSON
          ? JSON.parse(object.attributes.panelsJSON)
          : [];
        return [
          object.coreMigrationVersion,
          object.typeMigrationVersion,
          ...Object.values(object.migrationVersion ?? {}),
          ...panels.map((panel: { version?: string }) => panel.version),
        ].filter((version): version is string => typeof version === "string");
      });
  }

  it.each(["8.8.0", "8.12.0", "9.1.0"])(
    "stamps no migration version newer than %s",
    async (stackMin) => {
      const bundle = await build(stackMin);
      const versions = migrationVersions(
        bundle.files[`default/${DASHBOARDS}`] as string,
      );
      expect(versions.length).toBeGreaterThan(0);
      for (const version of versions)
        expect(semver.lte(version, stackMin)).toBe(true);
      expect(semver.lte(bundle.manifest.minimumStackVersion, stackMin)).toBe(
        true,
      );
    },
  );

  it("defaults to the oldest full-feature version", async () => {
    const bundle = await build();
    const versions = migrationVersions(
      bundle.files[`default/${DASHBOARDS}`] as string,
    );
    const newest = versions.sort(semver.compare).pop() as string;
    expect(bundle.manifest.minimumStackVersion).toBe(newest);
  });

  it("fails below that version naming the features", async () => {
    await expect(build("8.7.2")).rejects.toThrow(
      /saved_object\.type_migration_version/,
    );
  });
});
