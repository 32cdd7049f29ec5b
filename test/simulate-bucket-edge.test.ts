import { describe, expect, it } from "vitest";

import { artifactsFromSources } from "../scripts/simulate/artifacts.ts";
import { flattenEvent } from "../scripts/simulate/events.ts";
import {
  beacon,
  bursty,
  createRandom,
  poisson,
} from "../scripts/simulate/traffic.ts";
import {
  simulateTransform,
  type SimulationResult,
} from "../scripts/simulate/transform.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");
const artifacts = artifactsFromSources("default");

// Seconds after the start of a minute bucket: at most 5 s from an edge, so
// the 20 s of jitter moves many events into the neighbouring bucket.
const EDGE_PHASES = [0, 2, 5, 55, 58, 59.5];
const SEEDS = [1, 2, 3];

function run(
  generate: (process: string, random: () => number) => object[],
  processes: string[],
): SimulationResult {
  const events = processes.flatMap((process, i) =>
    generate(process, createRandom(1000 + i)),
  );
  return simulateTransform(
    artifacts,
    events.map((event, i) =>
      flattenEvent(event as Record<string, unknown>, i + 1),
    ),
    { nowMillis: NOW, shards: 2 },
  );
}

function statsOf(result: SimulationResult) {
  return result.documents.map((doc) => ({
    process: (doc._source.process as { name: string }).name,
    stats: doc._source.beacon_stats as Record<string, unknown>,
  }));
}

describe("periodic test near bucket edges", () => {
  const processes = EDGE_PHASES.flatMap((phase) =>
    SEEDS.map((seed) => `phase-${phase}-seed-${seed}.exe`),
  );
  const result = run((process, random) => {
    const phase = Number(process.split("-")[1]);
    return beacon(
      {
        host: "edge",
        process,
        periodSeconds: 300,
        jitterSeconds: 20,
        phaseSeconds: phase,
        sourceBytes: [300, 500],
        destinationBytes: [1000, 4000],
      },
      NOW,
      random,
    );
  }, processes);

  it("has one result per beacon", () => {
    expect(result.documents).toHaveLength(processes.length);
  });

  it.each(processes)("flags the 5-minute beacon %s as periodic", (name) => {
    const found = statsOf(result).find((entry) => entry.process === name);
    expect(found?.stats.periodic).toBe(true);
    expect(found?.stats.max_autocovariance_period).toBe(5);
    expect(found?.stats.is_beaconing).toBe(true);
  });
});

describe("periodic test on background traffic", () => {
  const processes = Array.from({ length: 8 }, (_, i) => `seed-${i}.exe`);

  it("flags no Poisson traffic with a mean gap of 90 s", () => {
    const result = run(
      (process, random) => poisson("background", process, 90, NOW, random),
      processes,
    );
    const flagged = statsOf(result).filter(
      (entry) => entry.stats.is_beaconing === true,
    );
    expect(flagged.map((entry) => entry.process)).toEqual([]);
    expect(result.documents).toHaveLength(processes.length);
  });

  it("flags no bursty interactive traffic", () => {
    const result = run(
      (process, random) => bursty("bursty", process, NOW, random),
      processes,
    );
    const flagged = statsOf(result).filter(
      (entry) => entry.stats.is_beaconing === true,
    );
    expect(flagged.map((entry) => entry.process)).toEqual([]);
    expect(result.documents).toHaveLength(processes.length);
  });
});
