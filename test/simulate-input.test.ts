import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { artifactsFromSources } from "../scripts/simulate/artifacts.ts";
import { networkEvent } from "../scripts/simulate/corpus.ts";
import { parseDateMillis } from "../scripts/simulate/date-math.ts";
import { flattenEvent, readEvents } from "../scripts/simulate/events.ts";
import { coerceLong } from "../scripts/simulate/mapping.ts";
import { simulateTransform } from "../scripts/simulate/transform.ts";
import { runCli } from "./helpers/cli.ts";
import { tempDir } from "./helpers/temp.ts";

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

function writeEvents(events: Array<Record<string, unknown>>): string {
  const file = path.join(tempDir(), "events.ndjson");
  writeFileSync(file, events.map((event) => JSON.stringify(event)).join("\n"));
  return file;
}

function simulateFile(file: string) {
  return runCli([
    "simulate",
    "--events",
    file,
    "--now",
    new Date(NOW).toISOString(),
  ]);
}

describe("simulate input checks", () => {
  it("reports events with an invalid or missing timestamp", async () => {
    const bad = [groupEvent(3), groupEvent(2), groupEvent(1)];
    bad[0]!["@timestamp"] = "yesterday";
    bad[1]!["@timestamp"] = null;
    delete bad[2]!["@timestamp"];
    const result = await simulateFile(writeEvents([groupEvent(4), ...bad]));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("3 events left out");
    expect(result.stderr).toContain(
      "line 2: @timestamp [yesterday] is not a date",
    );
    expect(result.stderr).toContain("line 3: @timestamp is missing or null");
    expect(result.stderr).toContain("line 4: @timestamp is missing or null");
    expect(result.stderr).not.toContain("set --now to a time just after");
  });

  it("counts events removed by each top-level filter", async () => {
    const other = groupEvent(1);
    other.event = { category: "network", action: "connection_attempted" };
    const old = groupEvent(60 * 24);
    const result = await simulateFile(writeEvents([groupEvent(2), other, old]));
    expect(result.stderr).toContain("1 not event.action disconnect_received");
    expect(result.stderr).toMatch(/1 outside @timestamp gte now-\d+s/);
  });

  it("warns about events later than --now", async () => {
    const file = writeEvents([groupEvent(2), groupEvent(-5), groupEvent(-10)]);
    const result = await simulateFile(file);
    expect(result.stderr).toContain("2 matching events are later than --now");
    expect(result.stderr).toContain("set --now after the last event");
  });

  it("coerces numeric byte strings and rejects others by line", async () => {
    const events = [groupEvent(3), groupEvent(2), groupEvent(1)];
    events[0]!.source = { ip: "10.9.9.9", bytes: "512" };
    events[1]!.source = { ip: "10.9.9.9", bytes: "many" };
    events[2]!.destination = { ip: "8.8.8.8", bytes: "9223372036854775808" };
    const result = await simulateFile(writeEvents(events));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("2 events left out");
    expect(result.stderr).toContain(
      "line 2: source.bytes [many] is not a number",
    );
    expect(result.stderr).toContain(
      "line 3: destination.bytes [9223372036854775808] is out of range for a long",
    );
    expect(JSON.parse(result.stdout)._source.host.name).toBe("h7");
  });

  it("coerces long values as Elasticsearch does", () => {
    expect(coerceLong("512")).toBe(512);
    expect(coerceLong(" 512.9 ")).toBe(512);
    expect(coerceLong(12.7)).toBe(12);
    expect(coerceLong("9223372036854775807")).toBe(2 ** 63);
    expect(coerceLong("9223372036854775808")).toMatch(/out of range/);
    expect(coerceLong(1e19)).toMatch(/out of range/);
    expect(coerceLong(true)).toMatch(/not a number/);
  });
});

describe("simulate options", () => {
  it.each(["1e3", "0x10", " 3", "0", "1001", "2.0"])(
    "rejects --shards %j",
    async (shards) => {
      const file = writeEvents([groupEvent(1)]);
      const result = await runCli([
        "simulate",
        "--events",
        file,
        "--shards",
        shards,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("use a whole number from 1 to 1000");
    },
  );

  it("states the --shards range and the --now zone in help", async () => {
    const result = await runCli(["simulate", "--help"]);
    const help = result.stdout.replace(/\s+/g, " ");
    expect(help).toContain("a whole number from 1 to 1000");
    expect(help).toContain("UTC when it has no zone");
    expect(help).toContain(
      "as NDJSON, one document per group, with or without --json",
    );
    expect(help).toContain("an error is written to standard output");
  });
});

describe("simulate event reading", () => {
  it("reads events line by line from a stream", async () => {
    const stream = Readable.from(['{"a":1}\r\n\r\n{"b":', '2}\n{"c":3}']);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    const events = await readEvents(lines, "in.ndjson");
    expect(events.map((event) => event.line)).toEqual([1, 3, 4]);
    expect(events[1]!.fields).toEqual({ b: 2 });
  });

  it("names the line of invalid JSON in a stream", async () => {
    const lines = createInterface({
      input: Readable.from(['{"a":1}\n{oops\n']),
      crlfDelay: Infinity,
    });
    await expect(readEvents(lines, "in.ndjson")).rejects.toThrow(
      "in.ndjson line 2: invalid JSON",
    );
  });

  it("rejects a folder as --events", async () => {
    const result = await simulateFile(tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot read --events");
  });
});
