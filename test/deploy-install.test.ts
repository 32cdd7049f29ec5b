import { afterEach, describe, expect, it } from "vitest";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const install = (...extra: string[]) =>
  runCli(["install", "--space", "secops", ...cluster.flags, ...extra]);

describe("install", () => {
  it("sends the requests in install order", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const result = await install();
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    expect(cluster.timeline()).toEqual([
      "PUT /_index_template/ml_beaconing_index_template",
      "PUT /_scripts/ml_beaconing_init_script",
      "PUT /_scripts/ml_beaconing_map_script",
      "PUT /_scripts/ml_beaconing_reduce_script",
      "PUT /_ingest/pipeline/ml_beaconing_ingest_pipeline",
      "PUT /_transform/ml_beaconing_pivot_transform_secops",
      "Kibana POST /s/secops/api/saved_objects/_import?overwrite=true",
      "POST /_transform/ml_beaconing_pivot_transform_secops/_start",
    ]);
    expect(
      cluster.es.state.transforms.get("ml_beaconing_pivot_transform_secops")
        ?.state,
    ).toBe("started");
    expect(result.stdout).toContain("Installed checked-out sources");
  });

  it("changes nothing on a second run", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await install();
    const esBefore = cluster.es.changes().length;
    const kibanaBefore = cluster.kibana.changes().length;
    const second = await install();
    expect(second.code).toBe(0);
    expect(cluster.es.changes().length).toBe(esBefore);
    expect(cluster.kibana.changes().length).toBe(kibanaBefore);
    expect(second.stdout).toContain("Nothing to change");
  });
});
