import { describe, expect, it } from "vitest";
import { detectUsages } from "../scripts/compat/detect.ts";

const TRANSFORM = "default/ml_beaconing_pivot_transform.json";
const PIPELINE = "default/ml_beaconing_ingest_pipeline.json";
const DASHBOARDS = "default/ml_beaconing_dashboards.ndjson";

function found(files: Record<string, string>) {
  return detectUsages(files).map(({ feature, pointer, requires }) =>
    requires ? { feature, pointer, requires } : { feature, pointer },
  );
}

describe("feature detection in the transform", () => {
  const transform = {
    source: {
      index: ["logs-*"],
      query: {
        bool: { must_not: [{ terms: { _tier: ["data_frozen"] } }] },
      },
    },
    dest: { index: "x", aliases: [{ alias: "y" }] },
    settings: { unattended: true },
    pivot: {
      group_by: { h: { terms: { field: "host.name" } } },
      aggregations: {
        s: {
          scripted_metric: {
            init_script: { id: "init" },
            map_script: { source: "state.x = 1" },
          },
        },
      },
    },
  };
  const usages = found({ [TRANSFORM]: JSON.stringify(transform) });

  it("finds dest.aliases at its pointer", () => {
    expect(usages).toContainEqual({
      feature: "transform.dest.aliases",
      pointer: "/dest/aliases",
    });
  });

  it("finds settings and the _tier query", () => {
    expect(usages).toContainEqual({
      feature: "transform.settings.unattended",
      pointer: "/settings/unattended",
    });
    expect(usages).toContainEqual({
      feature: "query.tier_field",
      pointer: "/source/query/bool/must_not/0/terms/_tier",
    });
  });

  it("finds scripted_metric and only stored scripts", () => {
    const base = "/pivot/aggregations/s/scripted_metric";
    expect(usages).toContainEqual({
      feature: "transform.pivot.scripted_metric",
      pointer: base,
    });
    const stored = usages.filter(
      (usage) => usage.feature === "aggregation.scripted_metric.stored_script",
    );
    expect(stored).toEqual([
      {
        feature: "aggregation.scripted_metric.stored_script",
        pointer: `${base}/init_script/id`,
      },
    ]);
  });

  it("reports no option the body lacks", () => {
    const features = usages.map((usage) => usage.feature);
    expect(features).not.toContain("transform._meta");
    expect(features).not.toContain("transform.frequency");
  });
});

describe("feature detection in the pipeline", () => {
  it("finds fingerprint inside on_failure", () => {
    const pipeline = {
      processors: [
        { set: { field: "a", value: 1, on_failure: [{ fingerprint: {} }] } },
      ],
    };
    expect(found({ [PIPELINE]: JSON.stringify(pipeline) })).toEqual([
      {
        feature: "ingest.processor.fingerprint",
        pointer: "/processors/0/set/on_failure/0/fingerprint",
      },
    ]);
  });
});

describe("feature detection in saved objects", () => {
  const lens = {
    id: "5b1c4c3e-3f4a-5b6c-8d7e-9f0a1b2c3d4e",
    type: "lens",
    attributes: { state: { datasourceStates: { formBased: {} } } },
    typeMigrationVersion: "8.9.0",
  };
  const panels = [
    {
      version: "8.8.0",
      embeddableConfig: {
        attributes: { state: { datasourceStates: { formBased: {} } } },
      },
    },
  ];
  const dashboard = {
    id: "ml_beaconing_default",
    type: "dashboard",
    attributes: { panelsJSON: JSON.stringify(panels) },
    migrationVersion: { dashboard: "8.5.0" },
  };
  const text = `${JSON.stringify(lens)}\n${JSON.stringify(dashboard)}\n`;
  const usages = found({ [DASHBOARDS]: text });

  it("finds formBased Lens state by line and pointer", () => {
    expect(usages).toContainEqual({
      feature: "saved_object.lens_form_based",
      pointer: "line 1 /attributes/state/datasourceStates/formBased",
    });
  });

  it("finds formBased state inside panelsJSON", () => {
    expect(usages).toContainEqual({
      feature: "saved_object.lens_form_based",
      pointer:
        "line 2 /attributes/panelsJSON/0/embeddableConfig/attributes/state/datasourceStates/formBased",
    });
  });

  it("records each migration version as a requirement", () => {
    expect(usages).toContainEqual({
      feature: "saved_object.migration_version",
      pointer: "line 1 /typeMigrationVersion",
      requires: "8.9.0",
    });
    expect(usages).toContainEqual({
      feature: "saved_object.migration_version",
      pointer: "line 2 /migrationVersion/dashboard",
      requires: "8.5.0",
    });
  });

  it("records panel versions as requirements", () => {
    expect(usages).toContainEqual({
      feature: "saved_object.migration_version",
      pointer: "line 2 /attributes/panelsJSON/0/version",
      requires: "8.8.0",
    });
  });

  it("ignores the legacy indexpattern state", () => {
    const legacy = {
      ...lens,
      attributes: { state: { datasourceStates: { indexpattern: {} } } },
    };
    const features = found({ [DASHBOARDS]: JSON.stringify(legacy) }).map(
      (usage) => usage.feature,
    );
    expect(features).not.toContain("saved_object.lens_form_based");
  });

  it("skips a line that is not JSON", () => {
    expect(found({ [DASHBOARDS]: "{not json\n" })).toEqual([]);
  });
});
