// Labelled ECS events for testing the detection: beacons from 30 s to
// 30 min periods with jitter and payload variation, Poisson background
// traffic, bursty interactive traffic, an excluded process and
// private-to-private traffic, each with the verdict the transform must give.
// A seeded PRNG makes every corpus reproducible.

import { beacon, bursty, createRandom, poisson, retarget } from "./traffic.ts";

export { createRandom, networkEvent, type EventSpec } from "./traffic.ts";

export type Verdict =
  | { kind: "no-result" }
  | { kind: "not-beaconing" }
  | {
      kind: "beaconing";
      score?: number;
      lowCountVariation?: boolean;
      periodic?: boolean;
      period?: number;
      lowBytesVariation?: boolean;
    };

export interface Scenario {
  name: string;
  description: string;
  host: string;
  process: string;
  events: Array<Record<string, unknown>>;
  expected: Verdict;
}

export interface CorpusOptions {
  nowMillis: number;
  seed?: number;
}

/** Generates every scenario of the corpus, in a fixed order. */
export function generateCorpus(options: CorpusOptions): Scenario[] {
  const random = createRandom(options.seed ?? 1);
  const now = options.nowMillis;
  // Phase of the jittered slow beacons: anywhere in the minute, and half the
  // time within 7.5 s of a bucket edge, so their 20 s of jitter moves events
  // across the edge.
  const edgePhase = () =>
    random() < 0.5 ? random() * 60 : (random() * 15 + 52.5) % 60;
  const steady = {
    jitterSeconds: 0,
    phaseSeconds: 30,
    sourceBytes: [512, 512] as [number, number],
    destinationBytes: [2048, 2048] as [number, number],
  };
  return [
    {
      name: "beacon-60s",
      description: "h1/beacon.exe every 60 s with 512 bytes out and 2048 in",
      host: "h1",
      process: "beacon.exe",
      events: beacon(
        { host: "h1", process: "beacon.exe", periodSeconds: 60, ...steady },
        now,
        random,
      ),
      expected: {
        kind: "beaconing",
        score: 3,
        lowCountVariation: true,
        lowBytesVariation: true,
      },
    },
    {
      name: "beacon-5min-jitter",
      description:
        "h1/slow.exe every 5 min with up to 20 s of jitter and 2 % payload variation",
      host: "h1",
      process: "slow.exe",
      events: beacon(
        {
          host: "h1",
          process: "slow.exe",
          periodSeconds: 300,
          jitterSeconds: 20,
          sourceBytes: [502, 522],
          destinationBytes: [2007, 2089],
          phaseSeconds: edgePhase(),
        },
        now,
        random,
      ),
      expected: { kind: "beaconing", periodic: true, period: 5 },
    },
    {
      name: "beacon-30s-two-per-bucket",
      description:
        "h4/fast.exe every 30 s (two per bucket) with 5 s of jitter and 1 % payload variation",
      host: "h4",
      process: "fast.exe",
      events: beacon(
        {
          host: "h4",
          process: "fast.exe",
          periodSeconds: 30,
          jitterSeconds: 5,
          sourceBytes: [507, 517],
          destinationBytes: [2028, 2068],
          // Keeps both slots of each minute at least the 5 s of jitter away
          // from a bucket edge, so every bucket contains two events and the
          // count-variation test applies. The periodic scenarios cover
          // events that cross edges.
          phaseSeconds: 35 + random() * 20,
        },
        now,
        random,
      ),
      expected: {
        kind: "beaconing",
        score: 3,
        lowCountVariation: true,
        lowBytesVariation: true,
      },
    },
    {
      name: "beacon-30min",
      description:
        "h4/rare.exe every 30 min with up to 20 s of jitter and 2 % payload variation",
      host: "h4",
      process: "rare.exe",
      events: beacon(
        {
          host: "h4",
          process: "rare.exe",
          periodSeconds: 1800,
          jitterSeconds: 20,
          sourceBytes: [502, 522],
          destinationBytes: [2007, 2089],
          phaseSeconds: edgePhase(),
        },
        now,
        random,
      ),
      expected: { kind: "beaconing", periodic: true, period: 30 },
    },
    {
      name: "poisson",
      description:
        "h2/poisson.exe at exponential gaps (mean 90 s) with random sizes and destinations",
      host: "h2",
      process: "poisson.exe",
      events: poisson("h2", "poisson.exe", 90, now, random),
      expected: { kind: "not-beaconing" },
    },
    {
      name: "bursty-interactive",
      description:
        "h2/ssh.exe in bursts of 20 to 60 connections a few times in 6 h",
      host: "h2",
      process: "ssh.exe",
      events: bursty("h2", "ssh.exe", now, random),
      expected: { kind: "not-beaconing" },
    },
    {
      name: "excluded-process",
      description:
        "h1/chrome.exe beaconing every 60 s; chrome.exe is an excluded process",
      host: "h1",
      process: "chrome.exe",
      events: beacon(
        { host: "h1", process: "chrome.exe", periodSeconds: 60, ...steady },
        now,
        random,
      ),
      expected: { kind: "no-result" },
    },
    {
      name: "private-to-private",
      description: "h3/sync.exe every 60 s from 10.1.1.5 to 10.2.2.2",
      host: "h3",
      process: "sync.exe",
      events: retarget(
        beacon(
          { host: "h3", process: "sync.exe", periodSeconds: 60, ...steady },
          now,
          random,
        ),
        "10.1.1.5",
        "10.2.2.2",
      ),
      expected: { kind: "no-result" },
    },
  ];
}
