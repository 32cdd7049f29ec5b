import { describe, expect, it } from "vitest";
import { renderSpace } from "../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { renderTemplates } from "../artifacts-src/index.ts";
import {
  containsBody,
  containsIndexTemplate,
} from "../scripts/deploy/compare.ts";
import {
  decodeCloudId,
  resolveConnection,
} from "../scripts/deploy/connection.ts";
import {
  checkClusterFacts,
  type ClusterFacts,
} from "../scripts/deploy/preflight.ts";
import { createRedactor } from "../scripts/deploy/redact.ts";

describe("decodeCloudId", () => {
  it("derives both URLs", () => {
    const encoded = Buffer.from(
      "eu-west-1.aws.found.io:9243$abc123$def456",
    ).toString("base64");
    expect(decodeCloudId(`prod:${encoded}`)).toEqual({
      esUrl: "https://abc123.eu-west-1.aws.found.io:9243",
      kibanaUrl: "https://def456.eu-west-1.aws.found.io:9243",
    });
  });

  it("rejects a malformed id", () => {
    expect(decodeCloudId("prod:bm90LWEtY2xvdWQtaWQ=")).toBeUndefined();
  });
});

describe("resolveConnection", () => {
  const env = {
    ELASTICSEARCH_URL: "http://env:9200",
    KIBANA_URL: "http://kb:5601",
  };

  it("prefers flags over the environment", () => {
    const connection = resolveConnection({ esUrl: "http://flag:9200" }, env);
    expect(connection.esUrl).toBe("http://flag:9200");
    expect(connection.kibanaUrl).toBe("http://kb:5601");
  });

  it("encodes an id:key API key", () => {
    const connection = resolveConnection({ apiKey: "id:key" }, env);
    expect(connection.credentials).toEqual({
      apiKey: Buffer.from("id:key").toString("base64"),
    });
  });

  it("rejects an API key with a user", () => {
    expect(() =>
      resolveConnection(
        { apiKey: "key-value", username: "elastic", password: "pass-value" },
        env,
      ),
    ).toThrow(/either --api-key/);
  });

  it("rejects a missing CA file", () => {
    expect(() =>
      resolveConnection({ caCert: "/nonexistent/ca.pem" }, env),
    ).toThrow(/cannot read --ca-cert/);
  });
});

describe("createRedactor", () => {
  it("removes plain and Base64 forms", () => {
    const redact = createRedactor(["s3cret", "elastic:s3cret"]);
    const header = Buffer.from("elastic:s3cret").toString("base64");
    expect(redact(`pw s3cret hdr Basic ${header}`)).toBe(
      "pw [REDACTED] hdr Basic [REDACTED]",
    );
  });

  it("keeps identifiers that contain a secret", () => {
    const redact = createRedactor(["secops", "p", "transform"]);
    const text =
      "transform ml_beaconing_pivot_transform_secops: started (secops.json, ml-secops, process p2p)";
    expect(redact(text)).toBe(
      "[REDACTED] ml_beaconing_pivot_transform_secops: started (secops.json, ml-secops, process p2p)",
    );
  });

  it("removes a secret that is a whole token", () => {
    const redact = createRedactor(["secops"]);
    expect(redact("got secops, then secops.")).toBe(
      "got [REDACTED], then [REDACTED].",
    );
  });

  it("keeps a secret that is part of an open value", () => {
    const redact = createRedactor(
      ["127.0.0.1", "elastic:127.0.0.1"],
      ["http://127.0.0.1:9200"],
    );
    const header = Buffer.from("elastic:127.0.0.1").toString("base64");
    expect(redact("connect ECONNREFUSED 127.0.0.1:9200")).toBe(
      "connect ECONNREFUSED 127.0.0.1:9200",
    );
    expect(redact(`token ${header}`)).toBe("token [REDACTED]");
  });

  it("removes the password of URL userinfo", () => {
    expect(createRedactor([])("GET http://elastic:x%40y@host:9200/")).toBe(
      "GET http://elastic:[REDACTED]@host:9200/",
    );
  });

  it("removes password fields of a dump", () => {
    expect(createRedactor([])("auth: { password: 'abc', api_key: 'k' }")).toBe(
      "auth: { password: '[REDACTED]', api_key: '[REDACTED]' }",
    );
  });

  it("removes any Authorization header value", () => {
    expect(createRedactor([])('"authorization": "ApiKey abc=="')).toBe(
      '"authorization": "[REDACTED]"',
    );
  });
});

describe("containsBody", () => {
  it("ignores fields the cluster adds", () => {
    expect(containsBody({ a: 1, version: "8.15.0" }, { a: 1 })).toBe(true);
  });

  it("detects a changed array", () => {
    expect(containsBody({ a: [1, 2] }, { a: [1] })).toBe(false);
  });

  it("compares index-template settings in either form", () => {
    const installed = {
      template: { settings: { index: { number_of_shards: "1" } } },
    };
    expect(
      containsIndexTemplate(installed, {
        template: { settings: { "index.number_of_shards": 1 } },
      }),
    ).toBe(true);
    expect(
      containsIndexTemplate(installed, {
        template: { settings: { "index.number_of_shards": 2 } },
      }),
    ).toBe(false);
  });
});

describe("checkClusterFacts", () => {
  const facts: ClusterFacts = {
    esVersion: "8.15.0",
    kibanaVersion: "8.15.0",
    spaceExists: true,
    license: { type: "basic", status: "active" },
  };
  const requirements = {
    space: "s",
    files: renderSpace(renderTemplates({ toolchainVersion: "0.1.0" }), "s"),
    withMlJob: false,
    sourceIndices: ["logs-*"],
    destIndex: "ml_beaconing_s",
  };

  it("accepts a supported cluster", () => {
    expect(checkClusterFacts(facts, requirements)).toEqual([]);
  });

  it("accepts 9.0.0-SNAPSHOT as 9.0.0", () => {
    expect(
      checkClusterFacts(
        { ...facts, esVersion: "9.0.0-SNAPSHOT" },
        requirements,
      ),
    ).toEqual([]);
  });

  it("rejects an expired Platinum licence for the ML job", () => {
    const expired = {
      ...facts,
      license: { type: "platinum", status: "expired" },
    };
    expect(
      checkClusterFacts(expired, { ...requirements, withMlJob: true })[0],
    ).toMatch(/platinum \(expired\)/);
  });
});
