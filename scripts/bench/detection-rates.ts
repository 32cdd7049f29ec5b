// Measures the detection rates of the shipped transform and Painless
// scripts. Runs the transform simulator over many generated groups per
// scenario: beacons of 30 s to 30 min with several jitters, Poisson
// background and bursty interactive traffic. Prints, per scenario, the share
// of groups flagged is_beaconing, periodic and low_count_variation, and the
// periods reported.
// Every beacon group gets its own random phase, so events fall anywhere in
// their minute bucket. It is a measurement, not a test: nothing fails.
//
//   npm run detection-rates [-- --seeds N --param name=value ...]
//
// --param overrides a scripted-metric parameter, for example max_jitter=0.1,
// and takes a JSON value.

import { parseArgs } from "node:util";
import {
  artifactsFromSources,
  scriptedMetricOf,
} from "../simulate/artifacts.ts";
import { flattenEvent, type SimEvent } from "../simulate/events.ts";
import { beacon, bursty, createRandom, poisson } from "../simulate/traffic.ts";
import { simulateTransform } from "../simulate/transform.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");

interface Scenario {
  name: string;
  /** Beacon period in minute buckets; undefined below 2 buckets. */
  periodBuckets?: number;
  generate(
    process: string,
    random: () => number,
  ): Array<Record<string, unknown>>;
}

function beaconScenario(periodSeconds: number, jitter: string): Scenario {
  const jitterSeconds = jitter.endsWith("%")
    ? (periodSeconds * Number(jitter.slice(0, -1))) / 100
    : Number(jitter);
  const periodName =
    periodSeconds < 120 ? `${periodSeconds} s` : `${periodSeconds / 60} min`;
  return {
    name: `beacon ${periodName} ±${jitter === "0" ? "0 s" : jitter.endsWith("%") ? jitter : `${jitter} s`}`,
    periodBuckets: periodSeconds >= 120 ? periodSeconds / 60 : undefined,
    generate: (process, random) =>
      beacon(
        {
          host: "beacon",
          process,
          periodSeconds,
          jitterSeconds,
          phaseSeconds: random() * periodSeconds,
          sourceBytes: [300, 500],
          destinationBytes: [1000, 4000],
        },
        NOW,
        random,
      ),
  };
}

function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const period of [30, 60, 120, 300, 600, 1800])
    for (const jitter of ["0", "10", "20", "20%"])
      list.push(beaconScenario(period, jitter));
  for (const mean of [30, 90, 300])
    list.push({
      name: `Poisson, mean gap ${mean < 120 ? `${mean} s` : `${mean / 60} min`}`,
      generate: (process, random) =>
        poisson("background", process, mean, NOW, random),
    });
  list.push({
    name: "bursty interactive",
    generate: (process, random) => bursty("bursty", process, NOW, random),
  });
  return list;
}

interface Stats {
  is_beaconing?: boolean;
  periodic?: boolean;
  low_count_variation?: boolean;
  max_autocovariance_period?: number;
}

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "100" },
    param: { type: "string", multiple: true, default: [] },
  },
});
const seeds = Number(values.seeds);

const artifacts = artifactsFromSources("default");
const transform = structuredClone(artifacts.transform);
const [, metric] = scriptedMetricOf(transform);
const params = metric.params as Record<string, unknown>;
for (const assignment of values.param) {
  const [name, value] = assignment.split("=");
  params[name!] = JSON.parse(value!);
}

const percent = (count: number) => `${Math.round((100 * count) / seeds)} %`;

function measure(scenario: Scenario, index: number): string[] {
  const events: SimEvent[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const random = createRandom(index * 100_000 + seed);
    for (const event of scenario.generate(`seed-${seed}.exe`, random))
      events.push(flattenEvent(event, events.length + 1));
  }
  const result = simulateTransform({ ...artifacts, transform }, events, {
    nowMillis: NOW,
    shards: 1,
  });
  const stats = result.documents.map(
    (doc) => (doc._source.beacon_stats ?? {}) as Stats,
  );
  const count = (test: (s: Stats) => boolean) => stats.filter(test).length;
  const periods = new Map<number, number>();
  for (const s of stats) {
    if (!s.periodic) continue;
    const period = s.max_autocovariance_period ?? 0;
    periods.set(period, (periods.get(period) ?? 0) + 1);
  }
  const topPeriods = [...periods]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, 3)
    .map(([period, n]) => `${period} (${n})`)
    .join(", ");
  const expected = scenario.periodBuckets;
  return [
    scenario.name,
    percent(count((s) => s.is_beaconing === true)),
    percent(count((s) => s.periodic === true)),
    percent(count((s) => s.low_count_variation === true)),
    expected === undefined
      ? "-"
      : percent(
          count(
            (s) =>
              s.periodic === true && s.max_autocovariance_period === expected,
          ),
        ),
    topPeriods || "-",
  ];
}

const header = [
  "scenario",
  "is_beaconing",
  "periodic",
  "low_count_variation",
  "periodic, true period",
  "reported periods (groups)",
];
const rows = scenarios().map(measure);
const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
const overrides = values.param.length ? values.param.join(", ") : "none";
process.stdout.write(
  [
    `${seeds} groups per scenario, now ${new Date(NOW).toISOString()}, parameter overrides: ${overrides}`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...rows.map(line),
  ].join("\n") + "\n",
);
