// Checks of a set of Kibana saved objects that the schemas cannot express:
// references inside JSON-in-JSON strings, dependency order, migration
// versions and the fields of Lens columns. Each returns every problem found.
import semver from "semver";
import type {
  KibanaDashboardPanel,
  LensColumn,
} from "../scripts/schema/generated/kibana-dashboard-panel.ts";
import type { SavedObject } from "../artifacts-src/kibana/index.ts";

const RECORDS_FIELD = "___records___";

interface SearchSource {
  indexRefName?: string;
  filter?: { meta?: { indexRefName?: string } }[];
}

export function dashboardPanels(object: SavedObject): KibanaDashboardPanel[] {
  if (object.type !== "dashboard") {
    return [];
  }
  return JSON.parse(object.attributes.panelsJSON) as KibanaDashboardPanel[];
}

function searchSourceRefNames(searchSourceJSON: string): string[] {
  const source = JSON.parse(searchSourceJSON) as SearchSource;
  const names = (source.filter ?? []).map(
    (filter) => filter.meta?.indexRefName,
  );
  return [source.indexRefName, ...names].filter(
    (name): name is string => name !== undefined,
  );
}

/** Reference names (with their expected type) a panel needs on its dashboard. */
function panelRefNames(
  panel: KibanaDashboardPanel,
): [string, string | undefined][] {
  const prefix = `${panel.panelIndex}:`;
  const names: [string, string | undefined][] = [];
  if (panel.panelRefName !== undefined) {
    names.push([prefix + panel.panelRefName, panel.type]);
  }
  const attributes = panel.embeddableConfig.attributes;
  for (const layerId of Object.keys(
    attributes?.state.datasourceStates.formBased.layers ?? {},
  )) {
    names.push([
      `${prefix}indexpattern-datasource-layer-${layerId}`,
      "index-pattern",
    ]);
  }
  for (const event of panel.embeddableConfig.enhancements.dynamicActions
    ?.events ?? []) {
    const name = `drilldown:${event.action.factoryId}:${event.eventId}:dashboardId`;
    names.push([prefix + name, "dashboard"]);
  }
  return names;
}

/** Reference names an object's JSON-in-JSON strings point to. */
export function requiredRefNames(
  object: SavedObject,
): [string, string | undefined][] {
  if (object.type === "index-pattern") {
    return [];
  }
  const meta = object.attributes.kibanaSavedObjectMeta.searchSourceJSON;
  const fromSource = searchSourceRefNames(meta).map(
    (name): [string, string | undefined] => [name, undefined],
  );
  return [...fromSource, ...dashboardPanels(object).flatMap(panelRefNames)];
}

