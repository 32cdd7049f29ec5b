import { describe, expect, it } from "vitest";

import {
  artifactsFromSources,
  type SimulationArtifacts,
} from "../scripts/simulate/artifacts.ts";
import { generateCorpus, networkEvent } from "../scripts/simulate/corpus.ts";
import { flattenEvent, type SimEvent } from "../scripts/simulate/events.ts";
import {
  checkDetection,
  worstCaseReduceLoops,
} from "../scripts/simulate/guard.ts";
import {
  shardOf,
  simulateTransform,
  type SimulationResult,
} from "../scripts/simulate/transform.ts";
import { verdictMismatches } from "../scripts/simulate/verdict.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");
const artifacts = artifactsFromSources("default");
const scenarios = generateCorpus({ nowMillis: NOW, seed: 42 });

// Three events of one group: with five shards at least two shards hold none.
const tinyGroup = [1, 2, 3].map((minutes) =>
  networkEvent({
    host: "h5",
    process: "tiny.exe",
    millis: NOW - minutes * 60_000,
    sourceIp: "10.9.9.9",
    destinationIp: "8.8.8.8",
    sourceBytes: 10,
    destinationBytes: 20,
  }),
);

const events: SimEvent[] = [
  ...scenarios.flatMap((scenario) => scenario.events),
  ...tinyGroup,
].map((event, i) => flattenEvent(event, i + 1));

function run(
  shards: number,
  source: SimulationArtifacts = artifacts,
): SimulationResult {
  return simulateTransform(source, events, { nowMillis: NOW, shards });
}

function resultOf(result: SimulationResult, host: string, process: string) {
  return result.documents.find((doc) => {
    const source = doc._source as {
      host: { name: string };
      process: { name: string };
    };
    return source.host.name === host && source.process.name === process;
  });
}

const oneShard = run(1);
const fiveShards = run(5);

describe("simulate with the shipped scripts", () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    "gives the expected verdict for %s",
    (_, scenario) => {
      const document = resultOf(fiveShards, scenario.host, scenario.process);
      expect(verdictMismatches(scenario.expected, document?._source)).toEqual(
        [],
      );
    },
  );

  it("scores the 60 s beacon 3", () => {
    const stats = resultOf(oneShard, "h1", "beacon.exe")?._source
      .beacon_stats as Record<string, unknown>;
    expect(stats.is_beaconing).toBe(true);
    expect(stats.low_count_variation).toBe(true);
    expect(stats.low_source_bytes_variation).toBe(true);
    expect(stats.low_destination_bytes_variation).toBe(true);
    expect(stats.beaconing_score).toBe(3);
    expect(stats.destination_ips).toEqual(["93.184.216.34"]);
  });

  it("finds the 5-minute period of the jittered beacon", () => {
    const stats = resultOf(oneShard, "h1", "slow.exe")?._source
      .beacon_stats as Record<string, unknown>;
    expect(stats.periodic).toBe(true);
    expect(stats.max_autocovariance_period).toBe(5);
  });

  it("writes group keys, max timestamp and pipeline fields", () => {
    const document = resultOf(oneShard, "h1", "beacon.exe");
    expect(document?._index).toBe("ml_beaconing_default");
    expect(document?._id).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(document?._source["@timestamp"]).toBe("2026-12-04T11:59:30.000Z");
    expect(document?._source.event).toEqual({
      ingested: "2026-12-04T12:00:00.000Z",
    });
  });

  it("sorts results by host, then process", () => {
    const keys = oneShard.documents.map((doc) => {
      const source = doc._source as {
        host: { name: string };
        process: { name: string };
      };
      return `${source.host.name}/${source.process.name}`;
    });
    expect(keys).toEqual([...keys].sort());
  });

  it("reports only the short span of a group with three events", () => {
    const stats = resultOf(fiveShards, "h5", "tiny.exe")?._source.beacon_stats;
    expect(stats).toEqual({ interval: 3, non_empty_buckets: 3 });
  });
});

describe("shard count", () => {
  it("leaves a shard without documents of the tiny group", () => {
    const lines = events
      .filter((event) => event.fields["host.name"] === "h5")
      .map((event) => event.line);
    const used = new Set(lines.map((line) => shardOf(line, 5)));
    expect(used.size).toBeLessThan(5);
  });

  it("gives the same results with 1 and 5 shards", () => {
    expect(fiveShards.documents).toEqual(oneShard.documents);
    expect(fiveShards.summary).toEqual(oneShard.summary);
  });
});

describe("simulate failures", () => {
  function withReduce(source: string): SimulationArtifacts {
    return {
      ...artifacts,
      scripts: {
        ...artifacts.scripts,
        reduce: { id: "broken_reduce", source },
      },
    };
  }

  it("names the group, script and line of a runtime error", () => {
    const broken = withReduce("def x = null;\nreturn x.size();");
    expect(() => run(1, broken)).toThrow(
      /scripted metric failed for group host.name=h1, process.name=beacon.exe: broken_reduce:2:1: NullPointerException/,
    );
  });

  it("stops an endless reduce with the loop-limit error", () => {
    const broken = withReduce("int i = 0;\nwhile (true) { i++; }");
    expect(() => run(1, broken)).toThrow(
      /broken_reduce:2:1: PainlessError: The maximum number of statements/,
    );
  });
});

describe("checkDetection", () => {
  it("passes the shipped scripts", () => {
    expect(checkDetection(artifacts)).toEqual([]);
  });

  it("reports a reduce script that never flags a beacon", () => {
    const problems = checkDetection({
      ...artifacts,
      scripts: {
        ...artifacts.scripts,
        reduce: {
          id: "silent_reduce",
          source: "return ['is_beaconing': false];",
        },
      },
    });
    const missed = problems.filter(
      (problem) => problem.code === "detection-missed-beacon",
    );
    expect(missed.map((problem) => problem.location)).toContain(
      "scenario beacon-60s",
    );
  });

  it("reports a script that does not compile", () => {
    const problems = checkDetection({
      ...artifacts,
      scripts: {
        ...artifacts.scripts,
        map: { id: "bad_map", source: "state.x = ;" },
      },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe("detection-simulation-failed");
    expect(problems[0]?.message).toContain("bad_map:1:11: syntax error");
  });
});

describe("worstCaseReduceLoops", () => {
  it("stays far below the Painless limit with the default parameters", () => {
    const loops = worstCaseReduceLoops(artifacts);
    expect(loops).toBeGreaterThan(1000);
    expect(loops).toBeLessThan(200_000);
  });

  it("reports a reduce script over the loop budget", () => {
    const heavy =
      "int n = 0;\nfor (int i = 0; i < 600000; i++) { n++; }\nreturn ['is_beaconing': false];";
    const problems = checkDetection({
      ...artifacts,
      scripts: {
        ...artifacts.scripts,
        reduce: { id: "heavy_reduce", source: heavy },
      },
    });
    expect(problems.map((problem) => problem.code)).toContain(
      "detection-loop-budget",
    );
  });
});
