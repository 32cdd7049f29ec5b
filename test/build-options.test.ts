import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { bundleName, resolveBuildOptions } from "../scripts/build/options.ts";
import { runCli } from "./helpers/cli.ts";
import { tempDir } from "./helpers/temp.ts";

const work = tempDir();

describe("build with an invalid space", () => {
  const cases: [string, string, RegExp][] = [
    ["display name", "Marketing Team", /\^\[a-z0-9_-\]\+\$/],
    [
      "trailing hyphen",
      "team-",
      /ml_beaconing_pivot_transform_team-'.*start and end with a lowercase letter or digit/,
    ],
    [
      "too long for the transform id",
      "a".repeat(36),
      /transform id 'ml_beaconing_pivot_transform_a+' \(65 characters\).* exceed Elasticsearch's limit of 64/,
    ],
  ];
  test.each(cases)("%s fails before writing", async (_case, space, rule) => {
    const out = path.join(work, space.replace(/\W/g, "_"));
    const result = await runCli(["build", "--space", space, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(rule);
    expect(existsSync(out)).toBe(false);
  });
});

describe("resolveBuildOptions", () => {
  const now = new Date("2026-12-04T23:30:00-05:00");

  test("defaults to the default space, UTC today, 1 and dist", () => {
    expect(resolveBuildOptions({}, now)).toEqual({
      spaces: ["default"],
      date: "2026-12-05",
      sequence: 1,
      outDir: "dist",
      sourceIndex: undefined,
    });
  });

  test("always includes the default space once", () => {
    const options = resolveBuildOptions(
      { space: ["secops", "default", "secops"] },
      now,
    );
    expect(options.spaces).toEqual(["default", "secops"]);
  });

  test("rejects an impossible date", () => {
    expect(() => resolveBuildOptions({ date: "2026-02-30" }, now)).toThrow(
      /invalid --date "2026-02-30"/,
    );
  });

  test("rejects a sequence below 1", () => {
    expect(() => resolveBuildOptions({ sequence: "0" }, now)).toThrow(
      /invalid --sequence "0"/,
    );
  });

  test("bundle name has the compact date and N", () => {
    expect(bundleName("2026-12-04", 10)).toBe("ML-Beaconing-20261204-10");
  });
});

describe("resolveBuildOptions reserved names", () => {
  test("rejects the templates folder name", () => {
    expect(() => resolveBuildOptions({ space: ["templates"] })).toThrow(
      /a bundle keeps its templates in templates\//,
    );
  });
});

describe("resolveBuildOptions source index", () => {
  test("accepts patterns and remote prefixes", () => {
    const options = resolveBuildOptions({
      sourceIndex: ["logs-*", "remote:logs-endpoint.*"],
    });
    expect(options.sourceIndex).toEqual(["logs-*", "remote:logs-endpoint.*"]);
  });

  test.each([[""], ["LOGS-*"], ["logs-*,filebeat-*"], ["_internal"]])(
    "rejects %j",
    (pattern) => {
      expect(() => resolveBuildOptions({ sourceIndex: [pattern] })).toThrow(
        /invalid --source-index/,
      );
    },
  );

  test("comma list gets a hint", () => {
    expect(() => resolveBuildOptions({ sourceIndex: ["a-*,b-*"] })).toThrow(
      /once per pattern/,
    );
  });
});

describe("build output folder", () => {
  test("a file is rejected with a clear message", async () => {
    const file = path.join(work, "not-a-folder");
    writeFileSync(file, "");
    const result = await runCli(["build", "--out", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is a file, not a folder");
  });
});
