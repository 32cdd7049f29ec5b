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

/** `term`, with its `value`, `boost` and `case_insensitive` options. */
function compileTerm(
  clause: unknown,
  path: string,
  cx: QueryContext,
): EventPredicate {
  const [field, spec] = single(clause, path, "term");
  if (typeof spec !== "object" || spec === null)
    return compileTerms(field, [spec], cx);
  const options = spec as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!["value", "boost", "case_insensitive"].includes(key))
      throw new QueryError(
        `${path}.${field}`,
        `term option [${key}] is not supported by the simulator`,
      );
  }
  if (options.value === undefined)
    throw new QueryError(`${path}.${field}`, "[term] needs a value");
  const caseInsensitive = options.case_insensitive;
  if (caseInsensitive !== undefined && typeof caseInsensitive !== "boolean")
    throw new QueryError(
      `${path}.${field}`,
      "[case_insensitive] must be true or false",
    );
  if (caseInsensitive && typeof options.value === "string") {
    if (fieldType(field, options.value, cx.dateFields) !== "keyword")
      throw new QueryError(
        `${path}.${field}`,
        "[case_insensitive] is supported by the simulator on keyword fields only",
      );
    const expected = options.value.toLowerCase();
    return (event) =>
      valuesOf(event, field).some(
        (value) => String(value).toLowerCase() === expected,
      );
  }
  return compileTerms(field, [options.value], cx);
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
      // An object field exists when any of its subfields has a value.
      const prefix = `${field}.`;
      return (event) =>
        valuesOf(event, field).length > 0 ||
        Object.keys(event.fields).some((key) => key.startsWith(prefix));
    }
    case "term":
      return compileTerm(clause, clausePath, cx);
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

/** One top-level clause of a query, with the reason to report for an event that fails it. */
export interface TopLevelClause {
  reason: string;
  test: EventPredicate;
}

function listValues(values: unknown[]): string {
  const shown = values.slice(0, 3).map(String).join(", ");
  return values.length > 3 ? `${shown}, ... (${values.length} values)` : shown;
}

/** Says what a clause requires, for example `event.action disconnect_received`. */
function describeClause(query: unknown, path: string): string {
  const [kind, clause] = Object.entries(
    (query ?? {}) as Record<string, unknown>,
  )[0] ?? ["", undefined];
  const [field, spec] = Object.entries(
    (clause ?? {}) as Record<string, unknown>,
  )[0] ?? ["", undefined];
  switch (kind) {
    case "term": {
      const value =
        typeof spec === "object" && spec !== null
          ? (spec as { value?: unknown }).value
          : spec;
      return `${field} ${String(value)}`;
    }
    case "terms":
      return `${field} in [${listValues(asList(spec))}]`;
    case "exists":
      return `with ${String((clause as { field?: unknown }).field)}`;
    case "range": {
      const bounds = Object.entries((spec ?? {}) as Record<string, unknown>)
        .map(([op, value]) => `${op} ${String(value)}`)
        .join(" ");
      return `${field} ${bounds}`;
    }
    default:
      return `source.query${path}`;
  }
}

/**
 * Splits a query into its top-level clauses: the `filter`, `must` and
 * `must_not` clauses of a top-level `bool` and its `should` group, or the
 * query itself. An event the query rejects fails at least one of them.
 */
export function topLevelClauses(
  query: unknown,
  cx: QueryContext,
): TopLevelClause[] {
  const [kind, clause] = single(query, "", "query");
  if (kind !== "bool") {
    return [
      {
        reason: `not ${describeClause(query, "")}`,
        test: compileQuery(query, "", cx),
      },
    ];
  }
  const bool = (clause ?? {}) as Record<string, unknown>;
  const clauses: TopLevelClause[] = [];
  for (const key of ["filter", "must", "must_not"]) {
    asList(bool[key]).forEach((inner, i) => {
      const path = `.bool.${key}[${i}]`;
      const test = compileQuery(inner, path, cx);
      const described = describeClause(inner, path);
      if (key === "must_not") {
        clauses.push({
          reason: `excluded as ${described}`,
          test: (e) => !test(e),
        });
      } else if (Object.keys(inner as object)[0] === "range") {
        clauses.push({ reason: `outside ${described}`, test });
      } else {
        clauses.push({ reason: `not ${described}`, test });
      }
    });
  }
  if (bool.should !== undefined) {
    const { should, minimum_should_match } = bool;
    const test = compileQuery(
      { bool: { should, minimum_should_match } },
      "",
      cx,
    );
    const required = clauses.length > 0 ? 0 : 1;
    if (minimum_should_match !== undefined || required > 0)
      clauses.push({ reason: "matching too few should clauses", test });
  }
  return clauses;
}

/** Counts the events `query` rejects by the first top-level clause each one fails. */
export function countRejections(
  events: Iterable<SimEvent>,
  clauses: TopLevelClause[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    const failed = clauses.find((clause) => !clause.test(event));
    if (failed) counts.set(failed.reason, (counts.get(failed.reason) ?? 0) + 1);
  }
  return counts;
}
