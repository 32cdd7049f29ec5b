// Operators and casts on boxed (`def`) values, with Java's binary numeric
// promotion: int < long < float < double, and `+` concatenating when either
// side is a String.

import { PainlessRuntimeError } from "../errors.ts";
import {
  doubleToInt,
  doubleToLong,
  intDivide,
  intRemainder,
  longDivide,
  longRemainder,
  longShiftLeft,
  longShiftRight,
  longToInt,
  longUnsignedShiftRight,
  toByte,
  toChar,
  toShort,
} from "../types/numerics.ts";
import {
  JChar,
  JDouble,
  JFloat,
  NumericKind,
  javaClassOf,
  javaEquals,
  javaToString,
  longValue,
  numberValue,
  numericKind,
} from "./values.ts";

export type PrimitiveName =
  "boolean" | "byte" | "short" | "char" | "int" | "long" | "float" | "double";

export function nullPointer(what: string): never {
  throw new PainlessRuntimeError("NullPointerException", what);
}

function classCast(value: unknown, target: string): never {
  throw new PainlessRuntimeError(
    "ClassCastException",
    `Cannot cast ${javaClassOf(value)} to ${target}`,
  );
}

function intOf(value: unknown): number {
  return value instanceof JChar ? value.v : (value as number);
}

/** Arithmetic and bitwise operators on two boxed values. */
export function binary(op: string, a: unknown, b: unknown): unknown {
  if (op === "+" && (typeof a === "string" || typeof b === "string")) {
    return javaToString(a) + javaToString(b);
  }
  if (typeof a === "boolean" && typeof b === "boolean") {
    if (op === "&") return a && b;
    if (op === "|") return a || b;
    if (op === "^") return a !== b;
  }
  const kindA = numericKind(a);
  const kindB = numericKind(b);
  if (!kindA || !kindB) {
    if (a === null || b === null) nullPointer(`cannot apply [${op}] to null`);
    throw new PainlessRuntimeError(
      "ClassCastException",
      `cannot apply [${op}] to types [${javaClassOf(a)}] and [${javaClassOf(b)}]`,
    );
  }
  if (op === "<<" || op === ">>" || op === ">>>")
    return shift(op, a, kindA, intOf(toIntegral(b)));
  const kind = Math.max(kindA, kindB) as NumericKind;
  if (kind === NumericKind.Int) return intOp(op, intOf(a), intOf(b));
  if (kind === NumericKind.Long) return longOp(op, longValue(a), longValue(b));
  if (op === "&" || op === "|" || op === "^") {
    throw new PainlessRuntimeError(
      "ClassCastException",
      `cannot apply [${op}] to floating-point values`,
    );
  }
  const result = floatOp(op, numberValue(a), numberValue(b));
  return kind === NumericKind.Float
    ? new JFloat(Math.fround(result))
    : new JDouble(result);
}

function toIntegral(value: unknown): unknown {
  if (typeof value === "bigint") return longToInt(value);
  if (value instanceof JDouble || value instanceof JFloat)
    classCast(value, "int");
  return value;
}

function shift(op: string, a: unknown, kind: NumericKind, n: number): unknown {
  if (kind === NumericKind.Long) {
    if (op === "<<") return longShiftLeft(a as bigint, n);
    return op === ">>"
      ? longShiftRight(a as bigint, n)
      : longUnsignedShiftRight(a as bigint, n);
  }
  if (kind !== NumericKind.Int) classCast(a, "long");
  const x = intOf(a);
  if (op === "<<") return x << n;
  return op === ">>" ? x >> n : (x >>> n) | 0;
}

export function intOp(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return (a + b) | 0;
    case "-":
      return (a - b) | 0;
    case "*":
      return Math.imul(a, b);
    case "/":
      return intDivide(a, b);
    case "%":
      return intRemainder(a, b);
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    default:
      throw new Error(`unknown int operator ${op}`);
  }
}

export function longOp(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case "+":
      return BigInt.asIntN(64, a + b);
    case "-":
      return BigInt.asIntN(64, a - b);
    case "*":
      return BigInt.asIntN(64, a * b);
    case "/":
      return longDivide(a, b);
    case "%":
      return longRemainder(a, b);
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    default:
      throw new Error(`unknown long operator ${op}`);
  }
}

function floatOp(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    default:
      throw new Error(`unknown floating-point operator ${op}`);
  }
}

