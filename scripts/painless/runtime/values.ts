// Boxed values: how a Painless value looks when its static type is `def`,
// `Object` or any reference type. Integer, Short and Byte are JS numbers,
// Long is a BigInt, Boolean a JS boolean, String a JS string; Double, Float
// and Character get wrapper classes so that `def` keeps the Java type.

import { PainlessRuntimeError } from "../errors.ts";
import {
  doubleHashCode,
  doubleToString,
  floatToString,
  longHashCode,
  stringHashCode,
} from "../types/numerics.ts";

export class JDouble {
  constructor(readonly v: number) {}
}

export class JFloat {
  constructor(readonly v: number) {}
}

export class JChar {
  constructor(readonly v: number) {}
}

/** A runtime object that is not a boxed primitive. */
export interface JavaObject {
  readonly javaClass: string;
  javaEquals(other: unknown): boolean;
  javaHashCode(): number;
  javaToString(): string;
}

export function isJavaObject(value: unknown): value is JavaObject {
  return typeof value === "object" && value !== null && "javaClass" in value;
}

/** Numeric rank used for binary numeric promotion. */
export const enum NumericKind {
  Int = 1,
  Long = 2,
  Float = 3,
  Double = 4,
}

/** Returns the numeric kind of a boxed value, or 0 when it is not a number. */
export function numericKind(value: unknown): NumericKind | 0 {
  if (typeof value === "number") return NumericKind.Int;
  if (typeof value === "bigint") return NumericKind.Long;
  if (value instanceof JDouble) return NumericKind.Double;
  if (value instanceof JFloat) return NumericKind.Float;
  if (value instanceof JChar) return NumericKind.Int;
  return 0;
}

/** Returns the value of a boxed number as a JS number (a double). */
export function numberValue(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return (value as JDouble).v;
}

/** Returns the value of a boxed integral number as a BigInt. */
export function longValue(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(value);
  return BigInt((value as JChar).v);
}

/** Returns the Java class name of a boxed value, for error messages. */
export function javaClassOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return "java.lang.Integer";
  if (typeof value === "bigint") return "java.lang.Long";
  if (typeof value === "boolean") return "java.lang.Boolean";
  if (typeof value === "string") return "java.lang.String";
  if (typeof value === "function") return "java.util.function.Function";
  if (value instanceof JDouble) return "java.lang.Double";
  if (value instanceof JFloat) return "java.lang.Float";
  if (value instanceof JChar) return "java.lang.Character";
  if (isJavaObject(value)) return value.javaClass;
  if (value instanceof Float64Array) return "double[]";
  if (value instanceof Int32Array) return "int[]";
  if (value instanceof BigInt64Array) return "long[]";
  if (value instanceof Float32Array) return "float[]";
  if (value instanceof Int16Array) return "short[]";
  if (value instanceof Int8Array) return "byte[]";
  if (value instanceof Uint16Array) return "char[]";
  if (Array.isArray(value)) return "java.lang.Object[]";
  if (value instanceof PainlessRuntimeError)
    return `java.lang.${value.javaClass}`;
  return "java.lang.Object";
}

/** `String.valueOf(value)`. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    default:
      break;
  }
  if (value instanceof JDouble) return doubleToString(value.v);
  if (value instanceof JFloat) return floatToString(value.v);
  if (value instanceof JChar) return String.fromCharCode(value.v);
  if (isJavaObject(value)) return value.javaToString();
  if (value instanceof PainlessRuntimeError)
    return `java.lang.${value.javaClass}: ${value.reason}`;
  return `${javaClassOf(value)}@${javaHashCode(value).toString(16)}`;
}

/** `a.equals(b)`: boxes of different classes are never equal. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined)
    return false;
  if (a instanceof JDouble && b instanceof JDouble)
    return Object.is(a.v, b.v) || a.v === b.v;
  if (a instanceof JFloat && b instanceof JFloat) return a.v === b.v;
  if (a instanceof JChar && b instanceof JChar) return a.v === b.v;
  if (isJavaObject(a)) return a.javaEquals(b);
  return false;
}

let identityCounter = 0;
const identityHashes = new WeakMap<object, number>();

/** `a.hashCode()`, with Java's values for strings and boxed numbers. */
export function javaHashCode(value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case "string":
      return stringHashCode(value);
    case "number":
      return value;
    case "bigint":
      return longHashCode(value);
    case "boolean":
      return value ? 1231 : 1237;
    default:
      break;
  }
  if (value instanceof JDouble) return doubleHashCode(value.v);
  if (value instanceof JFloat) return doubleHashCode(value.v);
  if (value instanceof JChar) return value.v;
  if (isJavaObject(value)) return value.javaHashCode();
  const object = value as object;
  let hash = identityHashes.get(object);
  if (hash === undefined) {
    identityCounter = (identityCounter + 0x61c88647) | 0;
    hash = identityCounter;
    identityHashes.set(object, hash);
  }
  return hash;
}

/** `Comparable.compareTo` for numbers, strings and booleans. */
export function javaCompare(a: unknown, b: unknown): number {
  if (a === null || a === undefined || b === null || b === undefined) {
    throw new PainlessRuntimeError(
      "NullPointerException",
      "cannot compare null",
    );
  }
  const kindA = numericKind(a);
  const kindB = numericKind(b);
  if (kindA && kindB) {
    // Comparable.compareTo accepts only its own class: Integer with Long fails.
    if (javaClassOf(a) !== javaClassOf(b)) {
      throw new PainlessRuntimeError(
        "ClassCastException",
        `cannot compare ${javaClassOf(a)} with ${javaClassOf(b)}`,
      );
    }
    if (kindA === NumericKind.Long || kindB === NumericKind.Long) {
      if (kindA !== NumericKind.Double && kindB !== NumericKind.Double) {
        const x = longValue(a);
        const y = longValue(b);
        return x < y ? -1 : x > y ? 1 : 0;
      }
    }
    const x = numberValue(a);
    const y = numberValue(b);
    // Double.compare orders NaN after every other value.
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string")
    return compareStrings(a, b);
  if (typeof a === "boolean" && typeof b === "boolean")
    return a === b ? 0 : a ? 1 : -1;
  if (isJavaObject(a) && "javaCompareTo" in a) {
    return (
      a as unknown as { javaCompareTo(b: unknown): number }
    ).javaCompareTo(b);
  }
  throw new PainlessRuntimeError(
    "ClassCastException",
    `cannot compare ${javaClassOf(a)} with ${javaClassOf(b)}`,
  );
}

/** `String.compareTo`: difference of the first differing UTF-16 units. */
export function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = a.charCodeAt(i) - b.charCodeAt(i);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
