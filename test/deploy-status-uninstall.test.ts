import { afterEach, describe, expect, it } from "vitest";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const TRANSFORM = "ml_beaconing_pivot_transform_secops";
const run = (command: string, space: string, ...extra: string[]) =>
  runCli([command, "--space", space, ...cluster.flags, ...extra]);

async function installedSpaces(...spaces: string[]): Promise<void> {
  cluster = await startFakeCluster({ kibana: { spaces } });
  for (const space of spaces)
    expect((await run("install", space)).code).toBe(0);
}

describe("status", () => {
  it("reports the transform, results and signals", async () => {
    await installedSpaces("secops");
    cluster.es.state.indices.set("ml_beaconing_secops", [
      {
        "@timestamp": "2026-01-01T01:00:00Z",
        host: { name: "h1" },
        process: { name: "beacon.exe" },
        beacon_stats: { is_beaconing: true, beaconing_score: 2, interval: 60 },
      },
      {
        "@timestamp": "2026-01-01T02:00:00Z",
        host: { name: "h2" },
        process: { name: "chrome.exe" },
        beacon_stats: { is_beaconing: false },
      },
    ]);
    const result = await run("status", "secops");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `transform ${TRANSFORM}: started, health green`,
    );
    expect(result.stdout).toContain(
      "documents processed: 0, search failures: 0, index failures: 0",
    );
    expect(result.stdout).toContain(
      "results index ml_beaconing_secops: 2 documents",
    );
    expect(result.stdout).toContain(
      "host h1 process beacon.exe score 2 interval 60",
    );
    expect(result.stdout).not.toContain("chrome.exe");
    expect(result.stdout).toContain("0 missing");
  });

  it("exits 1 when nothing is installed", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const result = await run("status", "secops", "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      healthy: boolean;
      savedObjects: { missing: string[] };
    };
    expect(report.healthy).toBe(false);
    expect(report.savedObjects.missing).toContain(
      "index-pattern/ml_beaconing_secops",
    );
  });

  it("reports a missing Kibana space", async () => {
    cluster = await startFakeCluster();
    const result = await run("status", "nosuch");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'saved objects: the Kibana space "nosuch" does not exist',
    );
    expect(result.stdout).not.toContain("missing saved object");
    expect(cluster.kibana.requests.map((r) => r.path)).not.toContain(
      "/s/nosuch/api/saved_objects/_bulk_get",
    );
  });

  it("reports the ML job and datafeed", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await run("install", "secops", "--with-ml-job");
    const result = await run("status", "secops");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "anomaly-detection job ml_beaconing_rare_process_secops: opened",
    );
    expect(result.stdout).toContain(
      "datafeed datafeed-ml_beaconing_rare_process_secops: started",
    );
    const json = await run("status", "secops", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({
      mlJob: { id: "ml_beaconing_rare_process_secops", state: "opened" },
      datafeed: {
        id: "datafeed-ml_beaconing_rare_process_secops",
        state: "started",
      },
    });
  });

  it("omits an ML job that is not installed", async () => {
    await installedSpaces("secops");
    const result = await run("status", "secops");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("anomaly-detection job");
    expect(result.stdout).not.toContain("datafeed");
  });

  it("reports a failed transform", async () => {
    await installedSpaces("secops");
    const transform = cluster.es.state.transforms.get(TRANSFORM);
    if (transform) transform.state = "failed";
    const result = await run("status", "secops");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "failed, health red (task encountered irrecoverable failure",
    );
  });
});

describe("uninstall", () => {
  it("keeps the results index without --delete-data", async () => {
    await installedSpaces("secops");
    const result = await run("uninstall", "secops");
    expect(result.code).toBe(0);
    expect(cluster.es.state.transforms.has(TRANSFORM)).toBe(false);
    expect(cluster.es.state.indices.has("ml_beaconing_secops")).toBe(true);
    expect(cluster.kibana.objects.get("secops")?.size).toBe(0);
    expect(result.stdout).toContain("kept: results index ml_beaconing_secops");
  });

  it("deletes the results index with --delete-data", async () => {
    await installedSpaces("secops");
    const result = await run("uninstall", "secops", "--delete-data");
    expect(result.code).toBe(0);
    expect(cluster.es.state.indices.has("ml_beaconing_secops")).toBe(false);
  });

  it("keeps shared artifacts another space uses", async () => {
    await installedSpaces("secops", "default");
    const result = await run("uninstall", "secops");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("used by ml_beaconing_pivot_transform");
    expect(cluster.es.state.scripts.size).toBe(3);
    expect(cluster.es.state.pipelines.size).toBe(1);
    expect(cluster.es.state.templates.size).toBe(1);
    expect(cluster.kibana.objects.get("default")?.size).toBeGreaterThan(0);
  });

  it("removes shared artifacts with the last space", async () => {
    await installedSpaces("secops", "default");
    await run("uninstall", "secops");
    const result = await run("uninstall", "default");
    expect(result.code).toBe(0);
    expect(cluster.es.state.scripts.size).toBe(0);
    expect(cluster.es.state.pipelines.size).toBe(0);
    expect(cluster.es.state.templates.size).toBe(0);
    expect(cluster.es.state.transforms.size).toBe(0);
  });

  it("says a dry run is a dry run", async () => {
    await installedSpaces("secops");
    const result = await run("uninstall", "secops", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'Dry run: planning the uninstall of ML-Beaconing from the space "secops"',
    );
    expect(result.stderr).not.toContain("Uninstalling");
    expect(cluster.es.state.transforms.has(TRANSFORM)).toBe(true);
  });

  it("removes the ML job and datafeed", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await run("install", "secops", "--with-ml-job");
    const result = await run("uninstall", "secops");
    expect(result.code).toBe(0);
    expect(cluster.es.state.mlJobs.size).toBe(0);
    expect(cluster.es.state.datafeeds.size).toBe(0);
  });
});

describe("console", () => {
  it("prints the requests of console.txt", async () => {
    const result = await runCli(["console", "--space", "secops"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'install requests for the Kibana space "secops"',
    );
    expect(result.stdout).toContain(
      "PUT _transform/ml_beaconing_pivot_transform_secops",
    );
    expect(result.stdout).toContain(
      "/s/secops/api/saved_objects/_import?overwrite=true",
    );
  });

  it("names the licences that install --help names", async () => {
    const console = await runCli(["console", "--space", "secops"]);
    const help = await runCli(["install", "--help"]);
    const licences = "Platinum, Enterprise or trial";
    expect(console.stdout).toContain(`needs a ${licences} licence`);
    expect(help.stdout).toContain(`(${licences})`);
  });
});
