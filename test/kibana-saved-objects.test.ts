import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import {
  type SavedObject,
  savedObjects,
  savedObjectsNdjson,
} from "../artifacts-src/kibana/index.ts";
import { TYPE_MIGRATION_VERSIONS } from "../artifacts-src/kibana/migration-versions.ts";
import {
  SIGNAL_QUERY,
  lensDataType,
} from "../artifacts-src/kibana/results-fields.ts";
import { OUTPUT_FIELDS } from "../artifacts-src/output-fields.ts";
import { MINIMUM_STACK_VERSION } from "../artifacts-src/stack.ts";
import {
  dashboardPanels,
  lensFieldProblems,
  referenceProblems,
  versionProblems,
} from "./kibana-saved-objects-checks.ts";

const SCHEMA_FILES = {
  "index-pattern": "kibana-index-pattern",
  search: "kibana-search",
  dashboard: "kibana-dashboard",
  panel: "kibana-dashboard-panel",
} as const;

function compileSchemas(): Record<keyof typeof SCHEMA_FILES, ValidateFunction> {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajvFormats.default(ajv);
  const compile = (name: string) => {
    const url = new URL(`../schemas/${name}.schema.json`, import.meta.url);
    return ajv.compile(JSON.parse(readFileSync(url, "utf8")) as object);
  };
  return {
    "index-pattern": compile(SCHEMA_FILES["index-pattern"]),
    search: compile(SCHEMA_FILES.search),
    dashboard: compile(SCHEMA_FILES.dashboard),
    panel: compile(SCHEMA_FILES.panel),
  };
}

const validators = compileSchemas();

