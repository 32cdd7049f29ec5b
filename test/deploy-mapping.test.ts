import { afterEach, describe, expect, it } from "vitest";
import type { IndexTemplate } from "../scripts/schema/generated/index-template.ts";
import { writeBundleFolder } from "./fakes/bundle-folder.ts";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

const TRANSFORM = "ml_beaconing_pivot_transform_secops";
const INDEX = "ml_beaconing_secops";
const install = (...extra: string[]) =>
  runCli(["install", "--space", "secops", ...cluster.flags, ...extra]);

type Properties = Record<string, Record<string, unknown>>;

function propertiesOf(template: IndexTemplate): Properties {
  return template.template.mappings?.properties as Properties;
}

// A newer release: a new top-level field and a new field in an object.
function addFields(template: IndexTemplate): void {
  const properties = propertiesOf(template);
  properties.rule_version = { type: "keyword" };
  const host = properties.host?.properties as Properties;
  host.os = { type: "keyword" };
}

async function installed(): Promise<void> {
  cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
  expect((await install()).code).toBe(0);
}

const releaseWith = (change: (template: IndexTemplate) => void) =>
  writeBundleFolder("ML-Beaconing-20990101-1", "secops", () => {}, change);

describe("install mapping update", () => {
  it("adds new fields after the template", async () => {
    await installed();
    const bundle = await releaseWith(addFields);
    const before = cluster.timeline().length;
    const result = await install(bundle);
    expect(result.code).toBe(0);
    expect(cluster.timeline().slice(before)).toEqual([
      `POST /_transform/${TRANSFORM}/_stop?wait_for_completion=true&timeout=5m`,
      "PUT /_index_template/ml_beaconing_index_template",
      `PUT /${INDEX}/_mapping`,
      // The bundle's toolchain version differs, so the transform's _meta does.
      `POST /_transform/${TRANSFORM}/_update`,
      `POST /_transform/${TRANSFORM}/_start`,
    ]);
    const put = cluster.es
      .changedRequests()
      .find((request) => request.path === `/${INDEX}/_mapping`);
    expect(JSON.parse(put?.body ?? "")).toEqual({
      properties: {
        rule_version: { type: "keyword" },
        host: { properties: { os: { type: "keyword" } } },
      },
    });
    const mapping = cluster.es.state.mappings.get(INDEX) as {
      properties: Properties;
    };
    expect(mapping.properties.rule_version).toEqual({ type: "keyword" });
    expect(mapping.properties.host?.properties).toHaveProperty("os");
    expect(mapping.properties.host?.properties).toHaveProperty("name");
    expect(result.stdout).toContain(`done: update mapping of index ${INDEX}`);
  });

  it("changes nothing on a re-run", async () => {
    await installed();
    const bundle = await releaseWith(addFields);
    expect((await install(bundle)).code).toBe(0);
    const before = cluster.timeline().length;
    const second = await install(bundle);
    expect(second.code).toBe(0);
    expect(cluster.timeline().length).toBe(before);
    expect(second.stdout).toContain(`unchanged: mapping of index ${INDEX}`);
    expect(second.stdout).toContain("Nothing to change");
  });

  it("shows the update in a dry run", async () => {
    await installed();
    const bundle = await releaseWith(addFields);
    const before = cluster.timeline().length;
    const result = await install(bundle, "--dry-run");
    expect(result.code).toBe(0);
    expect(cluster.timeline().length).toBe(before);
    const lines = result.stdout.split("\n");
    const template = lines.indexOf(
      "  would update index template ml_beaconing_index_template",
    );
    expect(template).toBeGreaterThanOrEqual(0);
    expect(lines[template + 1]).toBe(
      `  would update mapping of index ${INDEX}`,
    );
    expect(result.stdout).toContain(`PUT /${INDEX}/_mapping`);
    expect(result.stdout).toContain('"rule_version"');
  });

  it("skips a results index that does not exist", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const bundle = await releaseWith(addFields);
    expect((await install(bundle)).code).toBe(0);
    const paths = cluster.timeline();
    expect(paths).not.toContain(`PUT /${INDEX}/_mapping`);
    const mapping = cluster.es.state.mappings.get(INDEX) as {
      properties: Properties;
    };
    expect(mapping.properties).toHaveProperty("rule_version");
  });
});

describe("install mapping conflict", () => {
  it("stops before any change", async () => {
    await installed();
    const bundle = await releaseWith((template) => {
      addFields(template);
      propertiesOf(template).destination_ips = { type: "ip" };
    });
    const before = cluster.timeline().length;
    const result = await install(bundle);
    expect(result.code).not.toBe(0);
    expect(cluster.timeline().length).toBe(before);
    expect(result.stderr).toContain("nothing was changed");
    expect(result.stderr).toContain(
      `the results index ${INDEX} maps the field destination_ips as keyword, but the release maps it as ip`,
    );
    expect(result.stderr).toContain(
      "`ml-beaconing uninstall --space secops --delete-data`",
    );
  });

  it("names the dotted path of a nested field", async () => {
    await installed();
    const bundle = await releaseWith((template) => {
      const source = propertiesOf(template).source?.properties as Properties;
      source.ip = { type: "keyword" };
    });
    const result = await install(bundle, "--dry-run");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "maps the field source.ip as ip, but the release maps it as keyword",
    );
  });
});

describe("fake Elasticsearch _mapping", () => {
  it("rejects a changed type with 400", async () => {
    await installed();
    const response = await fetch(`${cluster.es.url}/${INDEX}/_mapping`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        properties: {
          rule_version: { type: "keyword" },
          source: { properties: { ip: { type: "keyword" } } },
        },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { type: string; reason: string };
    };
    expect(body.error.type).toBe("illegal_argument_exception");
    expect(body.error.reason).toBe(
      "mapper [source.ip] cannot be changed from type [ip] to [keyword]",
    );
    const mapping = cluster.es.state.mappings.get(INDEX) as {
      properties: Properties;
    };
    expect(mapping.properties).not.toHaveProperty("rule_version");
  });

  it("returns 404 for a missing index", async () => {
    cluster = await startFakeCluster();
    const response = await fetch(`${cluster.es.url}/${INDEX}/_mapping`);
    expect(response.status).toBe(404);
  });
});
