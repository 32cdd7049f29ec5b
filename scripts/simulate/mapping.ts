// Checks events against the mapping an ECS index template gives them, as
// Elasticsearch does when it indexes them. A date field takes ISO 8601 text or
// epoch milliseconds, and the time field is required. A `long` field coerces
// numeric strings and truncates fractions. An event Elasticsearch would reject
// is left out of the simulation and reported with its line and reason.

import { parseDateMillis } from "./date-math.ts";
import { fieldType, valuesOf, type SimEvent } from "./events.ts";

export interface RejectedEvent {
  line: number;
  reason: string;
}

export interface MappingOptions {
  /** Fields mapped as `date` besides the ECS date fields. */
  dateFields: ReadonlySet<string>;
  /** The data stream's timestamp field, which every event must have. */
  timeField: string;
  /** Fields mapped as `long`. */
  longFields: ReadonlySet<string>;
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts a value as Elasticsearch coerces it for a `long` field: numbers and
 * numeric strings, with fractions truncated. Returns an error text when the
 * value is not a number or is outside the range of a long.
 */
export function coerceLong(value: unknown): number | string {
  let number: number;
  if (typeof value === "number") number = value;
  else if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) {
      const exact = BigInt(text);
      if (exact > LONG_MAX || exact < LONG_MIN)
        return `[${value}] is out of range for a long`;
      // NOTE: a long beyond 2^53 loses precision here; Elasticsearch keeps it exactly.
      return Number(exact);
    }
    number = Number(text);
  } else return `[${String(value)}] is not a number`;
  const whole = Math.trunc(number);
  // Doubles at 2^63 and above cannot be a long; 2^63 - 1 itself rounds to 2^63.
  if (!Number.isFinite(whole) || whole >= 2 ** 63 || whole < -(2 ** 63))
    return `[${String(value)}] is out of range for a long`;
  return whole;
}

/** Returns why Elasticsearch would reject `event`, or null; coerces long fields in place. */
function rejection(event: SimEvent, options: MappingOptions): string | null {
  if (valuesOf(event, options.timeField).length === 0)
    return `${options.timeField} is missing or null`;
  for (const field of Object.keys(event.fields)) {
    const values = valuesOf(event, field);
    if (fieldType(field, null, options.dateFields) === "date") {
      const bad = values.find((value) => parseDateMillis(value) === null);
      if (bad !== undefined)
        return `${field} [${String(bad)}] is not a date; use ISO 8601 or epoch milliseconds`;
    } else if (options.longFields.has(field)) {
      const coerced = values.map(coerceLong);
      const bad = coerced.find((value) => typeof value === "string");
      if (bad !== undefined) return `${field} ${bad}`;
      event.fields[field] = coerced.length === 1 ? coerced[0] : coerced;
    }
  }
  return null;
}

/** Splits events into those Elasticsearch would index and those it would reject. */
export function checkMapping(
  events: SimEvent[],
  options: MappingOptions,
): { accepted: SimEvent[]; rejected: RejectedEvent[] } {
  const accepted: SimEvent[] = [];
  const rejected: RejectedEvent[] = [];
  for (const event of events) {
    const reason = rejection(event, options);
    if (reason === null) accepted.push(event);
    else rejected.push({ line: event.line, reason });
  }
  return { accepted, rejected };
}
