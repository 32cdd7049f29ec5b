import { afterEach, describe, expect, it } from "vitest";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const TRANSFORM = "ml_beaconing_pivot_transform_secops";
const install = (...extra: string[]) =>
  runCli(["install", "--space", "secops", ...cluster.flags, ...extra]);

// The step lines of an install report, without the error of a FAILED line.
const stepLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => /^ {2}(done|unchanged|FAILED|not done): /.test(line))
    .map((line) => line.replace(/^( {2}FAILED: [^:]+):.*$/, "$1"));

describe("install failure", () => {
  it("reports done and not done when the start fails", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    cluster.es.failures.transformStart = 1;
    const result = await install();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`done: create transform ${TRANSFORM}`);
    expect(result.stdout).toContain("done: import saved objects of secops");
    expect(result.stdout).toContain(`FAILED: start transform ${TRANSFORM}`);
    expect(result.stdout).toContain("400 validation_exception");
    expect(result.stdout).toContain("run the same install again");
  });

  it("lists each step in install order", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await install();
    cluster.kibana.objects.get("secops")?.clear();
    cluster.kibana.failingImports.add("ml_beaconing_secops");
    const result = await install();
    expect(result.code).toBe(1);
    expect(stepLines(result.stdout)).toEqual([
      "  unchanged: index template ml_beaconing_index_template",
      "  unchanged: mapping of index ml_beaconing_secops",
      "  unchanged: stored script ml_beaconing_init_script",
      "  unchanged: stored script ml_beaconing_map_script",
      "  unchanged: stored script ml_beaconing_reduce_script",
      "  unchanged: ingest pipeline ml_beaconing_ingest_pipeline",
      `  unchanged: transform ${TRANSFORM}`,
      "  FAILED: import saved objects of secops",
      `  unchanged: transform ${TRANSFORM} started`,
    ]);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^Fix the cause and run the same install/);
  });

  it("lists a stop first and the rest in order", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await install();
    const transform = cluster.es.state.transforms.get(TRANSFORM);
    if (transform) transform.state = "failed";
    const result = await install();
    expect(result.code).toBe(0);
    expect(stepLines(result.stdout)).toEqual([
      `  done: stop transform ${TRANSFORM}`,
      "  unchanged: index template ml_beaconing_index_template",
      "  unchanged: mapping of index ml_beaconing_secops",
      "  unchanged: stored script ml_beaconing_init_script",
      "  unchanged: stored script ml_beaconing_map_script",
      "  unchanged: stored script ml_beaconing_reduce_script",
      "  unchanged: ingest pipeline ml_beaconing_ingest_pipeline",
      `  unchanged: transform ${TRANSFORM}`,
      "  unchanged: saved objects of secops",
      `  done: start transform ${TRANSFORM}`,
    ]);
  });

  it("completes the install on a re-run", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    cluster.es.failures.transformStart = 1;
    await install();
    const before = cluster.timeline().length;
    const rerun = await install();
    expect(rerun.code).toBe(0);
    expect(cluster.timeline().slice(before)).toEqual([
      `POST /_transform/${TRANSFORM}/_start`,
    ]);
    expect(cluster.es.state.transforms.get(TRANSFORM)?.state).toBe("started");
  });

  it("lists the steps not done after a script compile error", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    cluster.es.failures.scriptCompile = true;
    const result = await install();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "FAILED: create stored script ml_beaconing_map_script",
    );
    expect(result.stdout).toContain("script_exception: compile error");
    expect(result.stdout).toContain(
      "cannot resolve symbol [undefinedVariable]",
    );
    expect(result.stdout).toContain(
      "not done: create stored script ml_beaconing_reduce_script",
    );
    expect(result.stdout).toContain(`not done: create transform ${TRANSFORM}`);
    expect(cluster.es.state.transforms.size).toBe(0);
  });

  it("fails on per-object import errors", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    cluster.kibana.failingImports.add("ml_beaconing_secops");
    const result = await install();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAILED: import saved objects of secops");
    expect(result.stdout).toContain("index-pattern ml_beaconing_secops");
    expect(result.stdout).toContain("Saved object validation failed");
    expect(result.stdout).toContain(`not done: start transform ${TRANSFORM}`);
  });

  it("flags an import that created a copy", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const conflicting = new Map([
      [
        "index-pattern/ml_beaconing_secops",
        {
          type: "index-pattern",
          id: "ml_beaconing_secops",
          attributes: {},
          references: [],
        },
      ],
    ]);
    cluster.kibana.objects.set("other", conflicting);
    const result = await install();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("was imported as a new copy");
  });

  it("force-stops and restarts a failed transform", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await install();
    const transform = cluster.es.state.transforms.get(TRANSFORM);
    if (transform) transform.state = "failed";
    const before = cluster.timeline().length;
    const rerun = await install();
    expect(rerun.code).toBe(0);
    expect(cluster.timeline().slice(before)).toEqual([
      `POST /_transform/${TRANSFORM}/_stop?force=true&wait_for_completion=true`,
      `POST /_transform/${TRANSFORM}/_start`,
    ]);
  });
});
