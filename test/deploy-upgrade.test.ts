import { afterEach, describe, expect, it } from "vitest";
import { writeBundleFolder } from "./fakes/bundle-folder.ts";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const TRANSFORM = "ml_beaconing_pivot_transform_secops";
const install = (...extra: string[]) =>
  runCli(["install", "--space", "secops", ...cluster.flags, ...extra]);

async function installedWithResults(): Promise<void> {
  cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
  await install();
  cluster.es.state.indices.set("ml_beaconing_secops", [
    { "@timestamp": "2026-01-01T00:00:00Z" },
  ]);
}

describe("install upgrade", () => {
  it("updates a transform whose frequency changed", async () => {
    await installedWithResults();
    const bundle = await writeBundleFolder(
      "ML-Beaconing-20990101-1",
      "secops",
      (t) => {
        t.frequency = "30m";
      },
    );
    const before = cluster.timeline().length;
    const result = await install(bundle);
    expect(result.code).toBe(0);
    expect(cluster.timeline().slice(before)).toEqual([
      `POST /_transform/${TRANSFORM}/_stop?wait_for_completion=true&timeout=5m`,
      `POST /_transform/${TRANSFORM}/_update`,
      `POST /_transform/${TRANSFORM}/_start`,
    ]);
    expect(cluster.es.state.transforms.get(TRANSFORM)?.config.frequency).toBe(
      "30m",
    );
    expect(cluster.es.state.indices.get("ml_beaconing_secops")).toHaveLength(1);
  });

  it("replaces a transform whose pivot changed", async () => {
    await installedWithResults();
    const bundle = await writeBundleFolder(
      "ML-Beaconing-20990101-2",
      "secops",
      (t) => {
        const pivot = t.pivot as { group_by: Record<string, unknown> };
        pivot.group_by["user.name"] = { terms: { field: "user.name" } };
      },
    );
    const before = cluster.timeline().length;
    const result = await install(bundle);
    expect(result.code).toBe(0);
    expect(cluster.timeline().slice(before)).toEqual([
      `POST /_transform/${TRANSFORM}/_stop?wait_for_completion=true&timeout=5m`,
      `DELETE /_transform/${TRANSFORM}`,
      `PUT /_transform/${TRANSFORM}`,
      `POST /_transform/${TRANSFORM}/_start`,
    ]);
    expect(result.stdout).toContain("ML-Beaconing-20990101-2");
    expect(cluster.es.state.indices.get("ml_beaconing_secops")).toHaveLength(1);
  });

  it("rejects a space folder of another space", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const bundle = await writeBundleFolder(
      "ML-Beaconing-20990101-1",
      "other",
      () => {},
    );
    const result = await runCli([
      "install",
      "--space",
      "secops",
      ...cluster.flags,
      `${bundle}/other`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("rendered for another space");
  });
});

describe("install dry run", () => {
  it("prints the requests and sends none", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const result = await install("--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PUT /_scripts/ml_beaconing_map_script");
    expect(result.stdout).toContain(
      "Kibana POST /s/secops/api/saved_objects/_import?overwrite=true",
    );
    expect(result.stdout).toContain('"index_patterns"');
    expect(cluster.timeline()).toEqual([]);
  });
});

describe("install with the ML job", () => {
  it("creates, opens and starts the job last", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const result = await install("--with-ml-job");
    expect(result.code).toBe(0);
    expect(cluster.timeline().slice(-5)).toEqual([
      `POST /_transform/${TRANSFORM}/_start`,
      "PUT /_ml/anomaly_detectors/ml_beaconing_rare_process_secops",
      "PUT /_ml/datafeeds/datafeed-ml_beaconing_rare_process_secops",
      "POST /_ml/anomaly_detectors/ml_beaconing_rare_process_secops/_open",
      "POST /_ml/datafeeds/datafeed-ml_beaconing_rare_process_secops/_start",
    ]);
    const before = cluster.timeline().length;
    expect((await install("--with-ml-job")).code).toBe(0);
    expect(cluster.timeline().length).toBe(before);
  });
});
