// Labelled ECS events for testing the detection: beacons from 30 s to
// 30 min periods with jitter and payload variation, Poisson background
// traffic, bursty interactive traffic, an excluded process and
// private-to-private traffic, each with the verdict the transform must give.
// A seeded PRNG makes every corpus reproducible.

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

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same stream. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EventSpec {
  host: string;
  process: string;
  millis: number;
  sourceIp: string;
  destinationIp: string;
  sourceBytes: number;
  destinationBytes: number;
}

/** Builds one ECS network disconnect event, as Elastic Defend writes it. */
export function networkEvent(spec: EventSpec): Record<string, unknown> {
  return {
    "@timestamp": new Date(spec.millis).toISOString(),
    event: {
      category: ["network"],
      action: "disconnect_received",
      kind: "event",
    },
    host: { name: spec.host },
    process: { name: spec.process },
    source: { ip: spec.sourceIp, bytes: spec.sourceBytes },
    destination: { ip: spec.destinationIp, bytes: spec.destinationBytes },
  };
}

const WINDOW_MILLIS = 6 * 3600_000;
const BUCKET_MILLIS = 60_000;

interface BeaconSpec {
  host: string;
  process: string;
  periodSeconds: number;
  /** Largest shift of one event from its slot, in seconds. */
  jitterSeconds: number;
  /** Largest relative change of the payload sizes, as a fraction. */
  payloadVariation: number;
  /** Offset of the first slot inside its bucket, in seconds. */
  phaseSeconds: number;
}

function beacon(
  spec: BeaconSpec,
  nowMillis: number,
  random: () => number,
): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [];
  // Slots run backwards from the newest bucket's start plus the phase, so a
  // jitter below half a bucket keeps every event inside its slot's bucket.
  const newestBucketStart =
    Math.floor(nowMillis / BUCKET_MILLIS) * BUCKET_MILLIS - BUCKET_MILLIS;
  const period = spec.periodSeconds * 1000;
  for (
    let slot = newestBucketStart + spec.phaseSeconds * 1000;
    slot > nowMillis - WINDOW_MILLIS;
    slot -= period
  ) {
    const jitter = (random() * 2 - 1) * spec.jitterSeconds * 1000;
    const vary = (base: number) =>
      Math.round(base * (1 + (random() * 2 - 1) * spec.payloadVariation));
    events.push(
      networkEvent({
        host: spec.host,
        process: spec.process,
        millis: Math.round(slot + jitter),
        sourceIp: "10.1.1.5",
        destinationIp: "93.184.216.34",
        sourceBytes: vary(512),
        destinationBytes: vary(2048),
      }),
    );
  }
  return events;
}

function poisson(
  host: string,
  process: string,
  meanSeconds: number,
  nowMillis: number,
  random: () => number,
) {
  const events: Array<Record<string, unknown>> = [];
  let millis = nowMillis - WINDOW_MILLIS;
  for (;;) {
    millis += -Math.log(1 - random()) * meanSeconds * 1000;
    if (millis >= nowMillis) return events;
    events.push(
      networkEvent({
        host,
        process,
        millis: Math.round(millis),
        sourceIp: "10.1.1.7",
        // 12 destinations, below the 2K = 20 IPs the map script counts
        // exactly, so destination_ips does not depend on the shard count.
        destinationIp: `151.101.${Math.floor(random() * 3) + 1}.${Math.floor(random() * 4) + 1}`,
        sourceBytes: Math.floor(200 + random() * 20_000),
        destinationBytes: Math.floor(500 + random() * 200_000),
      }),
    );
  }
}

function bursty(
  host: string,
  process: string,
  nowMillis: number,
  random: () => number,
) {
  const events: Array<Record<string, unknown>> = [];
  const bursts = 7 + Math.floor(random() * 5);
  for (let b = 0; b < bursts; b++) {
    const start =
      nowMillis - WINDOW_MILLIS + random() * (WINDOW_MILLIS - 600_000);
    const size = 20 + Math.floor(random() * 40);
    for (let i = 0; i < size; i++) {
      events.push(
        networkEvent({
          host,
          process,
          millis: Math.round(start + random() * 300_000),
          sourceIp: "192.168.4.20",
          destinationIp: `140.82.${112 + Math.floor(random() * 2)}.${Math.floor(random() * 4) + 1}`,
          sourceBytes: Math.floor(100 + random() * 5000),
          destinationBytes: Math.floor(100 + random() * 50_000),
        }),
      );
    }
  }
  return events;
}

function retarget(
  events: Array<Record<string, unknown>>,
  sourceIp: string,
  destinationIp: string,
) {
  for (const event of events) {
    (event.source as Record<string, unknown>).ip = sourceIp;
    (event.destination as Record<string, unknown>).ip = destinationIp;
  }
  return events;
}

export interface CorpusOptions {
  nowMillis: number;
  seed?: number;
}

/** Generates every scenario of the corpus, in a fixed order. */
export function generateCorpus(options: CorpusOptions): Scenario[] {
  const random = createRandom(options.seed ?? 1);
  const now = options.nowMillis;
  const steady = { jitterSeconds: 0, payloadVariation: 0, phaseSeconds: 30 };
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
          payloadVariation: 0.02,
          phaseSeconds: 30,
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
          payloadVariation: 0.01,
          phaseSeconds: 40,
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
          payloadVariation: 0.02,
          phaseSeconds: 30,
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
