import { describe, expect, it } from "vitest";

import { compileScript } from "../scripts/painless/engine.ts";
import { PainlessSyntaxError } from "../scripts/painless/errors.ts";
import { parseScript } from "../scripts/painless/parser.ts";
import { JMap } from "../scripts/painless/runtime/collections.ts";

function syntaxError(source: string): PainlessSyntaxError {
  try {
    parseScript(source, "test_script");
  } catch (error) {
    if (error instanceof PainlessSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a syntax error");
}

describe("parseScript", () => {
  it("parses declarations, loops and collection initializers", () => {
    const script = parseScript(
      `
      int n = 0; def m = [:]; List l = [1, 2, 3]; Map k = ['a': 1, 'b': 2];
      double[] xs = new double[10]; int[][] grid = new int[3][4];
      for (int i = 0; i < 10; ++i) { n += i; }
      for (def x : l) { n += x; }
      for (y in l) n -= y;
      while (n > 0) { n--; }
      do { n++; } while (n < 3);
      return n
      `,
      "s",
    );
    expect(script.functions).toHaveLength(0);
    expect(script.statements.map((s) => s.kind)).toEqual([
      "declare",
      "declare",
      "declare",
      "declare",
      "declare",
      "declare",
      "for",
      "forEach",
      "forEach",
      "while",
      "doWhile",
      "return",
    ]);
  });

  it("parses functions declared before statements", () => {
    const script = parseScript(
      "double mean(List xs) { double s = 0; for (def x : xs) { s += x; } return s / xs.size(); }\n" +
        "return mean([1, 2]);",
      "s",
    );
    expect(script.functions.map((f) => f.name)).toEqual(["mean"]);
    expect(script.functions[0]?.params).toEqual([
      { type: { name: "List", dims: 0 }, name: "xs" },
    ]);
  });

  it("parses lambdas, method references and casts", () => {
    const script = parseScript(
      `l.sort((a, b) -> b.getValue() - a.getValue());
       l.sort(Map.Entry.comparingByValue());
       def c = Integer::compare;
       def f = (int x) -> { return x * 2; };
       int i = (int) 3.9 + (int) -x;
       List q = (List) state.get('q');
       boolean b = q instanceof List && x?.y != null;
       def e = x ?: 3;
       def t = a > b ? a : b;`,
      "s",
    );
    expect(script.statements).toHaveLength(9);
    const cast = script.statements[5];
    expect(cast?.kind).toBe("declare");
    if (cast?.kind === "declare") expect(cast.vars[0]?.init?.kind).toBe("cast");
  });

  it("binds multiplication tighter than addition", () => {
    const script = parseScript("return 1 + 2 * 3", "s");
    const ret = script.statements[0];
    if (ret?.kind !== "return" || ret.value?.kind !== "binary")
      throw new Error("bad tree");
    expect(ret.value.op).toBe("+");
    expect(ret.value.right.kind).toBe("binary");
  });

  it("folds a minus sign into an integer literal", () => {
    const ret = parseScript("return -2147483648", "s").statements[0];
    expect(ret?.kind === "return" && ret.value).toMatchObject({
      kind: "number",
      text: "-2147483648",
    });
  });
});

describe("parseScript errors", () => {
  it("reports line, column and a caret for a missing semicolon", () => {
    const error = syntaxError("int a = 1;\nint b = 2\nint c = 3;");
    expect(error.position).toEqual({ line: 3, column: 1 });
    expect(error.message).toContain(
      "test_script:3:1: syntax error: expected ';', found 'int'",
    );
    expect(error.message).toContain("int c = 3;\n^");
  });

  it("reports an unterminated string at its opening quote", () => {
    const error = syntaxError("def s = 'abc;\n");
    expect(error.position).toEqual({ line: 1, column: 9 });
  });

  it("rejects an escape sequence Painless does not know", () => {
    const error = syntaxError('def s = "a\\nb";');
    expect(error.position).toEqual({ line: 1, column: 11 });
    expect(error.reason).toContain("invalid escape sequence");
  });

  it("reports an unexpected character with its column", () => {
    const error = syntaxError("int a = 1;\n  a = a # 2;");
    expect(error.position).toEqual({ line: 2, column: 9 });
  });

  it("reports a missing closing brace at the end of the script", () => {
    const error = syntaxError("if (a) {\n  b = 1;\n");
    expect(error.reason).toContain("expected '}'");
    expect(error.position.line).toBe(3);
  });

  it("rejects assignment to a call result", () => {
    const error = syntaxError("f() = 3;");
    expect(error.position).toEqual({ line: 1, column: 5 });
  });
});

describe("compile checks", () => {
  function compileError(source: string): string {
    try {
      compileScript(source, "checks", ["params", "state"]);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected a compile error");
  }

  it("rejects an expression statement without effect", () => {
    expect(compileError("int a = 1;\na + 1;\nreturn a;")).toContain(
      "checks:2:1: compile error: not a statement",
    );
  });

  it("rejects a statement after return", () => {
    expect(compileError("return 1;\nint a = 2;")).toContain(
      "checks:2:1: compile error: unreachable statement",
    );
  });

  it("rejects a function that may end without a value", () => {
    expect(
      compileError("int f(int x) { if (x > 0) { return 1; } }\nreturn f(1);"),
    ).toContain("not all paths of function [f] return a value");
  });

  it("rejects a cast from String to int", () => {
    expect(compileError("String s = '1';\nint i = (int) s;")).toContain(
      "checks:2:9: compile error: cannot cast from [String] to [int]",
    );
  });

  it("returns the value of a final expression statement", () => {
    const script = compileScript("state.count = 2;\nstate", "implicit_return", [
      "state",
    ]);
    const state = new JMap();
    expect(script.execute({ state }, 0)).toBe(state);
  });
});
