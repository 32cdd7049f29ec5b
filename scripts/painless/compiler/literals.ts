// Numeric, string, boolean and null literals with Java's literal types:
// an integer without suffix is an int (and must fit), `L` makes a long,
// `F` a float, `D` or a decimal point or exponent a double.

import type { Expr } from "../ast.ts";
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN } from "../types/numerics.ts";
import type { CompileContext, Value } from "./context.ts";

type Literal = Extract<
  Expr,
  { kind: "number" | "string" | "boolean" | "null" }
>;

export function compileLiteral(cx: CompileContext, expr: Literal): Value {
  switch (expr.kind) {
    case "string":
      return { code: JSON.stringify(expr.value), type: "String" };
    case "boolean":
      return { code: String(expr.value), type: "boolean" };
    case "null":
      return { code: "null", type: "def" };
    case "number":
      return compileNumber(cx, expr.text, expr.pos);
  }
}

function floatingCode(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  return Object.is(value, -0) ? "-0" : String(value);
}

function compileNumber(
  cx: CompileContext,
  text: string,
  pos: Expr["pos"],
): Value {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const suffix = body.slice(-1).toLowerCase();
  const isHex = /^0x/i.test(body);
  const hasSuffix = "lfd".includes(suffix) && !(isHex && suffix !== "l");
  const digits = hasSuffix ? body.slice(0, -1) : body;
  const floating =
    !isHex && (/[.eE]/.test(digits) || suffix === "f" || suffix === "d");

  if (floating) {
    const value = Number(`${negative ? "-" : ""}${digits}`);
    if (!Number.isFinite(value))
      cx.fail(
        pos,
        `invalid ${suffix === "f" ? "float" : "double"} constant [${text}]`,
      );
    if (suffix === "f") {
      const rounded = Math.fround(value);
      if (!Number.isFinite(rounded))
        cx.fail(pos, `invalid float constant [${text}]`);
      return { code: `(${floatingCode(rounded)})`, type: "float" };
    }
    return { code: `(${floatingCode(value)})`, type: "double" };
  }

  const octal = /^0[0-7]+$/.test(digits);
  const magnitude = isHex
    ? BigInt(digits)
    : octal
      ? BigInt(`0o${digits.slice(1)}`)
      : BigInt(digits);
  const value = negative ? -magnitude : magnitude;
  if (suffix === "l") {
    if (value < LONG_MIN || value > LONG_MAX)
      cx.fail(pos, `invalid long constant [${text}]`);
    return { code: `(${value}n)`, type: "long" };
  }
  if (value < BigInt(INT_MIN) || value > BigInt(INT_MAX))
    cx.fail(pos, `invalid int constant [${text}]`);
  return { code: `(${value})`, type: "int" };
}
