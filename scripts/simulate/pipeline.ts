// The effect of the destination ingest pipeline on a result document, for
// the processors the bundle uses: `set` (with {{field}} templates, including
// {{_ingest.timestamp}}) and `fingerprint`. Other processors are rejected.

import { createHash } from "node:crypto";

export interface IndexedDocument {
  _index: string;
  _id: string | null;
  _source: Record<string, unknown>;
}

export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PipelineError";
  }
}

export function getPath(
  source: Record<string, unknown>,
  path: string,
): unknown {
  if (path in source) return source[path];
  let current: unknown = source;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Sets a dotted path as nested objects, as a transform writes its fields. */
export function setPath(
  target: Record<string, unknown>,
  path: string,
  value: unknown,
): void {
  const parts = path.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== "object" || next === null || Array.isArray(next))
      current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
}

function renderTemplate(
  template: string,
  doc: IndexedDocument,
  ingestTime: string,
): string {
  return template.replace(
    /\{\{\{?\s*([^}\s]+)\s*\}?\}\}/g,
    (_, name: string) => {
      if (name === "_ingest.timestamp") return ingestTime;
      if (name === "_id") return doc._id ?? "";
      const value = getPath(doc._source, name);
      return value === undefined || value === null
        ? ""
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
    },
  );
}

function applySet(
  options: Record<string, unknown>,
  doc: IndexedDocument,
  ingestTime: string,
): void {
  const field = String(options.field);
  if (options.override === false && getPath(doc._source, field) !== undefined)
    return;
  const value =
    typeof options.value === "string"
      ? renderTemplate(options.value, doc, ingestTime)
      : options.value;
  if (field === "_id") doc._id = String(value);
  else setPath(doc._source, field, value);
}

/**
 * NOTE: Elasticsearch's fingerprint processor hashes its own byte layout of
 * the fields. This id is deterministic for the same inputs, but it is not
 * the value Elasticsearch writes.
 */
function applyFingerprint(
  options: Record<string, unknown>,
  doc: IndexedDocument,
): void {
  const fields = (options.fields as string[]).slice().sort();
  const algorithm = String(options.method ?? "SHA-1")
    .toLowerCase()
    .replace("-", "");
  const hash = createHash(algorithm === "murmur3" ? "sha1" : algorithm);
  if (typeof options.salt === "string") hash.update(options.salt);
  for (const field of fields) {
    const value = getPath(doc._source, field);
    if (value === undefined && options.ignore_missing !== true) {
      throw new PipelineError(
        `fingerprint processor: field [${field}] is missing from the result document`,
      );
    }
    hash.update(`${field}|${JSON.stringify(value ?? null)}|`);
  }
  const target = String(options.target_field ?? "fingerprint");
  const digest = hash.digest("base64");
  if (target === "_id") doc._id = digest;
  else setPath(doc._source, target, digest);
}

/** Runs the pipeline's processors on `doc` in place. */
export function applyPipeline(
  pipeline: Record<string, unknown>,
  doc: IndexedDocument,
  ingestTime: string,
): void {
  const processors = (pipeline.processors ?? []) as Array<
    Record<string, Record<string, unknown>>
  >;
  for (const processor of processors) {
    const [kind, options] = Object.entries(processor)[0] ?? [];
    if (options?.if !== undefined)
      throw new PipelineError(
        `${kind} processor: conditions ("if") are not supported by the simulator`,
      );
    if (kind === "set") applySet(options!, doc, ingestTime);
    else if (kind === "fingerprint") applyFingerprint(options!, doc);
    else
      throw new PipelineError(
        `ingest processor [${String(kind)}] is not supported by the simulator`,
      );
  }
}
