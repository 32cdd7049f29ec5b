// Compiles a transform's `source.query` into a predicate over events. It
// supports `bool` (filter, must, must_not, should with
// minimum_should_match), `term`, `terms` (with CIDR ranges on IP fields),
// `exists`, `range` (with date math against the simulated now) and
// `match_all`. Any other clause is rejected when the query is compiled.

import { evaluateDateMath } from "./date-math.ts";
import {
  dateValue,
  fieldType,
  valuesOf as eventValues,
  type SimEvent,
} from "./events.ts";
import { cidrContains, parseCidr, parseIpCached, type Cidr } from "./ip.ts";

export type EventPredicate = (event: SimEvent) => boolean;

export class QueryError extends Error {
  constructor(path: string, reason: string) {
    super(`source.query${path}: ${reason}`);
    this.name = "QueryError";
  }
}

export interface QueryContext {
  nowMillis: number;
  dateFields: ReadonlySet<string>;
}

/** Values of `field`; `_tier` reads as `data_hot` unless the event sets it. */
function valuesOf(event: SimEvent, field: string): unknown[] {
  if (field === "_tier" && event.fields[field] === undefined)
    return ["data_hot"];
  return eventValues(event, field);
}

function single(
  clause: unknown,
  path: string,
  kind: string,
): [string, unknown] {
  const entries = Object.entries((clause ?? {}) as Record<string, unknown>);
  if (entries.length !== 1)
    throw new QueryError(path, `[${kind}] must name exactly one field`);
  return entries[0]!;
}

const isIpField = (field: string) => field === "ip" || field.endsWith(".ip");

/** Builds a test of one query value against one field value. */
function valueMatcher(
  field: string,
  expected: unknown,
  cx: QueryContext,
): (value: unknown) => boolean {
  if (fieldType(field, expected, cx.dateFields) === "date") {
    const millis = dateValue(expected);
    return (value) => dateValue(value) === millis;
  }
  if (typeof expected === "number")
    return (value) => Number(value) === expected;
  if (typeof expected === "boolean")
    return (value) => value === expected || String(value) === String(expected);
  return (value) => String(value) === String(expected);
}

/** `terms` on an IP field whose values are all addresses or CIDR ranges; null otherwise. */
function compileIpTerms(
  field: string,
  expected: unknown[],
): EventPredicate | null {
  const ranges = expected.map((value) =>
    typeof value === "string" ? parseCidr(value) : null,
  );
  if (ranges.some((range) => range === null)) return null;
  const cidrs = ranges as Cidr[];
  return (event) =>
    valuesOf(event, field).some((value) => {
      const ip = typeof value === "string" ? parseIpCached(value) : null;
      return ip !== null && cidrs.some((cidr) => cidrContains(cidr, ip));
    });
}

function compileTerms(
  field: string,
  expected: unknown[],
  cx: QueryContext,
): EventPredicate {
  if (isIpField(field)) {
    const ipTerms = compileIpTerms(field, expected);
    if (ipTerms) return ipTerms;
  }
  const keywords = expected.every(
    (value) =>
      typeof value === "string" &&
      fieldType(field, value, cx.dateFields) === "keyword",
  );
  if (keywords) {
    const accepted = new Set(expected as string[]);
    return (event) =>
      valuesOf(event, field).some((value) => accepted.has(String(value)));
  }
  const matchers = expected.map((value) => valueMatcher(field, value, cx));
  return (event) =>
    valuesOf(event, field).some((value) =>
      matchers.some((match) => match(value)),
    );
}

