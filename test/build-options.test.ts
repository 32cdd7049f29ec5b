import { existsSync } from "node:fs";
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
      /transform id .* more than Elasticsearch's limit of 64/,
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
