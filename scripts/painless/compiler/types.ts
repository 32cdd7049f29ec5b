// Static types at compile time and the code that converts between them.
// Primitive types have raw JS representations; every reference type uses
// the boxed representation of runtime/values.ts.

import type { SourcePosition } from "../errors.ts";
import type { TypeRef } from "../ast.ts";
import { isKnownType, PRIMITIVES } from "../runtime/types.ts";
import type { CompileContext, Value } from "./context.ts";

const RANK: Record<string, number> = {
  byte: 1,
  short: 2,
  char: 2,
  int: 3,
  long: 4,
  float: 5,
  double: 6,
};
const BOX_OF: Record<string, string> = {
  Integer: "int",
  Long: "long",
  Double: "double",
  Float: "float",
  Short: "short",
  Byte: "byte",
  Character: "char",
  Boolean: "boolean",
};

// Reference types whose values may unbox to a primitive; the others
// (String, List, Map, ...) fail at compile time, as in Painless.
const UNBOXABLE = new Set([
  "def",
  "Object",
  "Number",
  "Comparable",
  ...Object.keys(BOX_OF),
]);

export const isPrimitive = (type: string): boolean => PRIMITIVES.has(type);
export const isNumeric = (type: string): boolean => type in RANK;
export const isArrayType = (type: string): boolean => type.endsWith("[]");
export const elementType = (type: string): string => type.slice(0, -2);

export function typeName(
  cx: CompileContext,
  ref: TypeRef,
  pos: SourcePosition,
): string {
  if (!isKnownType(ref.name)) cx.unsupported(pos, `type [${ref.name}]`);
  return ref.name + "[]".repeat(ref.dims);
}

/** Binary numeric promotion of two primitive types. */
export function promote(a: string, b: string): string {
  const rank = Math.max(RANK[a] ?? 3, RANK[b] ?? 3, 3);
  return rank === 6
    ? "double"
    : rank === 5
      ? "float"
      : rank === 4
        ? "long"
        : "int";
}

/** Code of `value` as a boxed value. */
export function box(value: Value): string {
  switch (value.type) {
    case "double":
      return `$rt.D(${value.code})`;
    case "float":
      return `$rt.F(${value.code})`;
    case "char":
      return `$rt.C(${value.code})`;
    default:
      return value.code;
  }
}

function convertPrimitive(code: string, from: string, to: string): string {
  const fromLong = from === "long";
  const fromFloating = from === "double" || from === "float";
  switch (to) {
    case "double":
      return fromLong ? `Number(${code})` : code;
    case "float":
      return `Math.fround(${fromLong ? `Number(${code})` : code})`;
    case "long":
      return fromFloating ? `$rt.doubleToLong(${code})` : `BigInt(${code})`;
    default: {
      const asInt = fromLong
        ? `$rt.longToInt(${code})`
        : fromFloating
          ? `$rt.doubleToInt(${code})`
          : code;
      if (to === "int") return asInt;
      if (to === "short") return `$rt.toShort(${asInt})`;
      if (to === "byte") return `$rt.toByte(${asInt})`;
      return `$rt.toChar(${asInt})`;
    }
  }
}

/**
 * Code converting `value` to type `to`. Implicit conversions only widen;
 * `explicit` (a cast or a compound assignment) also allows narrowing.
 */
export function convert(
  cx: CompileContext,
  value: Value,
  to: string,
  explicit: boolean,
  pos: SourcePosition,
): string {
  const from = value.type;
  if (from === to) return value.code;
  const fromPrimitive = isPrimitive(from);
  if (isPrimitive(to)) {
    if (!fromPrimitive) {
      if (
        !UNBOXABLE.has(from) &&
        !(to === "char" && from === "String" && explicit)
      ) {
        cx.fail(pos, `cannot cast from [${from}] to [${to}]`);
      }
      return `$rt.unbox(${value.code}, "${to}", ${explicit})`;
    }
    if (from === "boolean" || to === "boolean")
      cx.fail(pos, `cannot cast from [${from}] to [${to}]`);
    const widening =
      (RANK[to] ?? 0) > (RANK[from] ?? 0) &&
      !(to === "char") &&
      !(from === "char" && to === "short");
    if (!widening && !explicit)
      cx.fail(
        pos,
        `cannot implicitly cast from [${from}] to [${to}]; use an explicit cast`,
      );
    return convertPrimitive(value.code, from, to);
  }
  if (fromPrimitive) {
    const boxTarget = BOX_OF[to];
    if (boxTarget && boxTarget !== from) {
      return box({
        code: convert(cx, value, boxTarget, explicit, pos),
        type: boxTarget,
      });
    }
    if (to === "String" || isArrayType(to))
      cx.fail(pos, `cannot cast from [${from}] to [${to}]`);
    return box(value);
  }
  if (to === "def" || to === "Object") return value.code;
  return `$rt.checkCast(${value.code}, ${JSON.stringify(to)})`;
}

/** Code of `value` as a JS boolean, for conditions. */
export function condition(
  cx: CompileContext,
  value: Value,
  pos: SourcePosition,
): string {
  if (value.type === "boolean") return value.code;
  if (isPrimitive(value.type))
    cx.fail(pos, `cannot use [${value.type}] as a condition`);
  return `$rt.truth(${value.code})`;
}

/** Returns the default value of a declared variable without an initializer. */
export function defaultValue(type: string): string {
  if (type === "boolean") return "false";
  if (type === "long") return "0n";
  return isPrimitive(type) ? "0" : "null";
}

/** Java's string conversion of a value, for `+` with a String. */
export function stringOf(value: Value): string {
  switch (value.type) {
    case "String":
      return `$rt.str(${value.code})`;
    case "double":
      return `$rt.doubleToString(${value.code})`;
    case "float":
      return `$rt.floatToString(${value.code})`;
    case "char":
      return `String.fromCharCode(${value.code})`;
    default:
      return isPrimitive(value.type)
        ? `String(${value.code})`
        : `$rt.str(${value.code})`;
  }
}
