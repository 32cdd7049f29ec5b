// Generators of synthetic ECS network events for the detection corpus and
// the detection-rate measurement: beacons, Poisson background traffic and
// bursty interactive traffic over the 6-hour window before `now`.

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

export const WINDOW_MILLIS = 6 * 3600_000;
const BUCKET_MILLIS = 60_000;

export interface BeaconSpec {
  host: string;
  process: string;
  periodSeconds: number;
  /** Largest shift of one event from its slot, in seconds. */
  jitterSeconds: number;
  /**
   * Offset of the newest slot from the start of the newest whole bucket, in
   * seconds, from 0 up to the period. A slot whose jittered time is not
   * before `now` produces no event.
   */
  phaseSeconds: number;
  /** Inclusive range of source bytes per event, drawn uniformly. */
  sourceBytes: [number, number];
  /** Inclusive range of destination bytes per event, drawn uniformly. */
  destinationBytes: [number, number];
}

function uniformInteger(range: [number, number], random: () => number) {
  return range[0] + Math.floor(random() * (range[1] - range[0] + 1));
}

/** Generates a beacon's events, one per slot `period` apart, each jittered uniformly. */
export function beacon(
  spec: BeaconSpec,
  nowMillis: number,
  random: () => number,
): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [];
  const newestBucketStart =
    Math.floor(nowMillis / BUCKET_MILLIS) * BUCKET_MILLIS - BUCKET_MILLIS;
  const period = spec.periodSeconds * 1000;
  for (
    let slot = newestBucketStart + spec.phaseSeconds * 1000;
    slot > nowMillis - WINDOW_MILLIS;
    slot -= period
  ) {
    const jitter = (random() * 2 - 1) * spec.jitterSeconds * 1000;
    const millis = Math.round(slot + jitter);
    const sourceBytes = uniformInteger(spec.sourceBytes, random);
    const destinationBytes = uniformInteger(spec.destinationBytes, random);
    if (millis >= nowMillis) continue;
    events.push(
      networkEvent({
        host: spec.host,
        process: spec.process,
        millis,
        sourceIp: "10.1.1.5",
        destinationIp: "93.184.216.34",
        sourceBytes,
        destinationBytes,
      }),
    );
  }
  return events;
}

/** Generates events at exponentially distributed gaps of mean `meanSeconds`. */
export function poisson(
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

/** Generates 7 to 11 bursts of 20 to 59 connections, each within 5 minutes. */
export function bursty(
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

/** Sets the source and destination IP of every event. */
export function retarget(
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
