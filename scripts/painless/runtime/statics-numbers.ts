// Static members of Math, Integer, Long and Double. Math takes and returns
// doubles only (round returns long), because the Painless allowlist has one
// overload per name and arity.

import { PainlessRuntimeError } from "../errors.ts";
import {
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  roundToLong,
} from "../types/numerics.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox } from "./operators.ts";
import { JDouble, javaCompare, javaHashCode, javaToString } from "./values.ts";

const int = (value: unknown) => unbox(value, "int", false) as number;
const long = (value: unknown) => unbox(value, "long", false) as bigint;
const double = (value: unknown) => unbox(value, "double", false) as number;

/** Math functions of one or two doubles that return a double. */
export const MATH_DOUBLE_FUNCTIONS: Record<string, string> = {
  abs: "Math.abs",
  acos: "Math.acos",
  asin: "Math.asin",
  atan: "Math.atan",
  atan2: "Math.atan2",
  cbrt: "Math.cbrt",
  ceil: "Math.ceil",
  cos: "Math.cos",
  cosh: "Math.cosh",
  exp: "Math.exp",
  expm1: "Math.expm1",
  floor: "Math.floor",
  hypot: "Math.hypot",
  log: "Math.log",
  log10: "Math.log10",
  log1p: "Math.log1p",
  max: "Math.max",
  min: "Math.min",
  pow: "Math.pow",
  sin: "Math.sin",
  sinh: "Math.sinh",
  sqrt: "Math.sqrt",
  tan: "Math.tan",
  tanh: "Math.tanh",
  signum: "Math.sign",
};

export const STATIC_FIELDS: Record<string, { type: string; value: unknown }> = {
  "Integer.MAX_VALUE": { type: "int", value: INT_MAX },
  "Integer.MIN_VALUE": { type: "int", value: INT_MIN },
  "Long.MAX_VALUE": { type: "long", value: LONG_MAX },
  "Long.MIN_VALUE": { type: "long", value: LONG_MIN },
  "Double.MAX_VALUE": { type: "double", value: Number.MAX_VALUE },
  "Double.MIN_VALUE": { type: "double", value: Number.MIN_VALUE },
  "Double.NaN": { type: "double", value: NaN },
  "Double.POSITIVE_INFINITY": { type: "double", value: Infinity },
  "Double.NEGATIVE_INFINITY": { type: "double", value: -Infinity },
  "Math.PI": { type: "double", value: Math.PI },
  "Math.E": { type: "double", value: Math.E },
};

export function mathStatic(key: string, args: unknown[]): unknown {
  if (key === "round/1") return roundToLong(double(args[0]));
  if (key === "random/0") return new JDouble(Math.random());
  const [name, arity] = key.split("/");
  const fn = MATH_DOUBLE_FUNCTIONS[name ?? ""];
  if (
    !fn ||
    Number(arity) !==
      (["atan2", "hypot", "max", "min", "pow"].includes(name!) ? 2 : 1)
  )
    return NO_METHOD;
  const jsFunction = (
    Math as unknown as Record<string, (...values: number[]) => number>
  )[fn.slice(5)]!;
  return new JDouble(jsFunction(...args.map(double)));
}

export function integerStatic(
  cls: "Integer" | "Long",
  key: string,
  args: unknown[],
): unknown {
  const convert = cls === "Integer" ? int : long;
  const values = args.map((arg) =>
    typeof arg === "string" ? arg : convert(arg),
  );
  const [a, b] = values as [number, number];
  switch (key) {
    case "compare/2":
      return javaCompare(a, b);
    case "max/2":
      return a > b ? a : b;
    case "min/2":
      return a < b ? a : b;
    case "sum/2":
      return cls === "Integer"
        ? (a + b) | 0
        : BigInt.asIntN(64, BigInt(a) + BigInt(b));
    case "signum/1":
      return a > 0 ? 1 : a < 0 ? -1 : 0;
    case "valueOf/1":
    case "parseInt/1":
    case "parseLong/1":
      return typeof a === "string" ? parseInteger(cls, a) : a;
    case "toString/1":
      return String(a);
    case "hashCode/1":
      return javaHashCode(a);
    default:
      return NO_METHOD;
  }
}

function parseInteger(cls: "Integer" | "Long", text: string): unknown {
  if (!/^[+-]?\d+$/.test(text))
    throw new PainlessRuntimeError(
      "NumberFormatException",
      `For input string: "${text}"`,
    );
  const value = BigInt(text);
  const [min, max] =
    cls === "Integer"
      ? [BigInt(INT_MIN), BigInt(INT_MAX)]
      : [LONG_MIN, LONG_MAX];
  if (value < min || value > max)
    throw new PainlessRuntimeError(
      "NumberFormatException",
      `For input string: "${text}"`,
    );
  return cls === "Integer" ? Number(value) : value;
}

export function doubleStatic(key: string, args: unknown[]): unknown {
  const values = args.map((arg) =>
    typeof arg === "string" ? arg : double(arg),
  );
  const [a, b] = values as [number, number];
  switch (key) {
    case "compare/2":
      return javaCompare(new JDouble(a), new JDouble(b));
    case "isNaN/1":
      return Number.isNaN(a);
    case "isInfinite/1":
      return Math.abs(a) === Infinity;
    case "isFinite/1":
      return Number.isFinite(a);
    case "max/2":
      return new JDouble(Math.max(a, b));
    case "min/2":
      return new JDouble(Math.min(a, b));
    case "sum/2":
      return new JDouble(a + b);
    case "valueOf/1":
    case "parseDouble/1": {
      if (typeof a !== "string") return new JDouble(a);
      const parsed = Number(String(a).trim());
      if (String(a).trim() === "" || Number.isNaN(parsed)) {
        throw new PainlessRuntimeError(
          "NumberFormatException",
          `For input string: "${String(a)}"`,
        );
      }
      return new JDouble(parsed);
    }
    case "toString/1":
      return javaToString(new JDouble(a));
    default:
      return NO_METHOD;
  }
}
