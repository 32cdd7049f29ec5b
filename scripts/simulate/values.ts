// Conversions between JSON and the engine's boxed values: transform params
// into Painless values, event fields into doc values, and script results
// into the JSON a transform indexes.

import {
  JList,
  JMap,
  JMapView,
  JSet,
} from "../painless/runtime/collections.ts";
import { JDoc, JInstant, JZonedDateTime } from "../painless/runtime/dates.ts";
import { isArray } from "../painless/runtime/dispatch.ts";
import { JChar, JDouble, JFloat } from "../painless/runtime/values.ts";
import { doubleToString } from "../painless/types/numerics.ts";
import { dateValue, fieldType, valuesOf, type SimEvent } from "./events.ts";

/**
 * Converts a JSON value as Elasticsearch parses script params: whole numbers are
 * Integer or Long, other numbers Double, objects HashMap, arrays ArrayList.
 * NOTE: JSON.parse reads `1.0` as 1, so a whole-valued double param arrives
 * as an Integer here; Elasticsearch keeps it a Double.
 */
export function fromJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return new JDouble(value);
    return Math.abs(value) <= 2147483647 ? value : BigInt(value);
  }
  if (Array.isArray(value)) return new JList(value.map(fromJson));
  if (typeof value === "object") {
    const map = new JMap();
    for (const [key, inner] of Object.entries(value))
      map.put(key, fromJson(inner));
    return map;
  }
  return value;
}

/** A marker for a double that must print with a decimal point, as Java does. */
export class JsonDouble {
  constructor(readonly value: number) {}
}

/** Converts a script result to plain data, marking doubles so that `1.0` prints as `1.0`. */
export function toJson(
  value: unknown,
  problems: string[],
  path = "beacon_stats",
): unknown {
  if (value === null || value === undefined) return null;
  // NOTE: a long beyond 2^53 loses precision here; Elasticsearch writes it exactly.
  if (typeof value === "bigint") return Number(value);
  if (value instanceof JDouble || value instanceof JFloat) {
    if (!Number.isFinite(value.v))
      problems.push(`${path} is ${doubleToString(value.v)}`);
    return new JsonDouble(value.v);
  }
  if (value instanceof JChar) return String.fromCharCode(value.v);
  if (value instanceof JZonedDateTime || value instanceof JInstant)
    return new Date(value.epochMillis).toISOString();
  if (value instanceof JList)
    return value.items.map((item, i) =>
      toJson(item, problems, `${path}[${i}]`),
    );
  if (value instanceof JSet)
    return value
      .values()
      .map((item, i) => toJson(item, problems, `${path}[${i}]`));
  if (value instanceof JMapView)
    return value
      .items()
      .map((item, i) => toJson(item, problems, `${path}[${i}]`));
  if (value instanceof JMap) {
    const object: Record<string, unknown> = {};
    for (const entry of value.entryList()) {
      const key = String(entry.key);
      object[key] = toJson(entry.value, problems, `${path}.${key}`);
    }
    return object;
  }
  if (isArray(value)) {
    const doubles =
      value instanceof Float64Array || value instanceof Float32Array;
    return Array.from(value as ArrayLike<unknown>, (item, i) =>
      doubles
        ? toJson(new JDouble(item as number), problems, `${path}[${i}]`)
        : toJson(item, problems, `${path}[${i}]`),
    );
  }
  return value;
}

/** JSON text of `toJson` output; marked doubles print as Java does (`1.0`, `1.0E-5`). */
export function stringifyJson(value: unknown): string {
  if (value instanceof JsonDouble) {
    if (!Number.isFinite(value.value))
      return JSON.stringify(doubleToString(value.value));
    return doubleToString(value.value);
  }
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(
      ([key, inner]) => `${JSON.stringify(key)}:${stringifyJson(inner)}`,
    );
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Plain JS data of `toJson` output, with marked doubles as numbers. */
export function plainJson(value: unknown): unknown {
  return JSON.parse(stringifyJson(value));
}

function docValue(
  field: string,
  raw: unknown,
  dateFields: ReadonlySet<string>,
): unknown {
  switch (fieldType(field, raw, dateFields)) {
    case "date": {
      const millis = dateValue(raw);
      return millis === null ? null : new JZonedDateTime(millis);
    }
    case "long":
      return BigInt(raw as number);
    case "double":
      return new JDouble(raw as number);
    case "boolean":
      return raw;
    default:
      return String(raw);
  }
}

function sortKey(value: unknown): number | bigint | string {
  if (value instanceof JZonedDateTime) return value.epochMillis;
  if (value instanceof JDouble) return value.v;
  return value as number | bigint | string;
}

/** `doc` for one event: doc values are sorted and unique per field, as in Lucene. */
export function buildDoc(
  event: SimEvent,
  mapped: ReadonlySet<string>,
  dateFields: ReadonlySet<string>,
): JDoc {
  const fields = new Map<string, unknown[]>();
  for (const field in event.fields) {
    const raws = valuesOf(event, field);
    const values = raws
      .map((raw) => docValue(field, raw, dateFields))
      .filter((value) => value !== null);
    if (values.length > 1) {
      values.sort((a, b) => {
        const x = sortKey(a);
        const y = sortKey(b);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    fields.set(
      field,
      values.filter(
        (value, i) => i === 0 || sortKey(value) !== sortKey(values[i - 1]),
      ),
    );
  }
  return new JDoc(fields, mapped);
}
