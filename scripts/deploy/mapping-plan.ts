// Compares the mapping of a space's existing results index with the
// release's index template. A changed template applies only to indices
// created later, so fields that a newer release adds must be put into the
// existing index's mapping. Elasticsearch 8.x can add fields to a mapping
// but cannot change a field's type in place, so a changed type is a
// conflict that only a reindex resolves. Pure: no I/O.
import { isRecord } from "./compare.ts";
import type { PlannedStep } from "./install-plan.ts";

/** The `properties` of a mapping: field name to field mapping. */
export type MappingProperties = Record<string, unknown>;

export interface MappingConflict {
  /** Dotted field path, as Elasticsearch names it in errors. */
  field: string;
  installedType: string;
  releaseType: string;
}

export interface MappingComparison {
  /** Fields of the release that the index lacks, nested as in a mapping. */
  missing: MappingProperties;
  conflicts: MappingConflict[];
}

export function compareMappings(
  installed: MappingProperties,
  release: MappingProperties,
  prefix = "",
): MappingComparison {
  const result: MappingComparison = { missing: {}, conflicts: [] };
  for (const [name, wanted] of Object.entries(release)) {
    const field = `${prefix}${name}`;
    const current = installed[name];
    if (current === undefined) {
      result.missing[name] = wanted;
      continue;
    }
    const installedType = fieldType(current);
    const releaseType = fieldType(wanted);
    if (installedType !== releaseType) {
      result.conflicts.push({ field, installedType, releaseType });
      continue;
    }
    const inner = compareMappings(
      propertiesOf(current),
      propertiesOf(wanted),
      `${field}.`,
    );
    result.conflicts.push(...inner.conflicts);
    if (Object.keys(inner.missing).length > 0) {
      result.missing[name] = { properties: inner.missing };
    }
  }
  return result;
}

// GET _mapping omits `type` for an object field and gives its properties.
function fieldType(mapping: unknown): string {
  if (!isRecord(mapping)) return "unknown";
  if (typeof mapping.type === "string") return mapping.type;
  return "object";
}

function propertiesOf(mapping: unknown): MappingProperties {
  if (!isRecord(mapping) || !isRecord(mapping.properties)) return {};
  return mapping.properties;
}

/** Returns the `mappings.properties` of an index template body. */
export function templateProperties(template: unknown): MappingProperties {
  if (!isRecord(template) || !isRecord(template.template)) return {};
  const mappings = template.template.mappings;
  return isRecord(mappings) ? propertiesOf(mappings) : {};
}

export function mappingSubject(index: string): string {
  return `mapping of index ${index}`;
}

/**
 * Plans `PUT <index>/_mapping` with the fields the index lacks. Returns
 * undefined when nothing is missing. Conflicting fields are left out,
 * because the preflight check rejects them before this plan is applied.
 */
export function planMappingUpdate(
  index: string,
  installed: MappingProperties,
  release: MappingProperties,
): PlannedStep | undefined {
  const { missing } = compareMappings(installed, release);
  if (Object.keys(missing).length === 0) return undefined;
  return {
    service: "Elasticsearch",
    subject: mappingSubject(index),
    action: "update",
    request: {
      method: "PUT",
      path: `/${index}/_mapping`,
      body: { properties: missing },
    },
  };
}

/** Describes each field whose type differs, with the fix, for the preflight check. */
export function mappingConflictProblems(
  space: string,
  index: string,
  installed: MappingProperties,
  release: MappingProperties,
): string[] {
  return compareMappings(installed, release).conflicts.map(
    (conflict) =>
      `the results index ${index} maps the field ${conflict.field} as ${conflict.installedType}, but the release maps it as ${conflict.releaseType}, and Elasticsearch cannot change a field's type in place; reindex ${index} into an index with the release's mapping, or delete it with \`ml-beaconing uninstall --space ${space} --delete-data\` (its results are lost) and install again`,
  );
}
