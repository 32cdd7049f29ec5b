import { describe, expect, it } from "vitest";

import { compileScript } from "../scripts/painless/engine.ts";
import { JMap } from "../scripts/painless/runtime/collections.ts";
import { javaToString } from "../scripts/painless/runtime/values.ts";
import { flattenEvent } from "../scripts/simulate/events.ts";
import { buildDoc } from "../scripts/simulate/values.ts";

function show(source: string, variables: Record<string, unknown> = {}): string {
  const script = compileScript(source, "runtime_test", Object.keys(variables));
  return javaToString(script.execute(variables, 1_700_000_000_000));
}

describe("collections", () => {
  it("iterates a HashMap in Java's bucket order", () => {
    expect(
      show(
        "Map m = new HashMap(); m.put(3, 'c'); m.put(17, 'q'); m.put(2, 'b'); m.put(1, 'a'); return m;",
      ),
    ).toBe("{17=q, 1=a, 2=b, 3=c}");
  });

  it("keeps insertion order in a LinkedHashMap", () => {
    expect(
      show(
        "Map m = new LinkedHashMap(); m.put(3, 'c'); m.put(1, 'a'); return m.keySet();",
      ),
    ).toBe("[3, 1]");
  });

  it("reads and writes maps through field and index shortcuts", () => {
    expect(
      show("def m = [:]; m.count = 1; m['count'] += 2; m.count++; return m;"),
    ).toBe("{count=4}");
  });

  it("sorts entries by value with a reversed comparator", () => {
    const source =
      "def m = ['a': 1, 'b': 3, 'c': 2]; List es = new ArrayList(m.entrySet());" +
      "es.sort(Map.Entry.comparingByValue().reversed()); return es.stream().map(e -> e.getKey()).collect(Collectors.toList());";
    expect(show(source)).toBe("[b, c, a]");
  });

  it("rejects a change through a keySet view", () => {
    expect(() => show("def m = ['a': 1]; m.keySet().remove('a');")).toThrow(
      /UnsupportedOperationException/,
    );
  });

  it("computes missing values with computeIfAbsent", () => {
    expect(
      show(
        "def m = [:]; m.computeIfAbsent('k', k -> new ArrayList()).add(5); return m;",
      ),
    ).toBe("{k=[5]}");
  });

  it("raises IndexOutOfBoundsException for a bad list index", () => {
    expect(() => show("def l = [1]; return l[3];")).toThrow(
      /IndexOutOfBoundsException: Index 3 out of bounds for length 1/,
    );
  });
});

describe("streams", () => {
  it("averages doubles into an OptionalDouble", () => {
    expect(
      show(
        "return [1, 2, 4].stream().mapToDouble(x -> x).average().getAsDouble();",
      ),
    ).toBe(String(7 / 3));
  });

  it("filters, maps and joins", () => {
    expect(
      show(
        "return ['a', 'bb', 'ccc'].stream().filter(s -> s.length() > 1).collect(Collectors.joining(','));",
      ),
    ).toBe("bb,ccc");
  });

  it("takes the max with a comparator", () => {
    expect(show("return [3, 9, 4].stream().max((a, b) -> a - b).get();")).toBe(
      "9",
    );
  });
});

describe("script variables and functions", () => {
  it("reads params and writes state", () => {
    const params = new JMap();
    params.put("factor", 3);
    const state = new JMap();
    show("state.total = params.factor * 2;", { params, state });
    expect(state.get("total")).toBe(6);
  });

  it("binds System.currentTimeMillis to the simulated clock", () => {
    expect(show("return System.currentTimeMillis();")).toBe("1700000000000");
  });

  it("calls a function through a method reference", () => {
    expect(
      show(
        "int twice(int x) { return x * 2; } return [1, 2].stream().map(this::twice).collect(Collectors.toList());",
      ),
    ).toBe("[2, 4]");
  });
});

