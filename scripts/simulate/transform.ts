// Simulates one checkpoint of the pivot transform over a list of events:
// source query, terms group_by, the aggregations (the scripted metric over
// simulated shards, plus max/min/sum/avg/value_count), then the destination
// pipeline. Result documents come sorted by their group keys.

import { PainlessRuntimeError } from "../painless/errors.ts";
import type { JDoc } from "../painless/runtime/dates.ts";
import { scriptedMetricOf, type SimulationArtifacts } from "./artifacts.ts";
import { dateValue, fieldType, valuesOf, type SimEvent } from "./events.ts";
import { applyPipeline, setPath, type IndexedDocument } from "./pipeline.ts";
import { checkMapping, type RejectedEvent } from "./mapping.ts";
import { compileQuery, countRejections, topLevelClauses } from "./query.ts";
import { compileMetric, runGroup } from "./scripted-metric.ts";
import { buildDoc, plainJson, toJson } from "./values.ts";

export interface SimulateOptions {
  nowMillis: number;
  /** Number of simulated shards; documents are spread by a hash of their line. */
  shards: number;
  /** Called now and then with a progress line. */
  progress?: (message: string) => void;
}

export interface SimulationSummary {
  events: number;
  /** Events Elasticsearch would reject; `rejected` in the result says why. */
  rejectedEvents: number;
  matched: number;
  /** Matching events whose time is after now; the scripts ignore them. */
  later: number;
  groups: number;
  beaconing: number;
}

export interface SimulationResult {
  documents: IndexedDocument[];
  summary: SimulationSummary;
  /** Non-finite numbers found in results; Elasticsearch cannot index them as numbers. */
  problems: string[];
  rejected: RejectedEvent[];
  /** Events the source query removed, counted by the first top-level clause each fails. */
  removedBy: Map<string, number>;
}

export class SimulationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SimulationError";
  }
}

