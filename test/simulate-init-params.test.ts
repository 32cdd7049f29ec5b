import { describe, expect, it } from "vitest";

import { DEFAULT_PARAMETERS } from "../artifacts-src/parameters.ts";
import { readPainless } from "../artifacts-src/stored-scripts.ts";
import { compileScript } from "../scripts/painless/engine.ts";
import { JMap } from "../scripts/painless/runtime/collections.ts";
import { fromJson } from "../scripts/simulate/values.ts";

const init = compileScript(
  readPainless("ml_beaconing_init_script"),
  "ml_beaconing_init_script",
  ["params", "state"],
);

function runInit(overrides: Record<string, unknown>): JMap {
  const params = { ...DEFAULT_PARAMETERS, ...overrides };
  for (const [key, value] of Object.entries(overrides))
    if (value === undefined) delete (params as Record<string, unknown>)[key];
  const state = new JMap();
  init.execute(
    { params: fromJson(params), state },
    Date.parse("2026-12-04T12:00:00Z"),
  );
  return state;
}

describe("shipped init script", () => {
  it("creates the empty shard state with the clock time", () => {
    const state = runInit({});
    expect(state.get("now")).toBe(BigInt(Date.parse("2026-12-04T12:00:00Z")));
    expect(state.get("buckets")).toBeInstanceOf(JMap);
    expect(state.get("destination_ips")).toBeInstanceOf(JMap);
  });

  it.each([
    [
      { time_field: undefined },
      "beacon_stats parameter [time_field] must be a non-empty field name",
    ],
    [
      { source_bytes: "" },
      "beacon_stats parameter [source_bytes] must be a non-empty field name",
    ],
    [
      { number_buckets_in_range: 721 },
      "beacon_stats parameter [number_buckets_in_range] is 721.0 but must be between 1.0 and 720.0",
    ],
    [
      { min_number_periods: 6.5 },
      "beacon_stats parameter [min_number_periods] is 6.5 but must be a whole number",
    ],
    [
      { min_not_empty: "half" },
      "beacon_stats parameter [min_not_empty] is missing or not a number",
    ],
    [
      { truncate_at: [0.9, 0.1] },
      "beacon_stats parameter [truncate_at] is [0.9, 0.1] but must satisfy 0 <= low <= high <= 1",
    ],
    [
      { truncate_at: [0.1] },
      "beacon_stats parameter [truncate_at] must be a list of two numbers [low, high]",
    ],
    [
      { max_jitter: 0.2 },
      "allow up to 444583 loop iterations in the periodic test, more than the supported 400000",
    ],
  ])("rejects %j", (overrides, message) => {
    expect(() => runInit(overrides)).toThrow(message);
    expect(() => runInit(overrides)).toThrow(
      /^ml_beaconing_init_script:\d+:\d+: IllegalArgumentException/,
    );
  });
});