function innerLensProblems(object: SavedObject, known: Set<string>): string[] {
  const problems: string[] = [];
  for (const panel of dashboardPanels(object)) {
    for (const reference of panel.embeddableConfig.attributes?.references ??
      []) {
      if (!known.has(`${reference.type}:${reference.id}`)) {
        problems.push(
          `${object.id}: panel ${panel.panelIndex} reference ${reference.name} points to missing ${reference.type} ${reference.id}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Returns the references that do not resolve to an earlier object of the
 * list, that no JSON-in-JSON string names, or that a string names but the
 * object does not carry.
 */
export function referenceProblems(objects: SavedObject[]): string[] {
  const problems: string[] = [];
  const earlier = new Set<string>();
  const all = new Set(objects.map((object) => `${object.type}:${object.id}`));
  for (const object of objects) {
    const required = new Map(requiredRefNames(object));
    for (const reference of object.references) {
      const key = `${reference.type}:${reference.id}`;
      if (!all.has(key)) {
        problems.push(
          `${object.id}: reference ${reference.name} points to missing ${key}`,
        );
      } else if (!earlier.has(key)) {
        problems.push(
          `${object.id}: reference ${reference.name} points to ${key}, which comes later`,
        );
      }
      if (!required.has(reference.name)) {
        problems.push(`${object.id}: reference ${reference.name} is not used`);
      }
    }
    for (const [name, type] of required) {
      const reference = object.references.find(
        (candidate) => candidate.name === name,
      );
      if (reference === undefined) {
        problems.push(`${object.id}: reference ${name} is missing`);
      } else if (type !== undefined && reference.type !== type) {
        problems.push(
          `${object.id}: reference ${name} has type ${reference.type}, expected ${type}`,
        );
      }
    }
    problems.push(...innerLensProblems(object, all));
    earlier.add(`${object.type}:${object.id}`);
  }
  return problems;
}

/** Returns every migration or panel version newer than `maximum`. */
export function versionProblems(
  objects: SavedObject[],
  maximum: string,
): string[] {
  const problems: string[] = [];
  const check = (where: string, version: string) => {
    if (!semver.valid(version) || semver.gt(version, maximum)) {
      problems.push(
        `${where}: version ${version} is newer than ${maximum} or invalid`,
      );
    }
  };
  for (const object of objects) {
    check(`${object.id} coreMigrationVersion`, object.coreMigrationVersion);
    check(`${object.id} typeMigrationVersion`, object.typeMigrationVersion);
    for (const panel of dashboardPanels(object)) {
      check(`${object.id} panel ${panel.panelIndex}`, panel.version);
    }
  }
  return problems;
}

/**
 * Returns the problems of one Lens column, where `ids` are the layer's column ids.
 * A unique count is a number whatever the field, so only the other
 * operations must have the data type of their field.
 */
function columnProblems(
  at: string,
  column: LensColumn,
  ids: string[],
  fieldDataTypes: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const field = column.sourceField;
  const counts = field === RECORDS_FIELD && column.operationType === "count";
  if (field !== undefined && !counts) {
    const expected = fieldDataTypes[field];
    if (expected === undefined) {
      problems.push(`${at}: field ${field} is not in the results index`);
    } else if (
      column.operationType !== "unique_count" &&
      expected !== column.dataType
    ) {
      problems.push(
        `${at}: data type ${column.dataType}, field ${field} is ${expected}`,
      );
    }
  }
  const sortField = column.params?.["sortField"];
  if (
    typeof sortField === "string" &&
    fieldDataTypes[sortField] === undefined
  ) {
    problems.push(`${at}: sort field ${sortField} is not in the results index`);
  }
  const orderBy = column.params?.["orderBy"] as
    { columnId?: string } | undefined;
  if (orderBy?.columnId !== undefined && !ids.includes(orderBy.columnId)) {
    problems.push(`${at}: orders by missing column ${orderBy.columnId}`);
  }
  return problems;
}

function panelLensProblems(
  where: string,
  panel: KibanaDashboardPanel,
  fieldDataTypes: Record<string, string>,
): string[] {
  const state = panel.embeddableConfig.attributes?.state;
  const layers = Object.entries(state?.datasourceStates.formBased.layers ?? {});
  return layers.flatMap(([layerId, layer]) => {
    const ids = Object.keys(layer.columns);
    const problems = Object.entries(layer.columns).flatMap(
      ([columnId, column]) =>
        columnProblems(
          `${where} column ${columnId}`,
          column,
          ids,
          fieldDataTypes,
        ),
    );
    if (
      JSON.stringify([...layer.columnOrder].sort()) !==
      JSON.stringify([...ids].sort())
    ) {
      problems.push(
        `${where}: layer ${layerId} columnOrder differs from its columns`,
      );
    }
    for (const accessor of visualizationAccessors(state?.visualization ?? {})) {
      if (!ids.includes(accessor)) {
        problems.push(
          `${where}: visualization names missing column ${accessor}`,
        );
      }
    }
    return problems;
  });
}

/**
 * Returns the Lens columns whose field is missing from `fieldDataTypes` or
 * whose data type differs from the field's, and the column ids that a
 * layer or its visualization names but does not define.
 */
export function lensFieldProblems(
  objects: SavedObject[],
  fieldDataTypes: Record<string, string>,
): string[] {
  return objects.flatMap((object) =>
    dashboardPanels(object).flatMap((panel) =>
      panelLensProblems(
        `${object.id} panel ${panel.panelIndex}`,
        panel,
        fieldDataTypes,
      ),
    ),
  );
}

interface VisualizationState {
  layers?: {
    xAccessor?: string;
    splitAccessor?: string;
    accessors?: string[];
  }[];
  columns?: { columnId: string }[];
}

function visualizationAccessors(
  visualization: Record<string, unknown>,
): string[] {
  const state = visualization as VisualizationState;
  const fromLayers = (state.layers ?? []).flatMap((layer) => [
    layer.xAccessor,
    layer.splitAccessor,
    ...(layer.accessors ?? []),
  ]);
  const fromColumns = (state.columns ?? []).map((column) => column.columnId);
  return [...fromLayers, ...fromColumns].filter(
    (accessor): accessor is string => accessor !== undefined,
  );
}
