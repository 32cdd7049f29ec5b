// Finds the version-gated features in Kibana saved objects: the migration
// versions each object claims, the Lens state shape (also inside
// JSON-in-JSON attributes such as panelsJSON) and the space-specific ids.
import semver from "semver";
import type { Found } from "./detect-elasticsearch.ts";
import { escapePointer, isObject } from "./walk.ts";

// A UUID (space folders) or the template placeholder that becomes one.
const SPACE_SPECIFIC_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\{\{saved_object_id:[a-z0-9_-]+\}\})$/;

export function savedObjectFeatures(object: unknown): Found[] {
  if (!isObject(object)) return [];
  return [
    ...migrationFeatures(object),
    ...lensFeatures(object, ""),
    ...panelVersionFeatures(object),
    ...typeFeatures(object),
  ];
}

// Each dashboard panel records the Kibana version that wrote its state,
// and embeddable migrations read the panel as written by that version.
function panelVersionFeatures(object: Record<string, unknown>): Found[] {
  const attributes = object.attributes;
  if (!isObject(attributes)) return [];
  const panels = embedded("panelsJSON", attributes.panelsJSON);
  if (!Array.isArray(panels)) return [];
  return panels.flatMap((panel, index) => {
    const version = isObject(panel) ? panel.version : undefined;
    if (typeof version !== "string" || !semver.valid(version)) return [];
    return [
      {
        feature: "saved_object.migration_version",
        pointer: `/attributes/panelsJSON/${index}/version`,
        requires: version,
      },
    ];
  });
}

function migrationFeatures(object: Record<string, unknown>): Found[] {
  const found: Found[] = [];
  const claim = (pointer: string, version: unknown) => {
    if (typeof version !== "string" || !semver.valid(version)) return;
    found.push({
      feature: "saved_object.migration_version",
      pointer,
      requires: version,
    });
  };
  if (object.coreMigrationVersion !== undefined) {
    found.push(
      field("saved_object.core_migration_version", "coreMigrationVersion"),
    );
    claim("/coreMigrationVersion", object.coreMigrationVersion);
  }
  if (object.typeMigrationVersion !== undefined) {
    found.push(
      field("saved_object.type_migration_version", "typeMigrationVersion"),
    );
    claim("/typeMigrationVersion", object.typeMigrationVersion);
  }
  if (isObject(object.migrationVersion)) {
    for (const [type, version] of Object.entries(object.migrationVersion)) {
      claim(`/migrationVersion/${escapePointer(type)}`, version);
    }
  }
  return found;
}

function field(feature: string, name: string): Found {
  return { feature, pointer: `/${name}` };
}

function typeFeatures(object: Record<string, unknown>): Found[] {
  const found: Found[] = [];
  if (object.type === "lens")
    found.push(field("saved_object.type.lens", "type"));
  if (typeof object.id === "string" && SPACE_SPECIFIC_ID.test(object.id)) {
    found.push(field("saved_object.ids_unique_across_spaces", "id"));
  }
  return found;
}

/** Finds `datasourceStates.formBased`, parsing attributes named *JSON. */
function lensFeatures(node: unknown, pointer: string): Found[] {
  if (Array.isArray(node)) {
    return node.flatMap((child, index) =>
      lensFeatures(child, `${pointer}/${index}`),
    );
  }
  if (!isObject(node)) return [];
  const found: Found[] = [];
  for (const [key, child] of Object.entries(node)) {
    const childPointer = `${pointer}/${escapePointer(key)}`;
    if (key === "datasourceStates" && isObject(child) && "formBased" in child) {
      found.push({
        feature: "saved_object.lens_form_based",
        pointer: `${childPointer}/formBased`,
      });
    }
    found.push(...lensFeatures(embedded(key, child), childPointer));
  }
  return found;
}

// Kibana stores some attributes as JSON text; their inner pointers continue
// the pointer of the string attribute.
function embedded(key: string, value: unknown): unknown {
  if (!key.endsWith("JSON") || typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
