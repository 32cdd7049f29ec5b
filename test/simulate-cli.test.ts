import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { generateCorpus } from "../scripts/simulate/corpus.ts";
import { ROOT, runCli } from "./helpers/cli.ts";
import { tempDir } from "./helpers/temp.ts";

const NOW = "2026-12-04T12:00:00Z";
const BIN = path.join(ROOT, "bin/ml-beaconing.mjs");

function writeEvents(lines: string[]): string {
  const file = path.join(tempDir(), "events.ndjson");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const corpus = generateCorpus({ nowMillis: Date.parse(NOW), seed: 5 });
const corpusFile = writeEvents(
  corpus.flatMap((scenario) =>
    scenario.events.map((event) => JSON.stringify(event)),
  ),
);

describe("ml-beaconing simulate", () => {
  it("writes one sorted result per group and a summary", async () => {
    const result = await runCli([
      "simulate",
      "--events",
      corpusFile,
      "--now",
      NOW,
      "--shards",
      "5",
    ]);
    expect(result.stderr).toContain("6 result documents, 4 beaconing");
    expect(result.code).toBe(0);
    const documents = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const keys = documents.map(
      (doc) => `${doc._source.host.name}/${doc._source.process.name}`,
    );
    expect(keys).toEqual([
      "h1/beacon.exe",
      "h1/slow.exe",
      "h2/poisson.exe",
      "h2/ssh.exe",
      "h4/fast.exe",
      "h4/rare.exe",
    ]);
    expect(documents[0]._source.beacon_stats.beaconing_score).toBe(3);
  });

  it("accepts dotted keys", async () => {
    const file = writeEvents(
      [0, 1, 2].map((minute) =>
        JSON.stringify({
          "@timestamp": new Date(
            Date.parse(NOW) - minute * 60_000 - 1000,
          ).toISOString(),
          "event.category": "network",
          "event.action": "disconnect_received",
          "host.name": "h9",
          "process.name": "dotted.exe",
          "source.ip": "10.0.0.1",
          "destination.ip": "1.1.1.1",
        }),
      ),
    );
    const result = await runCli(["simulate", "--events", file, "--now", NOW]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)._source.beacon_stats).toEqual({
      interval: 3,
      non_empty_buckets: 3,
    });
  });

  it("rejects an invalid --now", async () => {
    const result = await runCli([
      "simulate",
      "--events",
      corpusFile,
      "--now",
      "yesterday",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--now yesterday is not a date");
  });

  it("names the line of invalid JSON", async () => {
    const file = writeEvents(["{}", "{not json"]);
    const result = await runCli(["simulate", "--events", file, "--now", NOW]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/events.ndjson line 2: invalid JSON/);
  });
});

describe("ml-beaconing simulate options", () => {
  it("runs the artifacts of a built bundle zip", async () => {
    const out = tempDir();
    const build = await runCli(["build", "--out", out, "--date", "2026-12-04"]);
    expect(build.code).toBe(0);
    const zip = path.join(out, "ML-Beaconing-20261204-1.zip");
    const result = await runCli([
      "simulate",
      "--bundle",
      zip,
      "--events",
      corpusFile,
      "--now",
      NOW,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(6);
  });

  it("renders a space the bundle lacks from its templates", async () => {
    const out = tempDir();
    await runCli(["build", "--out", out, "--date", "2026-12-04"]);
    const zip = path.join(out, "ML-Beaconing-20261204-1.zip");
    const result = await runCli([
      "simulate",
      "--bundle",
      zip,
      "--space",
      "soc",
      "--events",
      corpusFile,
      "--now",
      NOW,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.split("\n")[0] ?? "")._index).toBe(
      "ml_beaconing_soc",
    );
  });

  it("rejects an invalid space id", async () => {
    const result = await runCli([
      "simulate",
      "--space",
      "Bad Space",
      "--events",
      corpusFile,
      "--now",
      NOW,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid space id "Bad Space"');
  });

  it("warns when no event is recent enough", async () => {
    const result = await runCli([
      "simulate",
      "--events",
      corpusFile,
      "--now",
      "2027-01-01T00:00:00Z",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no event matched the source query");
    expect(result.stderr).toMatch(/: \d+ outside @timestamp gte now-\d+s/);
    expect(result.stderr).not.toContain("set --now to a time just after");
  });
});

describe("ml-beaconing simulate --events -", () => {
  it("reads events from standard input", () => {
    const input = corpus[0]!.events
      .slice(0, 3)
      .map((event) => JSON.stringify(event))
      .join("\n");
    const stdout = execFileSync(
      process.execPath,
      [BIN, "simulate", "--events", "-", "--now", NOW],
      {
        input,
        cwd: ROOT,
        stdio: ["pipe", "pipe", "ignore"],
      },
    ).toString();
    expect(JSON.parse(stdout)._source.beacon_stats).toEqual({
      interval: 3,
      non_empty_buckets: 3,
    });
  });
});
