import { afterEach, describe, expect, it } from "vitest";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";
import { startFakeServer, type FakeServer } from "./fakes/http-fake.ts";

let cluster: FakeCluster;
let other: FakeServer | undefined;
afterEach(async () => {
  await cluster?.close();
  await other?.close();
  other = undefined;
});

const COMMANDS = ["install", "status", "uninstall"];
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

// A web server that is neither Elasticsearch nor Kibana: 200 on GET /.
async function startWebServer(): Promise<FakeServer> {
  return startFakeServer(
    () => [
      { method: "GET", pattern: /^\/$/, handler: () => ({ status: 200 }) },
    ],
    {},
    () => ({ status: 404 }),
  );
}

describe("deploy server identification", () => {
  it.each(COMMANDS)("%s rejects Kibana as --es-url", async (command) => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const kibana = cluster.kibana.url;
    const result = await runCli([
      command,
      "--space",
      "secops",
      "--es-url",
      kibana,
      "--kibana-url",
      kibana,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: ${kibana} did not answer as Elasticsearch (GET / returned 404 without the x-elastic-product header); check --es-url / ELASTICSEARCH_URL`,
    );
    expect(result.stderr).not.toContain("internal error");
    expect(result.stdout).not.toContain("not installed");
    expect(cluster.kibana.changes()).toEqual([]);
  });

  it("rejects a web server as --es-url", async () => {
    cluster = await startFakeCluster();
    other = await startWebServer();
    const result = await runCli([
      "status",
      "--es-url",
      other.url,
      "--kibana-url",
      cluster.kibana.url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${other.url} did not answer as Elasticsearch (GET / returned 200 without the x-elastic-product header)`,
    );
  });

  it.each(COMMANDS)("%s rejects Elasticsearch as --kibana-url", async (c) => {
    cluster = await startFakeCluster();
    const es = cluster.es.url;
    const result = await runCli([c, "--es-url", es, "--kibana-url", es]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: ${es} did not answer as Kibana (GET /api/status returned 400 from Elasticsearch); check --kibana-url / KIBANA_URL`,
    );
    expect(result.stdout).not.toContain("missing saved object");
    expect(cluster.es.changes()).toEqual([]);
  });
});

describe("deploy authentication", () => {
  it("names the credential options on a 401 of Elasticsearch", async () => {
    cluster = await startFakeCluster({
      es: { authorization: basic("elastic", "right") },
    });
    const result = await runCli(
      ["install", ...cluster.flags, "--username", "elastic"],
      { ELASTIC_PASSWORD: "wrong" },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: Elasticsearch GET /: authentication failed (401): check --api-key / ELASTIC_API_KEY or --username/--password",
    );
    expect(result.stderr).toContain(
      "security_exception: unable to authenticate user",
    );
  });

  it("names the credential options on a 401 of Kibana", async () => {
    cluster = await startFakeCluster({
      kibana: { authorization: basic("elastic", "right") },
    });
    const result = await runCli(["status", ...cluster.flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: Kibana GET /api/status: authentication failed (401): check --api-key / ELASTIC_API_KEY or --username/--password",
    );
  });
});
