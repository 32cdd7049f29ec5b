// ECS events as the simulator reads them: every field flattened to its dotted
// path with the list of its values, and the field types an ECS index
// template would give them.

import { parseDateMillis } from "./date-math.ts";
import { parseIp } from "./ip.ts";

export interface SimEvent {
  /** 1-based line of the event in its NDJSON file. */
  line: number;
  /**
   * Values by dotted field path: the value itself when the field has one,
   * an array when it has several. A plain object keeps a million events
   * small enough for the benchmark.
   */
  fields: Record<string, unknown>;
}

/** Returns every value of `field` in `event`, as a list. */
export function valuesOf(event: SimEvent, field: string): unknown[] {
  const value = event.fields[field];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export type FieldType =
  "date" | "ip" | "long" | "double" | "keyword" | "boolean";

const DATE_FIELDS = new Set([
  "@timestamp",
  "event.ingested",
  "event.created",
  "event.start",
  "event.end",
]);

/**
 * Returns the type of `field` holding `value`. Dates and IPs are known by name
 * (ECS names them `@timestamp`, `*.ip`, ...); other fields by their JSON value.
 * NOTE: the real index mapping decides this; a field mapped as keyword but
 * holding numbers in JSON is typed as a number here.
 */
export function fieldType(
  field: string,
  value: unknown,
  dateFields: ReadonlySet<string>,
): FieldType {
  if (DATE_FIELDS.has(field) || dateFields.has(field)) return "date";
  if (
    (field === "ip" || field.endsWith(".ip")) &&
    typeof value === "string" &&
    parseIp(value) !== null
  )
    return "ip";
  if (typeof value === "number")
    return Number.isInteger(value) ? "long" : "double";
  if (typeof value === "boolean") return "boolean";
  return "keyword";
}

function addValue(
  fields: Record<string, unknown>,
  path: string,
  value: unknown,
): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) addValue(fields, path, item);
    return;
  }
  if (typeof value === "object") {
    for (const [key, inner] of Object.entries(
      value as Record<string, unknown>,
    )) {
      addValue(fields, path ? `${path}.${key}` : key, inner);
    }
    return;
  }
  const existing = fields[path];
  if (existing === undefined) fields[path] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else fields[path] = [existing, value];
}

/** Flattens one parsed JSON event, accepting nested objects and dotted keys alike. */
export function flattenEvent(
  source: Record<string, unknown>,
  line: number,
): SimEvent {
  const fields: Record<string, unknown> = {};
  addValue(fields, "", source);
  return { line, fields };
}

/** An events file that is not NDJSON of JSON objects. */
export class EventFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EventFileError";
  }
}

/** Parses one NDJSON line into an event; returns null for a blank line. */
function parseEventLine(
  text: string,
  line: number,
  file: string,
): SimEvent | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new EventFileError(
      `${file} line ${line}: invalid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new EventFileError(
      `${file} line ${line}: expected a JSON object per line`,
    );
  }
  return flattenEvent(parsed as Record<string, unknown>, line);
}

/** Parses NDJSON text into events; blank lines are skipped. */
export function parseEvents(text: string, file: string): SimEvent[] {
  const events: SimEvent[] = [];
  text.split("\n").forEach((line, i) => {
    const event = parseEventLine(line, i + 1, file);
    if (event) events.push(event);
  });
  return events;
}

/**
 * Reads NDJSON events line by line, so the input is never one string and
 * files larger than the maximum string length (about 512 MB) can be read.
 * Blank lines are skipped.
 */
export async function readEvents(
  lines: AsyncIterable<string>,
  file: string,
): Promise<SimEvent[]> {
  const events: SimEvent[] = [];
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const event = parseEventLine(text, line, file);
    if (event) events.push(event);
  }
  return events;
}

/** Epoch milliseconds of a date value; null when it is not a date. */
export function dateValue(value: unknown): number | null {
  return parseDateMillis(value);
}
