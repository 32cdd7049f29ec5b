// The bundle's Kibana saved objects, read from its NDJSON file, and the
// checks on Kibana's answer to an import.

export interface SavedObjectRef {
  type: string;
  id: string;
}

export interface SavedObject extends SavedObjectRef {
  attributes: Record<string, unknown>;
  references: unknown[];
}

export function parseSavedObjects(ndjson: string): SavedObject[] {
  return (
    ndjson
      .split("\n")
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Partial<SavedObject>)
      // An export may end with a summary line that has no type or id.
      .filter((object): object is SavedObject =>
        Boolean(object.type && object.id),
      )
      .map((object) => ({
        type: object.type,
        id: object.id,
        attributes: object.attributes ?? {},
        references: object.references ?? [],
      }))
  );
}

export const refKey = (object: SavedObjectRef) => `${object.type}/${object.id}`;

interface ImportResponse {
  success?: boolean;
  successCount?: number;
  errors?: {
    id: string;
    type: string;
    title?: string;
    meta?: { title?: string };
    error: { type: string; message?: string; references?: SavedObjectRef[] };
  }[];
  successResults?: { id: string; type: string; destinationId?: string }[];
}

/**
 * Returns what went wrong in a `_import?overwrite=true` response: objects
 * that failed and objects Kibana imported as new copies under another id
 * (which it does when the id is taken in another space).
 */
export function importProblems(body: unknown): string[] {
  const response = (body ?? {}) as ImportResponse;
  const problems = (response.errors ?? []).map((entry) => {
    const title = entry.title ?? entry.meta?.title ?? entry.id;
    const detail =
      entry.error.message ??
      (entry.error.references
        ? `missing references ${entry.error.references.map(refKey).join(", ")}`
        : "");
    return `${entry.type} ${entry.id} "${title}": ${entry.error.type}${detail ? `: ${detail}` : ""}`;
  });
  for (const result of response.successResults ?? []) {
    if (
      result.destinationId !== undefined &&
      result.destinationId !== result.id
    ) {
      problems.push(
        `${result.type} ${result.id} was imported as a new copy ${result.destinationId} because its id is taken in another space; delete the copy and the object in the other space, then re-run`,
      );
    }
  }
  if (problems.length === 0 && response.success === false) {
    problems.push("Kibana reported success: false without object errors");
  }
  return problems;
}
