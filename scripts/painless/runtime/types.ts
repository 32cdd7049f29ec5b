// Reference types the engine knows: `instanceof`, reference casts, and the
// names a script may declare, construct or call static methods on.

import { PRIMITIVE_TYPES } from "../parser-base.ts";
import { PainlessRuntimeError } from "../errors.ts";
import { JEntry, JList, JMap, JMapView, JSet } from "./collections.ts";
import { JDocValues, JInstant, JZonedDateTime } from "./dates.ts";
import { isArray } from "./dispatch.ts";
import { JIterator } from "./methods-collections.ts";
import { JCollector, JOptional, JStream } from "./streams.ts";
import { JChar, JDouble, JFloat, javaClassOf, numericKind } from "./values.ts";

const FUNCTIONAL = [
  "Comparator",
  "Function",
  "BiFunction",
  "Predicate",
  "BiPredicate",
  "Consumer",
  "BiConsumer",
  "Supplier",
  "UnaryOperator",
  "BinaryOperator",
  "ToDoubleFunction",
  "ToIntFunction",
  "ToLongFunction",
  "DoubleUnaryOperator",
  "Runnable",
];

const EXCEPTIONS = [
  "Exception",
  "RuntimeException",
  "ArithmeticException",
  "ClassCastException",
  "IllegalArgumentException",
  "IllegalStateException",
  "IndexOutOfBoundsException",
  "ArrayIndexOutOfBoundsException",
  "StringIndexOutOfBoundsException",
  "NullPointerException",
  "NumberFormatException",
  "UnsupportedOperationException",
  "NoSuchElementException",
];

const CHECKS: Record<string, (value: unknown) => boolean> = {
  Object: () => true,
  String: (v) => typeof v === "string",
  CharSequence: (v) => typeof v === "string",
  Integer: (v) => typeof v === "number",
  Short: (v) => typeof v === "number",
  Byte: (v) => typeof v === "number",
  Long: (v) => typeof v === "bigint",
  Double: (v) => v instanceof JDouble,
  Float: (v) => v instanceof JFloat,
  Character: (v) => v instanceof JChar,
  Boolean: (v) => typeof v === "boolean",
  Number: (v) => numericKind(v) !== 0 && !(v instanceof JChar),
  Comparable: (v) =>
    numericKind(v) !== 0 ||
    typeof v === "string" ||
    typeof v === "boolean" ||
    v instanceof JZonedDateTime,
  List: (v) => v instanceof JList,
  ArrayList: (v) => v instanceof JList,
  LinkedList: (v) => v instanceof JList,
  Collection: (v) =>
    v instanceof JList || v instanceof JSet || v instanceof JMapView,
  Iterable: (v) =>
    v instanceof JList ||
    v instanceof JSet ||
    v instanceof JMapView ||
    v instanceof JDocValues,
  Map: (v) => v instanceof JMap,
  HashMap: (v) => v instanceof JMap && v.order === "hash",
  LinkedHashMap: (v) => v instanceof JMap && v.order === "insertion",
  TreeMap: (v) => v instanceof JMap && v.order === "sorted",
  "Map.Entry": (v) => v instanceof JEntry,
  Set: (v) =>
    v instanceof JSet || (v instanceof JMapView && v.kind !== "values"),
  HashSet: (v) => v instanceof JSet && v.map.order === "hash",
  LinkedHashSet: (v) => v instanceof JSet && v.map.order === "insertion",
  TreeSet: (v) => v instanceof JSet && v.map.order === "sorted",
  Iterator: (v) => v instanceof JIterator,
  Stream: (v) => v instanceof JStream && v.kind === "object",
  IntStream: (v) => v instanceof JStream && v.kind === "int",
  LongStream: (v) => v instanceof JStream && v.kind === "long",
  DoubleStream: (v) => v instanceof JStream && v.kind === "double",
  Optional: (v) => v instanceof JOptional && v.kind === "object",
  OptionalDouble: (v) => v instanceof JOptional && v.kind === "double",
  OptionalInt: (v) => v instanceof JOptional && v.kind === "int",
  OptionalLong: (v) => v instanceof JOptional && v.kind === "long",
  Collector: (v) => v instanceof JCollector,
  ZonedDateTime: (v) => v instanceof JZonedDateTime,
  JodaCompatibleZonedDateTime: (v) => v instanceof JZonedDateTime,
  Instant: (v) => v instanceof JInstant,
  ScriptDocValues: (v) => v instanceof JDocValues,
};
for (const name of FUNCTIONAL) CHECKS[name] = (v) => typeof v === "function";
for (const name of EXCEPTIONS) {
  CHECKS[name] = (v) =>
    v instanceof PainlessRuntimeError &&
    (name === "Exception" ||
      name === "RuntimeException" ||
      v.javaClass === name ||
      (name === "IndexOutOfBoundsException" &&
        v.javaClass.endsWith("IndexOutOfBoundsException")));
}

/** Classes with static methods or fields the engine implements. */
export const STATIC_CLASSES = new Set([
  "Math",
  "StrictMath",
  "Integer",
  "Long",
  "Double",
  "Boolean",
  "String",
  "Collections",
  "Map.Entry",
  "Comparator",
  "Collectors",
  "Objects",
  "Instant",
  "IntStream",
  "DoubleStream",
  "Arrays",
  "System",
]);

export const CONSTRUCTIBLE = new Set([
  "ArrayList",
  "LinkedList",
  "HashMap",
  "LinkedHashMap",
  "TreeMap",
  "HashSet",
  "LinkedHashSet",
  "TreeSet",
  "String",
  ...EXCEPTIONS,
]);

export const PRIMITIVES = PRIMITIVE_TYPES;

/** True when `name` (without array dimensions) is a type a script may use. */
export function isKnownType(name: string): boolean {
  return (
    name === "def" ||
    name === "void" ||
    PRIMITIVES.has(name) ||
    name in CHECKS ||
    STATIC_CLASSES.has(name)
  );
}

/** `value instanceof type`; `type` may be an array type such as `double[]`. */
export function isInstance(value: unknown, type: string): boolean {
  if (value === null || value === undefined) return false;
  if (type === "def") return true;
  if (type.endsWith("[]")) {
    if (!isArray(value)) return false;
    const actual = javaClassOf(value);
    return (
      actual === type ||
      (type.endsWith("[]") &&
        Array.isArray(value) &&
        !PRIMITIVES.has(type.replace(/(\[\])+$/, "")))
    );
  }
  const check = CHECKS[type];
  return check ? check(value) : false;
}

/** A reference cast: null passes, a value of another class fails. */
export function checkCast(value: unknown, type: string): unknown {
  if (
    value === null ||
    value === undefined ||
    type === "def" ||
    type === "Object"
  )
    return value ?? null;
  if (!isInstance(value, type)) {
    throw new PainlessRuntimeError(
      "ClassCastException",
      `Cannot cast ${javaClassOf(value)} to ${type}`,
    );
  }
  return value;
}
