// Benchmark of the transform simulator: 1,000,000 events over 10,000
// host x process groups through the shipped query and Painless scripts.
// Prints events per second, milliseconds per group and peak memory. It is a
// measurement, not a test: nothing fails on a slow machine.
//
//   npm run bench [-- --events N --groups G --shards S]

import os from "node:os";
import { parseArgs } from "node:util";
import { artifactsFromSources } from "../simulate/artifacts.ts";
import { createRandom, networkEvent } from "../simulate/corpus.ts";
import { flattenEvent, type SimEvent } from "../simulate/events.ts";
import { simulateTransform } from "../simulate/transform.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");
const WINDOW_MILLIS = 6 * 3600_000;

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    groups: { type: "string", default: "10000" },
    shards: { type: "string", default: "5" },
  },
});
const eventCount = Number(values.events);
const groupCount = Number(values.groups);
const shards = Number(values.shards);

/** Events spread evenly over the groups at random times of the window. */
function generateEvents(): SimEvent[] {
  const random = createRandom(7);
  const events: SimEvent[] = new Array(eventCount);
  for (let i = 0; i < eventCount; i++) {
    const group = i % groupCount;
    const event = networkEvent({
      host: `host-${Math.floor(group / 100)}`,
      process: `process-${group % 100}.exe`,
      millis: Math.round(NOW - random() * WINDOW_MILLIS),
      sourceIp: "10.1.1.5",
      destinationIp: `93.184.${Math.floor(random() * 4)}.${Math.floor(random() * 8) + 1}`,
      sourceBytes: Math.floor(100 + random() * 1000),
      destinationBytes: Math.floor(100 + random() * 10_000),
    });
    events[i] = flattenEvent(event, i + 1);
  }
  return events;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const generateStart = performance.now();
const events = generateEvents();
const generateMillis = performance.now() - generateStart;

const artifacts = artifactsFromSources("default");
const simulateStart = performance.now();
const cpuStart = process.cpuUsage();
const result = simulateTransform(artifacts, events, { nowMillis: NOW, shards });
const simulateMillis = performance.now() - simulateStart;
const cpu = process.cpuUsage(cpuStart);
// CPU time counts the garbage collector's helper threads too.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  `machine: ${os.cpus().length} x ${cpuModel}, ${megabytes(os.totalmem())} RAM, Node ${process.version}`,
  `input: ${eventCount} events, ${groupCount} groups, ${shards} shards`,
  `generate events: ${(generateMillis / 1000).toFixed(1)} s`,
  `simulate: ${(simulateMillis / 1000).toFixed(1)} s, ${Math.round(eventCount / (simulateMillis / 1000))} events/s, ${(simulateMillis / result.summary.groups).toFixed(2)} ms per group`,
  `simulate CPU time: ${cpuSeconds.toFixed(1)} s (wall time above also counts other load on the machine)`,
  `results: ${result.summary.groups} groups, ${result.summary.matched} events matched, ${result.summary.beaconing} beaconing`,
  `peak memory (max RSS): ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
  `total: ${((generateMillis + simulateMillis) / 1000).toFixed(1)} s`,
];
process.stdout.write(`${lines.join("\n")}\n`);
