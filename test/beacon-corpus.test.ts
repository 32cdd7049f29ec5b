import { describe, expect, it } from "vitest";
import { beaconCorpus, bulkBody } from "./integration/beacon-corpus.ts";

describe("beaconCorpus", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  const events = beaconCorpus(now, () => 0.5);

  it("beacons every five minutes", () => {
    const times = events
      .filter((e) => e.process.name === "beacon-agent")
      .map((e) => Date.parse(e["@timestamp"]));
    expect(times.length).toBeGreaterThan(60);
    const gaps = new Set(
      times.slice(1).map((t, i) => t - (times[i] as number)),
    );
    expect([...gaps]).toEqual([300_000]);
  });

  it("stays inside the last six hours before the sync delay", () => {
    const times = events.map((e) => Date.parse(e["@timestamp"]));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 6 * 3600_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now - 600_000);
  });

  it("writes create actions", () => {
    expect(bulkBody(events.slice(0, 1))).toMatch(
      /^\{"create":\{\}\}\n\{"@timestamp"/,
    );
  });
});
