import { describe, expect, test } from "vitest";
import filters from "../artifacts-src/transform-filters.json" with { type: "json" };
import {
  DEFAULT_PARAMETERS,
  windowSeconds,
} from "../artifacts-src/parameters.ts";
import { pivotTransform } from "../artifacts-src/transform.ts";

const LISTS = [
  "excluded_process_names",
  "windows_processes_to_check",
  "private_source_ranges",
  "special_destination_ranges",
  "microsoft_and_cdn_destination_ranges",
] as const;

describe("transform filter lists", () => {
  test.each(LISTS)("%s is sorted without duplicates", (name) => {
    const list = filters[name];
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list).size).toBe(list.length);
    expect([...list].sort()).toEqual(list);
  });

  test("no process is both excluded and checked", () => {
    const checked = new Set(filters.windows_processes_to_check);
    expect(
      filters.excluded_process_names.filter((name) => checked.has(name)),
    ).toEqual([]);
    expect(checked.has("svchost.exe")).toBe(true);
  });
});

describe("pivotTransform", () => {
  const transform = pivotTransform({ toolchainVersion: "0.0.0" });
  const query = transform.source.query as {
    bool: { filter: any[]; must_not: any[] };
  };

  test("window is buckets times bucket length", () => {
    expect(windowSeconds(DEFAULT_PARAMETERS)).toBe(21600);
    expect(query.bool.filter[0]).toEqual({
      range: { "@timestamp": { gte: "now-21600s" } },
    });
  });

  test("Microsoft and CDN rule applies whatever the source", () => {
    const rule = query.bool.must_not.find((clause) => clause.bool);
    expect(rule).toEqual({
      bool: {
        filter: [
          { terms: { "process.name": filters.windows_processes_to_check } },
          {
            terms: {
              "destination.ip": filters.microsoft_and_cdn_destination_ranges,
            },
          },
        ],
      },
    });
  });

  test("private source or checked process is required", () => {
    const either = query.bool.filter.find((clause) => clause.bool);
    expect(either.bool.minimum_should_match).toBe(1);
    expect(either.bool.should).toEqual([
      { terms: { "source.ip": filters.private_source_ranges } },
      { terms: { "process.name": filters.windows_processes_to_check } },
    ]);
  });

  test("cold and frozen tiers are excluded", () => {
    expect(query.bool.must_not).toContainEqual({
      terms: { _tier: ["data_cold", "data_frozen"] },
    });
  });

  test("source index is overridable", () => {
    expect(
      pivotTransform({
        toolchainVersion: "0",
        sourceIndex: ["logs-endpoint.*"],
      }).source.index,
    ).toEqual(["logs-endpoint.*"]);
  });
});
