// Writes an Elasticsearch _bulk body of network events for the integration
// workflow: one process that calls home every five minutes with the same
// byte counts, and noise processes at random times. Events span the six
// hours before now, ending ten minutes ago so that the transform's sync
// delay has passed.
//
// Usage: tsx test/integration/beacon-corpus.ts <data stream> > bulk.ndjson

const SIX_HOURS_MS = 6 * 3600 * 1000;
const END_OFFSET_MS = 10 * 60 * 1000;
const BEACON_PERIOD_MS = 5 * 60 * 1000;

export interface NetworkEvent {
  "@timestamp": string;
  event: { category: string[]; action: string };
  host: { name: string };
  process: { name: string };
  source: { ip: string; bytes: number };
  destination: { ip: string; bytes: number };
}

function event(
  time: number,
  host: string,
  process: string,
  bytes: number,
): NetworkEvent {
  return {
    "@timestamp": new Date(time).toISOString(),
    event: { category: ["network"], action: "disconnect_received" },
    host: { name: host },
    process: { name: process },
    source: { ip: "10.1.2.3", bytes },
    destination: { ip: "45.33.32.156", bytes: bytes * 4 },
  };
}

/** Returns the events; `random` is injectable so a test can fix it. */
export function beaconCorpus(
  now: number,
  random: () => number = Math.random,
): NetworkEvent[] {
  const end = now - END_OFFSET_MS;
  const start = end - SIX_HOURS_MS + END_OFFSET_MS;
  const events: NetworkEvent[] = [];
  for (let time = start; time <= end; time += BEACON_PERIOD_MS) {
    events.push(event(time, "beacon-host", "beacon-agent", 512));
  }
  for (let i = 0; i < 60; i += 1) {
    const time = start + Math.floor(random() * (end - start));
    events.push(
      event(
        time,
        `noise-host-${i % 5}`,
        "browser",
        200 + Math.floor(random() * 50_000),
      ),
    );
  }
  return events;
}

export function bulkBody(events: NetworkEvent[]): string {
  // Data streams accept only `create`.
  return events.map((e) => `{"create":{}}\n${JSON.stringify(e)}\n`).join("");
}

const invokedDirectly = process.argv[1]?.endsWith("beacon-corpus.ts");
if (invokedDirectly) {
  process.stdout.write(bulkBody(beaconCorpus(Date.now())));
}
