import { describe, expect, it } from "vitest";

import { evaluateDateMath } from "../scripts/simulate/date-math.ts";
import { flattenEvent } from "../scripts/simulate/events.ts";
import { cidrContains, parseCidr, parseIp } from "../scripts/simulate/ip.ts";
import { compileQuery, QueryError } from "../scripts/simulate/query.ts";

const NOW = Date.parse("2026-12-04T12:00:00Z");

function matches(query: unknown, event: Record<string, unknown>): boolean {
  const predicate = compileQuery(query, "", {
    nowMillis: NOW,
    dateFields: new Set(["@timestamp"]),
  });
  return predicate(flattenEvent(event, 1));
}

function inCidr(cidr: string, ip: string): boolean {
  const parsed = parseCidr(cidr);
  const address = parseIp(ip);
  if (!parsed || address === null)
    throw new Error(`bad test input ${cidr} ${ip}`);
  return cidrContains(parsed, address);
}

describe("CIDR matching", () => {
  it.each([
    ["10.0.0.0/8", "10.255.1.2", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["172.16.0.0/12", "172.31.255.255", true],
    ["172.16.0.0/12", "172.32.0.0", false],
    ["192.0.0.10/32", "192.0.0.10", true],
    ["192.0.0.10/32", "192.0.0.11", false],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["FE80::/10", "fe80::1", true],
    ["FE80::/10", "fec0::1", false],
    ["FF00::/8", "ff02::1", true],
    ["::1", "::1", true],
    ["::1", "::2", false],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["::ffff:0:0/96", "10.1.1.1", true],
    ["10.0.0.0/8", "::ffff:10.1.2.3", true],
  ])("%s contains %s: %s", (cidr, ip, expected) => {
    expect(inCidr(cidr, ip)).toBe(expected);
  });

  it("rejects malformed addresses", () => {
    expect(parseIp("10.0.0.256")).toBeNull();
    expect(parseIp("1::2::3")).toBeNull();
    expect(parseCidr("10.0.0.0/33")).toBeNull();
  });
});

describe("date math", () => {
  it.each([
    ["now", NOW],
    ["now-6h", NOW - 6 * 3600_000],
    ["now-21600s", NOW - 21_600_000],
    ["now-1d/d", Date.parse("2026-12-03T00:00:00Z")],
    ["now+1M", Date.parse("2027-01-04T12:00:00Z")],
    ["2026-01-01T00:00:00Z||+1h", Date.parse("2026-01-01T01:00:00Z")],
  ])("%s", (expression, expected) => {
    expect(evaluateDateMath(expression, NOW)).toBe(expected);
  });

  it("rejects an unknown unit", () => {
    expect(() => evaluateDateMath("now-6x", NOW)).toThrow(
      /invalid date math \[now-6x\]/,
    );
  });
});

describe("query clauses", () => {
  const event = {
    "@timestamp": "2026-12-04T11:00:00Z",
    event: { category: ["network"], action: "disconnect_received" },
    "source.ip": "10.1.1.5",
    destination: { ip: "93.184.216.34", bytes: 2048 },
    process: { name: "beacon.exe" },
  };

  it("matches term on one value of an array field", () => {
    expect(matches({ term: { "event.category": "network" } }, event)).toBe(
      true,
    );
    expect(
      matches({ term: { "event.category": { value: "process" } } }, event),
    ).toBe(false);
  });

  it("matches terms with CIDR ranges on IP fields", () => {
    expect(
      matches(
        { terms: { "source.ip": ["192.168.0.0/16", "10.0.0.0/8"] } },
        event,
      ),
    ).toBe(true);
    expect(
      matches(
        { terms: { "destination.ip": ["10.0.0.0/8", "FE80::/10"] } },
        event,
      ),
    ).toBe(false);
  });

  it("compares keyword terms exactly", () => {
    expect(matches({ terms: { "process.name": ["Beacon.exe"] } }, event)).toBe(
      false,
    );
  });

  it("checks exists, including dotted keys", () => {
    expect(matches({ exists: { field: "source.ip" } }, event)).toBe(true);
    expect(matches({ exists: { field: "source.bytes" } }, event)).toBe(false);
  });

  it("evaluates range with date math against now", () => {
    expect(matches({ range: { "@timestamp": { gte: "now-6h" } } }, event)).toBe(
      true,
    );
    expect(
      matches({ range: { "@timestamp": { gte: "now-30m" } } }, event),
    ).toBe(false);
    expect(
      matches(
        { range: { "destination.bytes": { gt: 1000, lte: 2048 } } },
        event,
      ),
    ).toBe(true);
  });

  it("applies bool filter, must_not and should with minimum_should_match", () => {
    const should = [
      { term: { "process.name": "x.exe" } },
      { term: { "process.name": "beacon.exe" } },
    ];
    expect(
      matches(
        {
          bool: {
            filter: [{ exists: { field: "destination.ip" } }],
            should,
            minimum_should_match: 1,
          },
        },
        event,
      ),
    ).toBe(true);
    expect(matches({ bool: { should, minimum_should_match: 2 } }, event)).toBe(
      false,
    );
    expect(
      matches({ bool: { filter: [{ match_all: {} }], should } }, event),
    ).toBe(true);
    expect(
      matches(
        { bool: { must_not: [{ term: { "process.name": "beacon.exe" } }] } },
        event,
      ),
    ).toBe(false);
  });

  it("treats _tier as data_hot unless the event sets it", () => {
    const notCold = {
      bool: { must_not: [{ terms: { _tier: ["data_cold", "data_frozen"] } }] },
    };
    expect(matches(notCold, event)).toBe(true);
    expect(matches(notCold, { ...event, _tier: "data_frozen" })).toBe(false);
  });

  it("rejects an unsupported clause with its path", () => {
    expect(() =>
      matches(
        { bool: { filter: [{ match: { "process.name": "x" } }] } },
        event,
      ),
    ).toThrow(QueryError);
    expect(() =>
      matches(
        { bool: { filter: [{ match: { "process.name": "x" } }] } },
        event,
      ),
    ).toThrow(
      "source.query.bool.filter[0].match: query clause [match] is not supported by the simulator",
    );
  });
});

describe("compileQuery clause forms", () => {
  it("accepts a single object as bool.filter", () => {
    const query = { bool: { filter: { term: { "event.action": "a" } } } };
    expect(matches(query, { event: { action: "a" } })).toBe(true);
    expect(matches(query, { event: { action: "b" } })).toBe(false);
  });

  it("matches exists on an object field by its subfields", () => {
    const query = { exists: { field: "destination" } };
    expect(matches(query, { destination: { ip: "1.1.1.1" } })).toBe(true);
    expect(matches(query, { "destination.port": 443 })).toBe(true);
    expect(matches(query, { destinations: 1 })).toBe(false);
  });

  it("applies term case_insensitive", () => {
    const query = {
      term: { "process.name": { value: "Svc.EXE", case_insensitive: true } },
    };
    expect(matches(query, { process: { name: "svc.exe" } })).toBe(true);
    const exact = { term: { "process.name": { value: "Svc.EXE" } } };
    expect(matches(exact, { process: { name: "svc.exe" } })).toBe(false);
  });

  it("rejects an unknown term option naming its path", () => {
    const query = {
      bool: {
        filter: [{ term: { "process.name": { value: "a", fuzzy: 1 } } }],
      },
    };
    expect(() => matches(query, {})).toThrow(
      "source.query.bool.filter[0].term.process.name: term option [fuzzy] is not supported",
    );
  });
});
