import { describe, expect, it } from "vitest";
import { newestLine, oldestLine, stackLines } from "../scripts/compat/data.ts";
import type { Usage } from "../scripts/compat/detect.ts";
import {
  compatibilityOf,
  evaluate,
  minimumStackVersion,
} from "../scripts/compat/matrix.ts";
import {
  compatibilityTable,
  releaseCompatibilitySection,
} from "../scripts/compat/render.ts";

const use = (artifact: string, feature: string, requires?: string): Usage => ({
  artifact,
  feature,
  file: `default/${artifact}`,
  pointer: "/x",
  ...(requires ? { requires } : {}),
});

const USAGES = [
  use("transform", "transform.dest.aliases"),
  use("transform", "transform.pivot.scripted_metric"),
  use("dashboards", "saved_object.migration_version", "8.9.0"),
  use("dashboards", "saved_object.migration_version", "8.6.0"),
  use("dashboards", "saved_object.ids_unique_across_spaces"),
];

describe("stack line data", () => {
  it("runs from 7.17 to a 9.x line", () => {
    expect(oldestLine().line).toBe("7.17");
    expect(newestLine().line).toMatch(/^9\./);
  });

  it("has one entry per line, oldest first", () => {
    const names = stackLines().map((line) => line.line);
    expect(new Set(names).size).toBe(names.length);
    const sorted = [...names].sort((a, b) => {
      const [aMajor, aMinor] = a.split(".").map(Number) as [number, number];
      const [bMajor, bMinor] = b.split(".").map(Number) as [number, number];
      return aMajor - bMajor || aMinor - bMinor;
    });
    expect(names).toEqual(sorted);
  });
});

describe("evaluate", () => {
  it("blocks dest.aliases below 8.8.0", () => {
    const results = evaluate(USAGES, { kind: "stack", version: "8.7.2" });
    const transform = results.find((result) => result.artifact === "transform");
    expect(transform?.supported).toBe(false);
    expect(transform?.blockedBy).toEqual([
      { feature: "transform.dest.aliases", requires: "8.8.0" },
    ]);
  });

  it("merges migration versions into the highest", () => {
    const results = evaluate(USAGES, { kind: "stack", version: "8.5.0" });
    const dashboards = results.find(
      (result) => result.artifact === "dashboards",
    );
    expect(dashboards?.blockedBy).toEqual([
      { feature: "saved_object.migration_version", requires: "8.9.0" },
    ]);
  });

  it("blocks scripted_metric in Serverless only", () => {
    const serverless = evaluate(USAGES, { kind: "serverless" });
    const transform = serverless.find(
      (result) => result.artifact === "transform",
    );
    expect(transform?.blockedBy).toEqual([
      { feature: "transform.pivot.scripted_metric", requires: null },
    ]);
    const stack = evaluate(USAGES, { kind: "stack", version: "9.0.0" });
    expect(stack.every((result) => result.supported)).toBe(true);
  });

  it("lists artifacts without usages as supported", () => {
    const results = evaluate([], { kind: "stack", version: "7.17.0" });
    expect(results.every((result) => result.supported)).toBe(true);
    expect(results.map((result) => result.artifact)).toContain("ml-job");
  });
});

describe("minimumStackVersion", () => {
  it("is the highest version a blocking use needs", () => {
    expect(minimumStackVersion(USAGES)).toBe("8.9.0");
  });

  it("is the oldest line without gated uses", () => {
    expect(minimumStackVersion([])).toBe("7.17.0");
  });

  it("ignores non-blocking features", () => {
    const usages = [use("dashboards", "saved_object.ids_unique_across_spaces")];
    expect(minimumStackVersion(usages)).toBe("7.17.0");
  });
});

describe("compatibilityOf", () => {
  const compatibility = compatibilityOf(USAGES);

  it("has a target per line and one for Serverless", () => {
    expect(compatibility.targets).toHaveLength(stackLines().length + 1);
    expect(compatibility.targets.at(-1)?.target).toBe("serverless");
    expect(compatibility.serverless).toBe(false);
  });

  it("marks lines from the minimum on as supported", () => {
    const supported = compatibility.targets
      .filter((target) => target.target !== "serverless" && target.supported)
      .map((target) => target.target);
    expect(supported[0]).toBe("8.9");
    expect(supported.at(-1)).toBe(newestLine().line);
  });

  it("renders a table row per target", () => {
    const table = compatibilityTable(compatibility);
    expect(table.split("\n")).toHaveLength(stackLines().length + 3);
    expect(table).toContain(
      "| 8.7 | 2023-03-30 | 2024-09-30 | yes | yes | yes | no: `transform.dest.aliases` (8.8.0) |",
    );
    expect(table).toMatch(
      /\| serverless \|.*`transform\.pivot\.scripted_metric` \(not in Serverless\)/,
    );
  });

  it("renders the release section with the minimum", () => {
    const section = releaseCompatibilitySection(compatibility);
    expect(section.startsWith("## Compatibility\n")).toBe(true);
    expect(section).toContain("Elastic Stack 8.9.0 or newer");
  });
});
