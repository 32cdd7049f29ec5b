// Compares a simulated result document with a scenario's expected verdict.

import type { Verdict } from "./corpus.ts";

interface BeaconStats {
  is_beaconing?: boolean;
  beaconing_score?: number;
  low_count_variation?: boolean;
  periodic?: boolean;
  max_autocovariance_period?: number;
  low_source_bytes_variation?: boolean;
  low_destination_bytes_variation?: boolean;
}

function expectField(
  mismatches: string[],
  name: string,
  actual: unknown,
  expected: unknown,
): void {
  if (expected !== undefined && actual !== expected) {
    mismatches.push(
      `${name} is ${JSON.stringify(actual ?? null)}, expected ${JSON.stringify(expected)}`,
    );
  }
}

/** Lists how `source` (a result's `_source`, or undefined when there is none) differs from `expected`. */
export function verdictMismatches(
  expected: Verdict,
  source: Record<string, unknown> | undefined,
): string[] {
  if (expected.kind === "no-result")
    return source === undefined
      ? []
      : ["a result document exists, expected none"];
  if (source === undefined) return ["no result document, expected one"];
  const stats = (source.beacon_stats ?? {}) as BeaconStats;
  const mismatches: string[] = [];
  if (expected.kind === "not-beaconing") {
    expectField(
      mismatches,
      "beacon_stats.is_beaconing",
      stats.is_beaconing ?? false,
      false,
    );
    return mismatches;
  }
  expectField(
    mismatches,
    "beacon_stats.is_beaconing",
    stats.is_beaconing,
    true,
  );
  expectField(
    mismatches,
    "beacon_stats.beaconing_score",
    stats.beaconing_score,
    expected.score,
  );
  expectField(
    mismatches,
    "beacon_stats.low_count_variation",
    stats.low_count_variation,
    expected.lowCountVariation,
  );
  expectField(
    mismatches,
    "beacon_stats.periodic",
    stats.periodic,
    expected.periodic,
  );
  expectField(
    mismatches,
    "beacon_stats.max_autocovariance_period",
    stats.max_autocovariance_period,
    expected.period,
  );
  expectField(
    mismatches,
    "beacon_stats.low_source_bytes_variation",
    stats.low_source_bytes_variation,
    expected.lowBytesVariation,
  );
  expectField(
    mismatches,
    "beacon_stats.low_destination_bytes_variation",
    stats.low_destination_bytes_variation,
    expected.lowBytesVariation,
  );
  return mismatches;
}
