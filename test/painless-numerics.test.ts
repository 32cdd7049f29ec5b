import { describe, expect, it } from "vitest";

import { compileScript } from "../scripts/painless/engine.ts";
import { PainlessRuntimeError } from "../scripts/painless/errors.ts";
import {
  javaClassOf,
  javaToString,
} from "../scripts/painless/runtime/values.ts";

function run(source: string): unknown {
  return compileScript(source, "numerics_test", []).execute({}, 0);
}

/** The result as Java would print it, with its boxed class. */
function show(source: string): string {
  const result = run(source);
  return `${javaClassOf(result).replace("java.lang.", "")} ${javaToString(result)}`;
}

describe("int arithmetic", () => {
  it.each([
    ["int a = 2147483647; return a + 1;", "Integer -2147483648"],
    ["return 2147483647 + 1;", "Integer -2147483648"],
    ["int a = -2147483648; return a - 1;", "Integer 2147483647"],
    ["int a = 65536; return a * a;", "Integer 0"],
    ["int a = -2147483648; return a / -1;", "Integer -2147483648"],
    ["return 7 / 2;", "Integer 3"],
    ["return -7 / 2;", "Integer -3"],
    ["return -7 % 3;", "Integer -1"],
    ["return 7 % -3;", "Integer 1"],
    ["return -8 >> 1;", "Integer -4"],
    ["return -8 >>> 28;", "Integer 15"],
    ["return 1 << 33;", "Integer 2"],
  ])("%s", (source, expected) => {
    expect(show(source)).toBe(expected);
  });

  it("raises ArithmeticException on division by zero", () => {
    expect(() => run("int z = 0; return 1 / z;")).toThrow(
      /ArithmeticException: \/ by zero/,
    );
  });
});

describe("long arithmetic", () => {
  it.each([
    [
      "long x = 9223372036854775807L; return x + 1;",
      "Long -9223372036854775808",
    ],
    [
      "long x = -9223372036854775808L; return x - 1;",
      "Long 9223372036854775807",
    ],
    ["long x = 4294967296L; return x * x;", "Long 0"],
    ["return -7L / 2;", "Long -3"],
    ["return -7L % 3;", "Long -1"],
    ["return 1L << 63;", "Long -9223372036854775808"],
    ["return -1L >>> 60;", "Long 15"],
    ["int a = 2147483647; long b = a + 1L; return b;", "Long 2147483648"],
    ["int a = 2147483647; long b = a + 1; return b;", "Long -2147483648"],
  ])("%s", (source, expected) => {
    expect(show(source)).toBe(expected);
  });
});

describe("casts", () => {
  it.each([
    ["return (int) 3.9;", "Integer 3"],
    ["return (int) -3.9;", "Integer -3"],
    ["return (int) 1e20;", "Integer 2147483647"],
    ["return (int) Double.NaN;", "Integer 0"],
    ["return (long) -1e30;", "Long -9223372036854775808"],
    ["return (int) 4294967297L;", "Integer 1"],
    ["return (short) 40000;", "Integer -25536"],
    ["return (byte) 200;", "Integer -56"],
    ["return (double) 7 / 2;", "Double 3.5"],
    ["def x = 3.9; return (int) x;", "Integer 3"],
    ["return (float) 0.1;", "Float 0.1"],
  ])("%s", (source, expected) => {
    expect(show(source)).toBe(expected);
  });

  it("rejects an implicit narrowing at compile time", () => {
    expect(() => compileScript("int i = 3.5;", "casts", [])).toThrow(
      /casts:1:5: compile error: cannot implicitly cast from \[double\] to \[int\]/,
    );
  });

  it("rejects unboxing a Double into an int at run time", () => {
    expect(() => run("def d = 3.5; int i = d; return i;")).toThrow(
      /ClassCastException: Cannot cast java.lang.Double to int/,
    );
  });

  it("narrows implicitly in a compound assignment", () => {
    expect(show("int i = 1; i += 1.7; return i;")).toBe("Integer 2");
  });
});

describe("double maths and def dispatch", () => {
  it.each([
    ["double d = 7; return d / 2;", "Double 3.5"],
    ["return 1.0 / 0;", "Double Infinity"],
    ["return 0.1 + 0.2;", "Double 0.30000000000000004"],
    ["return 1e7;", "Double 1.0E7"],
    ["return 0.001;", "Double 0.001"],
    ["return 1.0E-4;", "Double 1.0E-4"],
    ["def x = 7; return x / 2;", "Integer 3"],
    ["def x = 7; def y = 2L; return x / y;", "Long 3"],
    ["def x = 7; def y = 2.0; return x / y;", "Double 3.5"],
    ["def x = 1; def y = 1L; return x == y;", "Boolean true"],
    ["return Math.max(1, 2);", "Double 2.0"],
    ["return Math.round(-2.5);", "Long -2"],
    ["return Math.round(0.49999999999999994);", "Long 0"],
    ["def s = 'n=' + 1 + 2.0; return s;", "String n=12.0"],
  ])("%s", (source, expected) => {
    expect(show(source)).toBe(expected);
  });
});

describe("loop limit", () => {
  it("stops an endless loop with the script id and line", () => {
    const script = compileScript(
      "int i = 0;\nwhile (true) {\n  i++;\n}",
      "endless_script",
      [],
    );
    let caught: unknown;
    try {
      script.execute({}, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PainlessRuntimeError);
    expect((caught as PainlessRuntimeError).message).toMatch(
      /^endless_script:2:1: PainlessError: The maximum number of statements/,
    );
  });

  it("counts iterations across loops in one execution", () => {
    const source =
      "for (int i = 0; i < 600000; i++) {}\nfor (int j = 0; j < 600000; j++) {}";
    expect(() => compileScript(source, "two_loops", []).execute({}, 0)).toThrow(
      /two_loops:2:1/,
    );
  });

  it("allows one million iterations", () => {
    expect(
      show("int n = 0; for (int i = 0; i < 1000000; i++) { n++; } return n;"),
    ).toBe("Integer 1000000");
  });

  it("cannot be caught by the script", () => {
    const source = "try { while (true) {} } catch (Exception e) { return 1; }";
    expect(() => run(source)).toThrow(/maximum number of statements/);
  });

  it("resets between executions", () => {
    const script = compileScript(
      "for (int i = 0; i < 900000; i++) {} return 1;",
      "reset",
      [],
    );
    expect(script.execute({}, 0)).toBe(1);
    expect(script.execute({}, 0)).toBe(1);
  });
});
