import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { painlessProblems } from "../scripts/painless/validate.ts";
import { runCli } from "./helpers/cli.ts";
import { tempDir } from "./helpers/temp.ts";

const folder = new URL("../artifacts-src/painless/", import.meta.url);
const shipped = Object.fromEntries(
  readdirSync(folder)
    .filter((file) => file.endsWith(".painless"))
    .map((file) => [
      `artifacts-src/painless/${file}`,
      readFileSync(new URL(file, folder), "utf8"),
    ]),
);

describe("painlessProblems", () => {
  it("accepts the shipped scripts", () => {
    expect(Object.keys(shipped)).toHaveLength(4);
    expect(painlessProblems(shipped)).toEqual([]);
  });

  it("reports a syntax error in a .painless file with line and column", () => {
    const problems = painlessProblems({
      "ml_beaconing_map_script.painless":
        "state.count = 1;\nif (state.count > 1 {\n}",
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "painless-syntax",
      file: "ml_beaconing_map_script.painless",
      location: "line 2, column 21",
    });
    expect(problems[0]?.message).toContain("expected ')'");
  });

  it("reports the line inside a stored script's source", () => {
    const body = {
      script: { lang: "painless", source: "int a = 1;\nint b = 2.5;" },
    };
    const problems = painlessProblems({
      "default/ml_beaconing_reduce_script.json": JSON.stringify(body),
    });
    expect(problems[0]).toMatchObject({
      code: "painless-compile",
      location: "/script/source line 2, column 5",
    });
  });

  it("checks inline scripts of the transform", () => {
    const transform = {
      pivot: {
        aggregations: {
          beacon_stats: {
            scripted_metric: {
              combine_script: { source: "return stat;", lang: "painless" },
            },
          },
        },
      },
    };
    const problems = painlessProblems({
      "ml_beaconing_pivot_transform.json": JSON.stringify(transform),
    });
    expect(problems[0]).toMatchObject({
      code: "painless-compile",
      location:
        "/pivot/aggregations/beacon_stats/scripted_metric/combine_script/source line 1, column 8",
    });
    expect(problems[0]?.message).toContain("cannot resolve symbol [stat]");
  });

  it("reports an unsupported class", () => {
    const problems = painlessProblems({
      "x_init_script.painless": "state.r = new Random();",
    });
    expect(problems[0]).toMatchObject({
      code: "painless-unsupported",
      location: "line 1, column 11",
    });
  });
});

describe("ml-beaconing validate", () => {
  it("fails on a stored script syntax error", async () => {
    const file = path.join(tempDir(), "ml_beaconing_map_script.json");
    writeFileSync(
      file,
      JSON.stringify({
        script: { lang: "painless", source: "state.a = 1;\nstate.b = ;" },
      }),
    );
    const result = await runCli(["validate", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "ml_beaconing_map_script.json /script/source line 2, column 11",
    );
    expect(result.stderr).toContain("[painless-syntax]");
  });
});

describe("ml-beaconing validate on a .painless file", () => {
  it("fails with the file, line and column of the syntax error", async () => {
    const file = path.join(tempDir(), "ml_beaconing_init_script.painless");
    writeFileSync(file, "state.a = 1;\nif (state.a > 0 {\n}\n");
    const result = await runCli(["validate", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "ml_beaconing_init_script.painless line 2, column 17: syntax error: expected ')'",
    );
  });
});