function compileRange(
  clause: unknown,
  path: string,
  cx: QueryContext,
): EventPredicate {
  const [field, bounds] = single(clause, path, "range");
  const options = (bounds ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!["gt", "gte", "lt", "lte"].includes(key)) {
      throw new QueryError(
        `${path}.${field}`,
        `range option [${key}] is not supported by the simulator`,
      );
    }
  }
  const isDate = fieldType(field, null, cx.dateFields) === "date";
  const limit = (value: unknown): number => {
    if (!isDate) return Number(value);
    try {
      return evaluateDateMath(value, cx.nowMillis);
    } catch (error) {
      throw new QueryError(`${path}.${field}`, (error as Error).message);
    }
  };
  const checks: Array<(n: number) => boolean> = [];
  if (options.gt !== undefined)
    checks.push(
      (
        (b) => (n: number) =>
          n > b
      )(limit(options.gt)),
    );
  if (options.gte !== undefined)
    checks.push(
      (
        (b) => (n: number) =>
          n >= b
      )(limit(options.gte)),
    );
  if (options.lt !== undefined)
    checks.push(
      (
        (b) => (n: number) =>
          n < b
      )(limit(options.lt)),
    );
  if (options.lte !== undefined)
    checks.push(
      (
        (b) => (n: number) =>
          n <= b
      )(limit(options.lte)),
    );
  return (event) =>
    valuesOf(event, field).some((value) => {
      const n = isDate ? dateValue(value) : Number(value);
      return (
        n !== null && !Number.isNaN(n) && checks.every((check) => check(n))
      );
    });
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function minimumShouldMatch(
  value: unknown,
  count: number,
  path: string,
): number {
  if (typeof value === "number")
    return value < 0 ? Math.max(0, count + value) : value;
  if (typeof value === "string" && /^-?\d+%$/.test(value)) {
    const percent = Number(value.slice(0, -1));
    const share = Math.floor((count * Math.abs(percent)) / 100);
    return percent < 0 ? count - share : share;
  }
  if (typeof value === "string" && /^-?\d+$/.test(value))
    return minimumShouldMatch(Number(value), count, path);
  throw new QueryError(
    path,
    `minimum_should_match [${String(value)}] is not supported by the simulator`,
  );
}

function compileBool(
  clause: unknown,
  path: string,
  cx: QueryContext,
): EventPredicate {
  const bool = (clause ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(bool)) {
    if (
      ![
        "filter",
        "must",
        "must_not",
        "should",
        "minimum_should_match",
        "boost",
      ].includes(key)
    ) {
      throw new QueryError(
        `${path}.bool`,
        `option [${key}] is not supported by the simulator`,
      );
    }
  }
  const compileList = (key: string) =>
    asList(bool[key]).map((inner, i) =>
      compileQuery(inner, `${path}.bool.${key}[${i}]`, cx),
    );
  const required = [...compileList("filter"), ...compileList("must")];
  const excluded = compileList("must_not");
  const should = compileList("should");
  const defaultMinimum = required.length > 0 ? 0 : 1;
  const minimum =
    bool.minimum_should_match === undefined
      ? Math.min(defaultMinimum, should.length)
      : minimumShouldMatch(
          bool.minimum_should_match,
          should.length,
          `${path}.bool`,
        );
  return (event) => {
    if (!required.every((test) => test(event))) return false;
    if (excluded.some((test) => test(event))) return false;
    if (minimum === 0) return true;
    let matched = 0;
    for (const test of should)
      if (test(event) && ++matched >= minimum) return true;
    return false;
  };
}

/** Compiles one query clause; `path` locates it in error messages. */
export function compileQuery(
  query: unknown,
  path: string,
  cx: QueryContext,
): EventPredicate {
  const [kind, clause] = single(query, path, "query");
  const clausePath = `${path}.${kind}`;
  switch (kind) {
    case "bool":
      return compileBool(clause, path, cx);
    case "match_all":
      return () => true;
    case "exists": {
      const field = (clause as { field?: unknown })?.field;
      if (typeof field !== "string")
        throw new QueryError(clausePath, "[exists] needs a field");
      return (event) => valuesOf(event, field).length > 0;
    }
    case "term": {
      const [field, spec] = single(clause, clausePath, "term");
      const value =
        typeof spec === "object" && spec !== null
          ? (spec as { value?: unknown }).value
          : spec;
      return compileTerms(field, [value], cx);
    }
    case "terms": {
      const [field, values] = single(clause, clausePath, "terms");
      if (!Array.isArray(values))
        throw new QueryError(
          clausePath,
          "[terms] needs an array of values (terms lookup is not supported)",
        );
      return compileTerms(field, values, cx);
    }
    case "range":
      return compileRange(clause, clausePath, cx);
    default:
      throw new QueryError(
        clausePath,
        `query clause [${kind}] is not supported by the simulator`,
      );
  }
}