/** `-x`, `+x` and `~x` on a boxed value. */
export function unary(op: string, a: unknown): unknown {
  const kind = numericKind(a);
  if (!kind) {
    if (a === null) nullPointer(`cannot apply [${op}] to null`);
    throw new PainlessRuntimeError(
      "ClassCastException",
      `cannot apply [${op}] to ${javaClassOf(a)}`,
    );
  }
  if (op === "+") return a instanceof JChar ? a.v : a;
  if (kind === NumericKind.Int) return op === "-" ? -intOf(a) | 0 : ~intOf(a);
  if (kind === NumericKind.Long)
    return op === "-" ? BigInt.asIntN(64, -(a as bigint)) : ~(a as bigint);
  if (op === "~") classCast(a, "long");
  return kind === NumericKind.Float
    ? new JFloat(-numberValue(a))
    : new JDouble(-numberValue(a));
}

/** `<`, `<=`, `>`, `>=` on boxed values, after numeric promotion. */
export function compare(op: string, a: unknown, b: unknown): boolean {
  const kindA = numericKind(a);
  const kindB = numericKind(b);
  if (!kindA || !kindB) {
    if (a === null || b === null) nullPointer(`cannot apply [${op}] to null`);
    throw new PainlessRuntimeError(
      "ClassCastException",
      `cannot compare ${javaClassOf(a)} with ${javaClassOf(b)}`,
    );
  }
  const useLong = Math.max(kindA, kindB) === NumericKind.Long;
  const x = useLong ? longValue(a) : numberValue(a instanceof JChar ? a.v : a);
  const y = useLong ? longValue(b) : numberValue(b instanceof JChar ? b.v : b);
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    default:
      return op === ">=" ? x >= y : false;
  }
}

/** `==` on boxed values: numbers compare after promotion, others by equals(). */
export function equal(a: unknown, b: unknown): boolean {
  const kindA = numericKind(a);
  const kindB = numericKind(b);
  if (kindA && kindB) {
    if (Math.max(kindA, kindB) === NumericKind.Long)
      return longValue(a) === longValue(b);
    return (
      numberValue(a instanceof JChar ? a.v : a) ===
      numberValue(b instanceof JChar ? b.v : b)
    );
  }
  return javaEquals(a, b);
}

/** `===`: reference identity; boxes of one class and value count as identical. */
export function identical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof JDouble || a instanceof JFloat || a instanceof JChar) {
    return b instanceof a.constructor && (b as JDouble).v === a.v;
  }
  return false;
}

/** A boolean condition; `def` must hold a Boolean. */
export function truth(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (value === null) nullPointer("cannot use null as a boolean");
  return classCast(value, "boolean");
}

// Which boxed numeric kinds may be converted implicitly to each primitive.
const IMPLICIT_FROM: Record<string, number> = {
  byte: 0,
  short: 0,
  char: 0,
  int: 1,
  long: 2,
  float: 3,
  double: 4,
};

/**
 * Casts a boxed value to a primitive. Implicit casts (assignment, argument
 * passing) only widen; explicit casts may also narrow, as in Painless.
 */
export function unbox(
  value: unknown,
  target: PrimitiveName,
  explicit: boolean,
): unknown {
  if (target === "boolean") return truth(value);
  if (target === "char" && typeof value === "string" && value.length === 1)
    return value.charCodeAt(0);
  const kind = numericKind(value);
  if (!kind) {
    if (value === null) nullPointer(`cannot unbox null to ${target}`);
    classCast(value, target);
  }
  const limit = IMPLICIT_FROM[target] ?? 0;
  const isChar = value instanceof JChar;
  if (!explicit && kind > limit && !(isChar && target === "char"))
    classCast(value, target);
  return convertNumber(
    kind === NumericKind.Int ? intOf(value) : value,
    kind,
    target,
  );
}

function convertNumber(
  value: unknown,
  kind: NumericKind,
  target: PrimitiveName,
): unknown {
  if (target === "long")
    return kind === NumericKind.Long
      ? value
      : kind === NumericKind.Int
        ? BigInt(value as number)
        : doubleToLong(numberValue(value));
  if (target === "double") return numberValue(value);
  if (target === "float") return Math.fround(numberValue(value));
  let asInt: number;
  if (kind === NumericKind.Int) asInt = value as number;
  else if (kind === NumericKind.Long) asInt = longToInt(value as bigint);
  else asInt = doubleToInt(numberValue(value));
  if (target === "short") return toShort(asInt);
  if (target === "byte") return toByte(asInt);
  if (target === "char") return toChar(asInt);
  return asInt;
}
