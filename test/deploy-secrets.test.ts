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
  expect(text).not.toContain(encodeURIComponent(secret));
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
    expect(result.stderr).toContain("authentication failed (401)");
    expect(result.stderr).toContain("security_exception");
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

  it.each(["secops", "transform", "127.0.0.1", "p"])(
    "keeps words that contain the password %s",
    async (password) => {
      const authorization = basic("elastic", password);
      cluster = await startFakeCluster({
        es: { authorization },
        kibana: { authorization, spaces: ["secops"] },
      });
      const flags = [...cluster.flags, "--space", "secops"];
      const credentials = ["--username", "elastic", "--password", password];
      expect((await runCli(["install", ...flags, ...credentials])).code).toBe(
        0,
      );
      const result = await runCli([
        "--debug",
        "status",
        ...flags,
        ...credentials,
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('ML-Beaconing in the space "secops"');
      expect(result.stdout).toContain(
        "ml_beaconing_pivot_transform_secops: started",
      );
      expect(result.stdout).toContain("results index ml_beaconing_secops");
      expect(result.stderr).toContain(`Elasticsearch ${cluster.es.url}`);
      expect(result.stderr).not.toContain("REDACTED");
      expectNoSecret(result, `elastic:${password}`);
    },
  );

  it("redacts an encoded password of a failed connection", async () => {
    const password = "p@ss w0rd/x";
    const result = await runCli([
      "--debug",
      "status",
      "--es-url",
      `http://elastic:${encodeURIComponent(password)}@127.0.0.1:1`,
      "--kibana-url",
      "http://127.0.0.1:1",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("127.0.0.1:1");
    expectNoSecret(result, password);
    expectNoSecret(result, `elastic:${password}`);
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