describe("unsupported constructs", () => {
  it("names the class and position of an unknown constructor", () => {
    expect(() =>
      compileScript(
        "def x = 1;\ndef r = new Random();",
        "unsupported_ctor",
        [],
      ),
    ).toThrow(
      /unsupported_ctor:2:9: not supported by the offline Painless engine: type \[Random\]/,
    );
  });

  it("names the class and method of an unknown method", () => {
    expect(() => show("def s = 'abc'; return s.chars();")).toThrow(
      /runtime_test:1:16: .*method \[java.lang.String, chars\/0\]/,
    );
  });

  it("rejects an unknown static method at compile time", () => {
    expect(() =>
      compileScript("int a = 1;\nreturn Math.ulp(1.0);", "static_call", []),
    ).toThrow(
      /static_call:2:12: not supported by the offline Painless engine: static method \[Math.ulp\/1\]/,
    );
    expect(() =>
      compileScript("return Integer.parseLong('1');", "static_call", []),
    ).toThrow(/static method \[Integer.parseLong\/1\]/);
  });
});

describe("HashMap sizing", () => {
  it("sizes a copy for its entries, as HashMap(Map) does", () => {
    // Three entries give an 8-bucket table, so 9 lands in bucket 1 before 2.
    const source =
      "Map m = new HashMap(); m.put(2, 'b'); m.put(9, 'i'); m.put(3, 'c'); return new HashMap(m);";
    expect(show(source)).toBe("{9=i, 2=b, 3=c}");
  });

  it("keeps at least 16 buckets in HashSet(Collection)", () => {
    expect(show("return new HashSet([17, 1, 2]);")).toBe("[17, 1, 2]");
  });
});

describe("compareTo", () => {
  it("rejects boxes of different classes", () => {
    expect(() => show("def a = 1; def b = 2L; return a.compareTo(b);")).toThrow(
      /ClassCastException: cannot compare java.lang.Integer with java.lang.Long/,
    );
  });

  it("sorts a list of one class", () => {
    expect(show("def l = [3L, 1L, 2L]; Collections.sort(l); return l;")).toBe(
      "[1, 2, 3]",
    );
  });
});

describe("doc values", () => {
  const event = flattenEvent(
    {
      "@timestamp": "2026-12-04T11:59:30.250Z",
      destination: { ip: "93.184.216.34", bytes: 2048 },
      tags: ["b", "a", "b"],
    },
    1,
  );
  const mapped = new Set([
    "@timestamp",
    "destination.ip",
    "destination.bytes",
    "tags",
    "source.bytes",
  ]);
  const doc = buildDoc(event, mapped, new Set(["@timestamp"]));

  it.each([
    [
      "return doc['@timestamp'].value.toInstant().toEpochMilli();",
      String(Date.parse("2026-12-04T11:59:30.250Z")),
    ],
    [
      "return doc['@timestamp'].value.getMillis();",
      String(Date.parse("2026-12-04T11:59:30.250Z")),
    ],
    ["return doc['destination.bytes'].value + 1;", "2049"],
    ["return doc['destination.ip'].value;", "93.184.216.34"],
    [
      "return doc['tags'].size() + ' ' + doc['tags'][0] + doc['tags'].get(1);",
      "2 ab",
    ],
    ["return doc['source.bytes'].empty;", "true"],
    ["return doc['source.bytes'].isEmpty();", "true"],
    [
      "return doc.containsKey('source.bytes') && !doc.containsKey('nope');",
      "true",
    ],
  ])("%s", (source, expected) => {
    expect(show(source, { doc })).toBe(expected);
  });

  it("rejects .value of an empty field", () => {
    expect(() => show("return doc['source.bytes'].value;", { doc })).toThrow(
      /IllegalStateException: A document doesn't have a value for a field!/,
    );
  });

  it("rejects an unmapped field", () => {
    expect(() => show("return doc['nope'].size();", { doc })).toThrow(
      /IllegalArgumentException: No field found for \[nope\] in mapping/,
    );
  });
});

describe("arrays", () => {
  it("initializes and indexes typed arrays", () => {
    expect(
      show(
        "int[] a = new int[] {3, 4}; long[] b = new long[2]; b[1] = a[0] + a[1]; return b[1];",
      ),
    ).toBe("7");
  });

  it("raises ArrayIndexOutOfBoundsException", () => {
    expect(() => show("double[] a = new double[2]; return a[2];")).toThrow(
      /ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2/,
    );
  });

  it("boxes double elements read through def", () => {
    expect(show("def a = new double[] {7.0}; return a[0] / 2;")).toBe("3.5");
  });
});
