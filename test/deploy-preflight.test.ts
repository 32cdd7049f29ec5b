import { afterEach, describe, expect, it } from "vitest";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const install = (space: string, ...extra: string[]) =>
  runCli(["install", "--space", space, ...cluster.flags, ...extra]);

describe("install preflight", () => {
  it("rejects a newer major version", async () => {
    cluster = await startFakeCluster({
      es: { version: "10.0.0" },
      kibana: { version: "10.0.0", spaces: ["secops"] },
    });
    const result = await install("secops");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "Elasticsearch 10.0.0 cannot run the transform",
    );
    expect(result.stderr).toContain("Kibana 10.0.0 cannot run the dashboards");
    expect(cluster.es.changes()).toEqual([]);
    expect(cluster.kibana.changes()).toEqual([]);
  });

  it("rejects a Kibana older than the dashboards", async () => {
    cluster = await startFakeCluster({
      es: { version: "8.7.1" },
      kibana: { version: "8.7.1", spaces: ["secops"] },
    });
    const result = await install("secops");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Kibana 8.7.1 cannot run the dashboards");
    expect(result.stderr).toContain(
      "`typeMigrationVersion` needs 8.8.0 or newer",
    );
    expect(result.stderr).not.toContain("Elasticsearch 8.7.1 cannot");
    expect(cluster.es.changes()).toEqual([]);
    expect(cluster.kibana.changes()).toEqual([]);
  });

  it("treats a snapshot as the version it leads to", async () => {
    cluster = await startFakeCluster({
      es: { version: "8.8.0-SNAPSHOT" },
      kibana: { version: "8.8.0-SNAPSHOT", spaces: ["secops"] },
    });
    const result = await install("secops", "--dry-run");
    expect(result.stderr).not.toContain("cannot run");
    expect(result.code).toBe(0);
  });

  it("rejects a missing space", async () => {
    cluster = await startFakeCluster();
    const result = await install("secops");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('the Kibana space "secops" does not exist');
    expect(cluster.es.changes()).toEqual([]);
    expect(cluster.kibana.changes()).toEqual([]);
  });

  it("rejects the ML job on a Basic licence", async () => {
    cluster = await startFakeCluster({
      es: { license: "basic" },
      kibana: { spaces: ["secops"] },
    });
    const result = await install("secops", "--with-ml-job");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("licence is basic (active)");
    expect(cluster.es.changes()).toEqual([]);
  });

  it("installs without the ML job on a Basic licence", async () => {
    cluster = await startFakeCluster({
      es: { license: "basic" },
      kibana: { spaces: ["secops"] },
    });
    const result = await install("secops");
    expect(result.code).toBe(0);
  });

  it("lists every problem at once", async () => {
    cluster = await startFakeCluster({
      es: {
        version: "7.16.0",
        license: "basic",
        missingPrivileges: ["manage_transform", "logs-*:read"],
      },
      kibana: { version: "8.6.0" },
    });
    const result = await install("secops", "--with-ml-job");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing was changed");
    expect(result.stderr).toContain(
      "1. Elasticsearch 7.16.0 cannot run the stored-scripts",
    );
    expect(result.stderr).toContain("7.16.0 cannot run the ml-job");
    expect(result.stderr).toContain("Kibana 8.6.0 cannot run the dashboards");
    expect(result.stderr).toContain('the Kibana space "secops" does not exist');
    expect(result.stderr).toContain("--with-ml-job needs");
    expect(result.stderr).toContain("cluster privilege manage_transform");
    expect(result.stderr).toContain("index privileges read on logs-*");
    expect(cluster.es.changes()).toEqual([]);
  });

  it("lists every problem in --json", async () => {
    cluster = await startFakeCluster({
      es: { version: "7.16.0" },
      kibana: { version: "8.6.0" },
    });
    const result = await install("secops", "--json");
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout) as {
      error: { problems: { severity: string; message: string }[] };
    };
    const messages = error.problems.map((problem) => problem.message);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages[0]).toMatch(/^Elasticsearch 7\.16\.0 cannot run/);
    expect(messages).toContain(
      'the Kibana space "secops" does not exist; create it (Stack Management > Spaces) or pass the id of an existing space to --space',
    );
    expect(messages.every((message) => !/\n {2}\d+\. /.test(message))).toBe(
      true,
    );
    expect(error.problems[0]?.severity).toBe("error");
  });

  it("rejects a Serverless project", async () => {
    cluster = await startFakeCluster({ es: { buildFlavor: "serverless" } });
    const result = await install("default");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Serverless");
  });

  it("warns when security is disabled", async () => {
    cluster = await startFakeCluster({ es: { securityDisabled: true } });
    const result = await install("default");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("privileges not checked");
  });

  it("rejects an invalid space id before connecting", async () => {
    cluster = await startFakeCluster();
    const result = await install("SecOps");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("invalid space id");
    expect(cluster.es.requests).toEqual([]);
  });
});