/** Shard of an event: a fixed hash of its line number, so runs repeat exactly. */
export function shardOf(line: number, shards: number): number {
  let hash = Math.imul(line ^ 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % shards;
}

function groupFields(
  transform: Record<string, unknown>,
): Array<[string, string]> {
  const groupBy =
    ((transform.pivot ?? {}) as { group_by?: Record<string, unknown> })
      .group_by ?? {};
  return Object.entries(groupBy).map(([name, spec]) => {
    const terms = (
      spec as { terms?: { field?: unknown; missing_bucket?: unknown } }
    ).terms;
    if (!terms || typeof terms.field !== "string") {
      throw new SimulationError(
        `pivot.group_by.${name}: only terms groupings on a field are supported by the simulator`,
      );
    }
    if (terms.missing_bucket === true) {
      throw new SimulationError(
        `pivot.group_by.${name}: missing_bucket is not supported by the simulator`,
      );
    }
    return [name, terms.field];
  });
}

/** Lists every key tuple an event falls into; an event without a group field falls into none. */
function keysOf(event: SimEvent, fields: Array<[string, string]>): string[][] {
  let keys: string[][] = [[]];
  for (const [, field] of fields) {
    const values = [...new Set(valuesOf(event, field).map(String))];
    keys = keys.flatMap((prefix) => values.map((value) => [...prefix, value]));
  }
  return keys;
}

function simpleAggregation(
  name: string,
  spec: Record<string, unknown>,
  events: SimEvent[],
  dateFields: ReadonlySet<string>,
): unknown {
  const [kind, options] = Object.entries(spec)[0] ?? [];
  const field = (options as { field?: unknown } | undefined)?.field;
  if (
    !["max", "min", "sum", "avg", "value_count"].includes(String(kind)) ||
    typeof field !== "string"
  ) {
    throw new SimulationError(
      `pivot.aggregations.${name}: aggregation [${String(kind)}] is not supported by the simulator`,
    );
  }
  const raws = events.flatMap((event) => valuesOf(event, field));
  if (kind === "value_count") return raws.length;
  // A date field is known by its mapping, not by its JSON values: ISO text
  // and epoch milliseconds mix freely in one group.
  const isDate = fieldType(field, null, dateFields) === "date";
  const numbers = isDate
    ? raws.map(dateValue).filter((millis) => millis !== null)
    : raws.map(Number).filter((n) => !Number.isNaN(n));
  if (numbers.length === 0) return kind === "sum" ? 0 : null;
  let value: number;
  if (kind === "max") value = numbers.reduce((a, b) => Math.max(a, b));
  else if (kind === "min") value = numbers.reduce((a, b) => Math.min(a, b));
  else
    value =
      numbers.reduce((a, b) => a + b, 0) /
      (kind === "avg" ? numbers.length : 1);
  return isDate && (kind === "max" || kind === "min")
    ? new Date(value).toISOString()
    : value;
}

export function simulateTransform(
  artifacts: SimulationArtifacts,
  input: SimEvent[],
  options: SimulateOptions,
): SimulationResult {
  const { transform } = artifacts;
  const [metricName, metricSpec] = scriptedMetricOf(transform);
  const params = (metricSpec.params ?? {}) as Record<string, unknown>;
  const timeField =
    typeof params.time_field === "string" ? params.time_field : "@timestamp";
  const syncField = (
    transform.sync as { time?: { field?: unknown } } | undefined
  )?.time?.field;
  const dateFields = new Set([timeField]);
  if (typeof syncField === "string") dateFields.add(syncField);
  const source = (transform.source ?? {}) as { query?: unknown };
  const query = source.query ?? { match_all: {} };
  const queryContext = { nowMillis: options.nowMillis, dateFields };
  const matches = compileQuery(query, "", queryContext);
  const fields = groupFields(transform);
  const longFields = new Set<string>();
  for (const key of ["source_bytes", "destination_bytes"]) {
    if (typeof params[key] === "string") longFields.add(params[key] as string);
  }
  const { accepted: events, rejected } = checkMapping(input, {
    dateFields,
    timeField,
    longFields,
  });

  const groups = new Map<string, { keys: string[]; events: SimEvent[] }>();
  let matched = 0;
  let later = 0;
  const unmatched: SimEvent[] = [];
  for (const event of events) {
    if (!matches(event)) {
      unmatched.push(event);
      continue;
    }
    matched += 1;
    if (
      valuesOf(event, timeField).some((v) => dateValue(v)! > options.nowMillis)
    )
      later += 1;
    for (const keys of keysOf(event, fields)) {
      const id = JSON.stringify(keys);
      const group = groups.get(id) ?? { keys, events: [] };
      group.events.push(event);
      groups.set(id, group);
    }
  }
  options.progress?.(
    `${matched} of ${events.length} events match the source query, in ${groups.size} groups`,
  );

  const mapped = new Set<string>([timeField]);
  for (const key of ["source_bytes", "destination_bytes", "destination_ip"]) {
    if (typeof params[key] === "string") mapped.add(params[key] as string);
  }
  for (const event of events)
    for (const field in event.fields) mapped.add(field);

  const metric = compileMetric(artifacts.scripts, params);
  const sorted = [...groups.values()].sort((a, b) =>
    compareKeys(a.keys, b.keys),
  );
  const documents: IndexedDocument[] = [];
  const problems: string[] = [];
  const ingestTime = new Date(options.nowMillis).toISOString();
  const destIndex = String(
    (transform.dest as { index?: unknown } | undefined)?.index ?? "",
  );
  let beaconing = 0;

  sorted.forEach((group, i) => {
    const shards: JDoc[][] = Array.from({ length: options.shards }, () => []);
    for (const event of group.events)
      shards[shardOf(event.line, options.shards)]!.push(
        buildDoc(event, mapped, dateFields),
      );
    let value: unknown;
    try {
      value = runGroup(metric, shards, options.nowMillis);
    } catch (error) {
      const where = fields
        .map(([name], k) => `${name}=${group.keys[k]}`)
        .join(", ");
      const reason =
        error instanceof PainlessRuntimeError ? error.message : String(error);
      throw new SimulationError(
        `scripted metric failed for group ${where}: ${reason}`,
        { cause: error },
      );
    }
    const doc: IndexedDocument = { _index: destIndex, _id: null, _source: {} };
    fields.forEach(([name], k) => setPath(doc._source, name, group.keys[k]));
    const aggregations =
      (
        (transform.pivot ?? {}) as {
          aggregations?: Record<string, Record<string, unknown>>;
        }
      ).aggregations ?? {};
    for (const [name, spec] of Object.entries(aggregations)) {
      if (name === metricName) continue;
      setPath(
        doc._source,
        name,
        simpleAggregation(name, spec, group.events, dateFields),
      );
    }
    const groupProblems: string[] = [];
    setPath(
      doc._source,
      metricName,
      plainJson(toJson(value, groupProblems, metricName)),
    );
    problems.push(
      ...groupProblems.map(
        (problem) => `${group.keys.join(" / ")}: ${problem}`,
      ),
    );
    if (artifacts.pipeline) applyPipeline(artifacts.pipeline, doc, ingestTime);
    if (
      (doc._source[metricName] as { is_beaconing?: unknown } | null)
        ?.is_beaconing === true
    )
      beaconing += 1;
    documents.push(doc);
    if ((i + 1) % 1000 === 0)
      options.progress?.(`${i + 1} of ${sorted.length} groups done`);
  });

  return {
    documents,
    summary: {
      events: input.length,
      rejectedEvents: rejected.length,
      matched,
      later,
      groups: groups.size,
      beaconing,
    },
    problems,
    rejected,
    removedBy: countRejections(unmatched, topLevelClauses(query, queryContext)),
  };
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
