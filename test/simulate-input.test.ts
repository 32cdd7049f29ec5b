import { describe, expect, it } from "vitest";

import { artifactsFromSources } from "../scripts/simulate/artifacts.ts";
import { networkEvent } from "../scripts/simulate/corpus.ts";
import { parseDateMillis } from "../scripts/simulate/date-math.ts";
import { flattenEvent } from "../scripts/simulate/events.ts";
import { simulateTransform } from "../scripts/simulate/transform.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");
const artifacts = artifactsFromSources("default");

function groupEvent(minutesAgo: number): Record<string, unknown> {
  return networkEvent({
    host: "h7",
    process: "mixed.exe",
    millis: NOW - minutesAgo * 60_000,
    sourceIp: "10.9.9.9",
    destinationIp: "8.8.8.8",
    sourceBytes: 10,
    destinationBytes: 20,
  });
}

describe("simulate date fields", () => {
  it("parses ISO text and epoch millis as the default format", () => {
    expect(parseDateMillis("2026-12-04T12:00:00Z")).toBe(NOW);
    expect(parseDateMillis("2026-12-04T12:00:00")).toBe(NOW);
    expect(parseDateMillis("2026-12-04T13:00:00+01:00")).toBe(NOW);
    expect(parseDateMillis(NOW)).toBe(NOW);
    expect(parseDateMillis(String(NOW))).toBe(NOW);
    expect(parseDateMillis("yesterday")).toBeNull();
    expect(parseDateMillis("Dec 4 2026")).toBeNull();
    expect(parseDateMillis("2026-02-30")).toBeNull();
  });

  it("takes the max over ISO and epoch-millis timestamps", () => {
    const latest = NOW - 60_000;
    const raw = [groupEvent(3), groupEvent(2), groupEvent(1)];
    raw[2]!["@timestamp"] = latest;
    raw[1]!["@timestamp"] = String(NOW - 120_000);
    const events = raw.map((event, i) => flattenEvent(event, i + 1));
    const result = simulateTransform(artifacts, events, {
      nowMillis: NOW,
      shards: 1,
    });
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]!._source["@timestamp"]).toBe(
      new Date(latest).toISOString(),
    );
  });
});
