// The GitHub Actions workflows pass the workflow schema that
// @action-validator/core compiles in (SchemaStore's github-workflow.json),
// with no network, and keep their permissions minimal.
import { validateWorkflow } from "@action-validator/core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "./helpers/cli.ts";

const read = (name: string) =>
  readFileSync(path.join(ROOT, ".github", "workflows", name), "utf8");

describe("workflows", () => {
  test.each(["ci.yml", "release.yml"])(
    "%s passes the workflow schema",
    (name) => {
      expect(validateWorkflow(read(name)).errors).toEqual([]);
    },
  );

  test("schema check rejects a broken workflow", () => {
    const broken = read("ci.yml").replace(
      "runs-on: ubuntu-latest",
      "runs_on: ubuntu-latest",
    );
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test("ci.yml runs the checks, builds, validates and keeps the zip", () => {
    const ci = read("ci.yml");
    for (const step of [
      "pull_request:",
      "node-version: 20",
      "npm ci",
      "npx tsc --noEmit",
      "npx eslint .",
      "npx vitest run",
      "npx ml-beaconing build --out dist",
      "npx ml-beaconing validate dist/*.zip",
      "actions/upload-artifact@v4",
    ]) {
      expect(ci, step).toContain(step);
    }
    expect(ci).toContain("permissions:\n  contents: read\n");
    expect(ci).not.toContain("write");
  });

  test("release.yml grants contents: write to the release job only", () => {
    const release = read("release.yml");
    expect(release).toContain("\npermissions: {}\n");
    expect(release.match(/contents: write/g)).toHaveLength(1);
    expect(release).toContain("workflow_dispatch:");
    expect(release).toContain("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}");
    // Inputs reach the script only through environment variables.
    const inputLines = release
      .split("\n")
      .filter((line) => line.includes("${{ inputs."));
    expect(inputLines).toHaveLength(4);
    for (const line of inputLines)
      expect(line).toMatch(/^\s+INPUT_[A-Z_]+: \$\{\{ inputs\.[a-z-]+ \}\}$/);
  });
});
