import { afterEach, describe, expect, it } from "vitest";
import {
  runCli,
  startFakeCluster,
  type FakeCluster,
  type RunResult,
} from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
const PASSWORD = "pa55-w0rd-never-printed";
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

function expectNoSecret(result: RunResult, secret: string): void {
  const text = result.stdout + result.stderr;
  expect(text).not.toContain(secret);
  expect(text).not.toContain(Buffer.from(secret).toString("base64"));
}

describe("deploy secrets", () => {
  it("never prints the API key with --debug", async () => {
    const authorization = `ApiKey ${API_KEY}`;
    cluster = await startFakeCluster({
      es: { authorization },
      kibana: { authorization },
    });
    const result = await runCli([
      "--debug",
      "install",
      ...cluster.flags,
      "--api-key",
      API_KEY,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "debug: Elasticsearch PUT /_scripts/ml_beaconing_map_script -> 200",
    );
    expectNoSecret(result, API_KEY);
  });

  it("never prints the password in an error", async () => {
    cluster = await startFakeCluster({
      es: { authorization: basic("elastic", "other") },
    });
    const result = await runCli(["--debug", "install", ...cluster.flags], {
      ELASTIC_USERNAME: "elastic",
      ELASTIC_PASSWORD: PASSWORD,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("401 security_exception");
    expectNoSecret(result, PASSWORD);
    expectNoSecret(result, `elastic:${PASSWORD}`);
  });

  it("strips credentials from the Elasticsearch URL", async () => {
    cluster = await startFakeCluster({
      es: { authorization: basic("elastic", PASSWORD) },
    });
    const url = cluster.es.url.replace(
      "http://",
      `http://elastic:${PASSWORD}@`,
    );
    const result = await runCli([
      "--debug",
      "--json",
      "install",
      "--es-url",
      url,
      "--kibana-url",
      cluster.kibana.url,
      "--dry-run",
    ]);
    expect(result.code).toBe(0);
    expectNoSecret(result, PASSWORD);
  });

  it("redacts the password of a failed connection", async () => {
    const result = await runCli([
      "--debug",
      "install",
      "--es-url",
      `http://elastic:${PASSWORD}@127.0.0.1:1`,
      "--kibana-url",
      "http://127.0.0.1:1",
    ]);
    expect(result.code).toBe(1);
    expectNoSecret(result, PASSWORD);
  });
});

describe("deploy connection options", () => {
  it("lets flags win over the environment", async () => {
    cluster = await startFakeCluster();
    const result = await runCli(["install", ...cluster.flags, "--dry-run"], {
      ELASTICSEARCH_URL: "http://127.0.0.1:1",
    });
    expect(result.code).toBe(0);
  });

  it("reads the addresses from the environment", async () => {
    cluster = await startFakeCluster();
    const result = await runCli(["install", "--dry-run"], {
      ELASTICSEARCH_URL: cluster.es.url,
      KIBANA_URL: cluster.kibana.url,
    });
    expect(result.code).toBe(0);
  });

  it("lists every missing option", async () => {
    const result = await runCli(["install", "--username", "elastic"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing Elasticsearch address");
    expect(result.stderr).toContain("missing Kibana address");
    expect(result.stderr).toContain("missing --password");
  });
});