function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  validate(value);
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath} ${error.message}`,
  );
}

/** Returns a deep copy, so that a test can break one object alone. */
function copyObjects(): SavedObject[] {
  return structuredClone(savedObjects());
}

function findByTitle(objects: SavedObject[], title: string): SavedObject {
  const found = objects.find((object) => object.attributes.title === title);
  if (found === undefined) {
    throw new Error(`no saved object titled ${title}`);
  }
  return found;
}

const FIELD_DATA_TYPES = Object.fromEntries(
  Object.keys(OUTPUT_FIELDS).map((field) => [field, lensDataType(field)]),
);

describe("Kibana saved objects schemas", () => {
  it("accept every object", () => {
    for (const object of savedObjects()) {
      expect(schemaErrors(validators[object.type], object), object.id).toEqual(
        [],
      );
    }
  });

  it("accept every dashboard panel", () => {
    for (const object of savedObjects()) {
      for (const panel of dashboardPanels(object)) {
        expect(schemaErrors(validators.panel, panel), panel.panelIndex).toEqual(
          [],
        );
      }
    }
  });

  it("reject an unknown top-level key", () => {
    for (const object of copyObjects()) {
      const broken = { ...object, migrationVersion: {} };
      expect(
        schemaErrors(validators[object.type], broken),
        object.id,
      ).toContain(" must NOT have additional properties");
    }
  });

  it("reject an unknown search attribute", () => {
    const search = copyObjects().find((object) => object.type === "search");
    const broken = structuredClone(search) as {
      attributes: Record<string, unknown>;
    };
    broken.attributes["sampleSize"] = 500;
    expect(schemaErrors(validators.search, broken)).toContain(
      "/attributes must NOT have additional properties",
    );
  });

  it("reject a dashboard that restores no time range", () => {
    const objects = copyObjects();
    const hosts = findByTitle(
      objects,
      "Hosts Affected Over Time By Process Name",
    );
    const broken = structuredClone(hosts) as {
      attributes: Record<string, unknown>;
    };
    delete broken.attributes["timeFrom"];
    expect(schemaErrors(validators.dashboard, broken)).toContain(
      "/attributes must have required property 'timeFrom'",
    );
  });
});

describe("Kibana saved objects references", () => {
  it("resolve to earlier objects of the set", () => {
    expect(referenceProblems(savedObjects())).toEqual([]);
  });

  it("resolve after rendering for a space", () => {
    for (const space of ["default", "soc-team"]) {
      const ndjson = renderTemplate(savedObjectsNdjson(), space);
      const objects = ndjson
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as SavedObject);
      expect(referenceProblems(objects), space).toEqual([]);
      expect(ndjson, space).not.toContain("{{");
    }
  });

  it("report a reference missing from a dashboard", () => {
    const objects = copyObjects();
    const dashboard = findByTitle(objects, "Network Beaconing");
    const removed = dashboard.references.pop();
    expect(removed).toBeDefined();
    expect(referenceProblems(objects)).toEqual([
      `${dashboard.id}: reference ${removed?.name} is missing`,
    ]);
  });

  it("report a drilldown to a missing dashboard", () => {
    const objects = copyObjects();
    const dashboard = findByTitle(objects, "Network Beaconing");
    const drilldown = dashboard.references.find((reference) =>
      reference.name.includes(":drilldown:DASHBOARD_TO_DASHBOARD_DRILLDOWN:"),
    );
    expect(drilldown).toBeDefined();
    if (drilldown !== undefined) {
      drilldown.id = "no-such-dashboard";
    }
    expect(referenceProblems(objects)).toEqual([
      `${dashboard.id}: reference ${drilldown?.name} points to missing dashboard:no-such-dashboard`,
    ]);
  });

  it("report a data view missing behind a search", () => {
    const objects = copyObjects().filter(
      (object) => object.attributes.title !== "logs-*",
    );
    const problems = referenceProblems(objects);
    expect(
      problems.some((problem) => problem.includes("searchSourceJSON.index")),
    ).toBe(true);
  });

  it("report an object placed before its reference", () => {
    const objects = copyObjects().reverse();
    expect(referenceProblems(objects).join("\n")).toContain(
      "which comes later",
    );
  });
});

describe("Kibana saved objects migration versions", () => {
  it("are not newer than the minimum stack version", () => {
    expect(versionProblems(savedObjects(), MINIMUM_STACK_VERSION)).toEqual([]);
  });

  it("match the version table of each type", () => {
    for (const object of savedObjects()) {
      expect(object.typeMigrationVersion, object.id).toBe(
        TYPE_MIGRATION_VERSIONS[object.type],
      );
      expect(object.coreMigrationVersion, object.id).toBe("8.8.0");
    }
  });

  it("report a version newer than the minimum", () => {
    const objects = copyObjects();
    const first = objects[0];
    if (first !== undefined) {
      first.typeMigrationVersion = "8.9.0";
    }
    expect(versionProblems(objects, MINIMUM_STACK_VERSION)).toEqual([
      `${first?.id} typeMigrationVersion: version 8.9.0 is newer than 8.8.0 or invalid`,
    ]);
  });
});

describe("Kibana Lens panels", () => {
  it("read fields of the results index", () => {
    expect(lensFieldProblems(savedObjects(), FIELD_DATA_TYPES)).toEqual([]);
  });

  it("report a field missing from the results index", () => {
    const objects = copyObjects();
    const dashboard = findByTitle(objects, "Beaconing Drilldown");
    if (dashboard.type !== "dashboard") {
      throw new Error("Beaconing Drilldown is not a dashboard");
    }
    const text = dashboard.attributes.panelsJSON;
    dashboard.attributes.panelsJSON = text.replace(
      '"sourceField":"beacon_stats.periodic"',
      '"sourceField":"beacon_stats.is_periodic"',
    );
    expect(dashboard.attributes.panelsJSON).not.toBe(text);
    const problems = lensFieldProblems(objects, FIELD_DATA_TYPES);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      "field beacon_stats.is_periodic is not in the results index",
    );
  });

  it("chart beaconing signals only", () => {
    for (const object of savedObjects()) {
      for (const panel of dashboardPanels(object)) {
        const attributes = panel.embeddableConfig.attributes;
        if (attributes !== undefined) {
          expect(attributes.state.query.query, panel.panelIndex).toBe(
            SIGNAL_QUERY,
          );
        }
      }
    }
    expect(SIGNAL_QUERY).toBe("beacon_stats.is_beaconing: true");
  });
});

describe("Kibana dashboards", () => {
  it("have the exact titles", () => {
    const titles = savedObjects()
      .filter((object) => object.type === "dashboard")
      .map((object) => object.attributes.title);
    expect(titles.sort()).toEqual([
      "Beaconing Drilldown",
      "Hosts Affected Over Time By Process Name",
      "Network Beaconing",
    ]);
  });

  it("restore two weeks on Hosts Affected Over Time", () => {
    const hosts = findByTitle(
      savedObjects(),
      "Hosts Affected Over Time By Process Name",
    );
    expect(hosts.type).toBe("dashboard");
    if (hosts.type === "dashboard") {
      expect(hosts.attributes.timeRestore).toBe(true);
      expect(hosts.attributes.timeFrom).toBe("now-14d");
      expect(hosts.attributes.timeTo).toBe("now");
    }
  });

  it("drill down from every Network Beaconing panel", () => {
    const objects = savedObjects();
    const overview = findByTitle(objects, "Network Beaconing");
    const target = findByTitle(objects, "Beaconing Drilldown");
    const panels = dashboardPanels(overview);
    expect(panels).toHaveLength(4);
    for (const panel of panels) {
      const events =
        panel.embeddableConfig.enhancements.dynamicActions?.events ?? [];
      expect(events, panel.panelIndex).toHaveLength(1);
      const name = `${panel.panelIndex}:drilldown:DASHBOARD_TO_DASHBOARD_DRILLDOWN:${events[0]?.eventId}:dashboardId`;
      const reference = overview.references.find(
        (candidate) => candidate.name === name,
      );
      expect(reference?.id, panel.panelIndex).toBe(target.id);
    }
  });

  it("show the raw events search on Beaconing Drilldown", () => {
    const objects = savedObjects();
    const drilldown = findByTitle(objects, "Beaconing Drilldown");
    const search = objects.find((object) => object.type === "search");
    const searchPanel = dashboardPanels(drilldown).find(
      (panel) => panel.type === "search",
    );
    expect(searchPanel).toBeDefined();
    const name = `${searchPanel?.panelIndex}:${searchPanel?.panelRefName}`;
    const reference = drilldown.references.find(
      (candidate) => candidate.name === name,
    );
    expect(reference?.id).toBe(search?.id);
  });
});

describe("Kibana data views and ids", () => {
  it("give the results data view its index name as id and title", () => {
    const results = savedObjects()[0];
    expect(results?.id).toBe("{{results_data_view_id}}");
    expect(results?.attributes.title).toBe("{{dest_index}}");
    const rendered = JSON.parse(
      renderTemplate(JSON.stringify(results), "soc-team"),
    );
    expect(rendered.id).toBe("ml_beaconing_soc-team");
    expect(rendered.attributes.title).toBe("ml_beaconing_soc-team");
  });

  it("give the logs-* data view an id of its own", () => {
    const logs = findByTitle(savedObjects(), "logs-*");
    expect(logs.type).toBe("index-pattern");
    expect(logs.id).toBe("{{saved_object_id:logs-data-view}}");
  });

  it("use distinct ids that differ per space", () => {
    const ids = savedObjects().map((object) => object.id);
    expect(new Set(ids).size).toBe(ids.length);
    const a = renderTemplate(JSON.stringify(ids), "default");
    const b = renderTemplate(JSON.stringify(ids), "soc-team");
    const pairs = (JSON.parse(a) as string[]).map((id, i) => [
      id,
      (JSON.parse(b) as string[])[i],
    ]);
    for (const [inDefault, inTeam] of pairs) {
      expect(inDefault).not.toBe(inTeam);
    }
  });
});

describe("Kibana saved objects NDJSON", () => {
  it("writes one compact object per LF-ended line", () => {
    const ndjson = savedObjectsNdjson();
    const lines = ndjson.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(savedObjects().length);
    expect(ndjson).not.toContain("\r");
    expect(ndjson.charCodeAt(0)).not.toBe(0xfeff);
    lines.forEach((line, i) => {
      expect(JSON.parse(line)).toEqual(savedObjects()[i]);
    });
  });
});
