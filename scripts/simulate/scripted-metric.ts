// Runs a scripted_metric aggregation the way Elasticsearch does for one
// group: init, map per document and combine on each shard holding documents
// of the group, then reduce over the shard states in shard order. A shard
// without documents of the group contributes null.

import { compileScript, type CompiledScript } from "../painless/engine.ts";
import { JList, JMap, JSet } from "../painless/runtime/collections.ts";
import type { JDoc } from "../painless/runtime/dates.ts";
import { isArray } from "../painless/runtime/dispatch.ts";
import { JDouble } from "../painless/runtime/values.ts";
import type { ScriptSource } from "./artifacts.ts";
import { fromJson } from "./values.ts";

export interface CompiledMetric {
  init: CompiledScript;
  map: CompiledScript;
  combine: CompiledScript;
  reduce: CompiledScript;
  /** The aggregation's params as JSON. */
  params: unknown;
}

export function compileMetric(
  scripts: {
    init: ScriptSource;
    map: ScriptSource;
    combine: ScriptSource;
    reduce: ScriptSource;
  },
  params: unknown,
): CompiledMetric {
  return {
    init: compileScript(scripts.init.source, scripts.init.id, [
      "params",
      "state",
    ]),
    map: compileScript(scripts.map.source, scripts.map.id, [
      "params",
      "state",
      "doc",
      "_score",
    ]),
    combine: compileScript(scripts.combine.source, scripts.combine.id, [
      "params",
      "state",
    ]),
    reduce: compileScript(scripts.reduce.source, scripts.reduce.id, [
      "params",
      "states",
    ]),
    params: params ?? {},
  };
}

/**
 * Copies a combine result, as the transport between nodes makes one, so
 * reduce never shares objects with a shard state.
 */
export function copyState(value: unknown): unknown {
  if (value instanceof JList) return new JList(value.items.map(copyState));
  if (value instanceof JMap) {
    const copy = new JMap(value.order);
    for (const entry of value.entryList())
      copy.put(copyState(entry.key), copyState(entry.value));
    return copy;
  }
  if (value instanceof JSet) {
    const copy = new JSet(value.map.order);
    for (const item of value.values()) copy.add(copyState(item));
    return copy;
  }
  if (isArray(value)) return (value as unknown[]).slice();
  return value;
}

/** Runs init, map and combine for the documents of one group on one shard. */
export function runShard(
  metric: CompiledMetric,
  docs: JDoc[],
  nowMillis: number,
): unknown {
  const params = fromJson(metric.params);
  const state = new JMap();
  metric.init.execute({ params, state }, nowMillis);
  const score = new JDouble(0);
  for (const doc of docs)
    metric.map.execute({ params, state, doc, _score: score }, nowMillis);
  return copyState(metric.combine.execute({ params, state }, nowMillis));
}

/** Computes the aggregation's value for one group whose documents are split over shards. */
export function runGroup(
  metric: CompiledMetric,
  shards: JDoc[][],
  nowMillis: number,
): unknown {
  const states = shards.map((docs) =>
    docs.length === 0 ? null : runShard(metric, docs, nowMillis),
  );
  return metric.reduce.execute(
    { params: fromJson(metric.params), states: new JList(states) },
    nowMillis,
  );
}
