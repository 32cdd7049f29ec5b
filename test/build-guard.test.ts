import { describe, expect, test } from "vitest";
import { detectionProblems } from "../scripts/build/build-bundle.ts";
import { assembleTestBundle, editJson } from "./helpers/bundle.ts";

const REDUCE = "default/ml_beaconing_reduce_script.json";

describe("build detection check", () => {
  test("shipped scripts pass", () => {
    expect(detectionProblems(assembleTestBundle())).toEqual([]);
  });

  test("a reduce that never flags fails", () => {
    const files = editJson(assembleTestBundle(), REDUCE, (script) => {
      const source: string = script.script.source;
      expect(source).toContain("'is_beaconing': beaconingScore > 0L");
      script.script.source = source.replace(
        "'is_beaconing': beaconingScore > 0L",
        "'is_beaconing': false",
      );
    });
    const problems = detectionProblems(files);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.every((problem) => problem.file.startsWith("default/")),
    ).toBe(true);
    expect(problems.map((problem) => problem.message).join("\n")).toMatch(
      /beacon/,
    );
  });
});
