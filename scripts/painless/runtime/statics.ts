// Static methods and constructors of the allowlisted classes other than
// the numeric ones (statics-numbers.ts).

import { PainlessRuntimeError } from "../errors.ts";
import {
  JList,
  JMap,
  JMapView,
  JSet,
  JEntry,
  type MapOrder,
} from "./collections.ts";
import { JInstant } from "./dates.ts";
import { asFunction, compareWith, naturalOrder } from "./functions.ts";
import { elementsOf } from "./methods-collections.ts";
import { collectorsStatic } from "./collectors.ts";
import { NO_METHOD } from "./missing.ts";
import { doubleStatic, integerStatic, mathStatic } from "./statics-numbers.ts";
import { unbox } from "./operators.ts";
import { JStream } from "./streams.ts";
import {
  javaCompare,
  javaEquals,
  javaHashCode,
  javaToString,
} from "./values.ts";

export { MATH_DOUBLE_FUNCTIONS, STATIC_FIELDS } from "./statics-numbers.ts";

const int = (value: unknown) => unbox(value, "int", false) as number;
const long = (value: unknown) => unbox(value, "long", false) as bigint;

function collectionsStatic(key: string, args: unknown[]): unknown {
  const [first, second] = args;
  switch (key) {
    case "sort/1":
    case "sort/2":
      (first as JList).items.sort((a, b) => compareWith(second ?? null, a, b));
      return null;
    case "reverse/1":
      (first as JList).items.reverse();
      return null;
    case "max/1":
    case "max/2":
    case "min/1":
    case "min/2": {
      const items = elementsOf(first as JList);
      if (items.length === 0)
        throw new PainlessRuntimeError(
          "NoSuchElementException",
          "empty collection",
        );
      const sign = key.startsWith("max") ? 1 : -1;
      return items.reduce((best, item) =>
        sign * compareWith(second ?? null, item, best) > 0 ? item : best,
      );
    }
    case "emptyList/0":
      return new JList();
    case "emptyMap/0":
      return new JMap();
    case "singletonList/1":
      return new JList([first]);
    case "reverseOrder/0":
      return (a: unknown, b: unknown) => javaCompare(b, a);
    case "frequency/2":
      return elementsOf(first as JList).filter((item) =>
        javaEquals(item, second),
      ).length;
    default:
      return NO_METHOD;
  }
}

function entryStatic(key: string, args: unknown[]): unknown {
  const inner = args[0];
  switch (key) {
    case "comparingByKey/0":
    case "comparingByKey/1":
      return (a: unknown, b: unknown) =>
        compareWith(inner ?? null, (a as JEntry).key, (b as JEntry).key);
    case "comparingByValue/0":
    case "comparingByValue/1":
      return (a: unknown, b: unknown) =>
        compareWith(inner ?? null, (a as JEntry).value, (b as JEntry).value);
    default:
      return NO_METHOD;
  }
}

function comparatorStatic(key: string, args: unknown[]): unknown {
  switch (key) {
    case "naturalOrder/0":
      return naturalOrder();
    case "reverseOrder/0":
      return (a: unknown, b: unknown) => javaCompare(b, a);
    case "comparing/1":
    case "comparingDouble/1":
    case "comparingInt/1":
    case "comparingLong/1": {
      const keyOf = asFunction(args[0], "a key extractor");
      return (a: unknown, b: unknown) => javaCompare(keyOf(a), keyOf(b));
    }
    default:
      return NO_METHOD;
  }
}

/** Calls `Class.method(args)`; returns NO_METHOD when it is not allowlisted here. */
export function callStatic(cls: string, key: string, args: unknown[]): unknown {
  switch (cls) {
    case "Math":
    case "StrictMath":
      return mathStatic(key, args);
    case "Integer":
    case "Long":
      return integerStatic(cls, key, args);
    case "Double":
      return doubleStatic(key, args);
    case "Collections":
      return collectionsStatic(key, args);
    case "Map.Entry":
      return entryStatic(key, args);
    case "Comparator":
      return comparatorStatic(key, args);
    case "Collectors":
      return collectorsStatic(key, args);
    default:
      return otherStatic(cls, key, args);
  }
}

function otherStatic(cls: string, key: string, args: unknown[]): unknown {
  const [first, second] = args;
  switch (`${cls}.${key}`) {
    case "String.valueOf/1":
      return javaToString(first);
    case "String.join/2":
      return elementsOf(second as JList)
        .map(javaToString)
        .join(javaToString(first));
    case "Objects.equals/2":
      return javaEquals(first, second);
    case "Objects.isNull/1":
      return first === null;
    case "Objects.nonNull/1":
      return first !== null;
    case "Objects.hashCode/1":
      return javaHashCode(first);
    case "Boolean.compare/2":
      return javaCompare(first, second);
    case "Boolean.parseBoolean/1":
      return typeof first === "string" && first.toLowerCase() === "true";
    case "Instant.ofEpochMilli/1":
      return new JInstant(Number(long(first)));
    case "IntStream.range/2": {
      const from = int(first);
      const to = int(second);
      return new JStream(
        Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i),
        "int",
      );
    }
    case "DoubleStream.of/1":
      return new JStream([...(first as Float64Array)], "double");
    case "Arrays.asList/1":
      return new JList([...(first as unknown[])]);
    default:
      return NO_METHOD;
  }
}

/**
 * Returns the first table size Java picks: HashMap(int) rounds the argument up to a
 * power of two, HashMap(Map) sizes the table for the entries, and
 * HashSet(Collection) does the same but keeps at least 16.
 */
function initialCapacity(
  kind: "map" | "set",
  first: unknown,
  source: JMap | JList | JSet | JMapView | null,
): number {
  if (typeof first === "number") return first;
  if (source === null) return 16;
  const size = source instanceof JMap ? source.size : elementsOf(source).length;
  const needed = Math.floor(size / 0.75) + 1;
  if (kind === "set") return Math.max(16, needed);
  return size === 0 ? 16 : needed;
}

const COLLECTION_ORDER: Record<string, [MapOrder, "map" | "set"]> = {
  HashMap: ["hash", "map"],
  LinkedHashMap: ["insertion", "map"],
  TreeMap: ["sorted", "map"],
  HashSet: ["hash", "set"],
  LinkedHashSet: ["insertion", "set"],
  TreeSet: ["sorted", "set"],
};

/** `new Class(args)`; returns NO_METHOD for a class or arity not supported here. */
export function construct(cls: string, args: unknown[]): unknown {
  const [first] = args;
  if (cls === "ArrayList" || cls === "LinkedList") {
    if (args.length === 0) return new JList();
    if (typeof first === "number") return new JList();
    return new JList([...elementsOf(first as JList)]);
  }
  const collection = COLLECTION_ORDER[cls];
  if (collection) {
    const [order, kind] = collection;
    const source =
      first instanceof JMap ||
      first instanceof JList ||
      first instanceof JSet ||
      first instanceof JMapView
        ? first
        : null;
    const capacity = initialCapacity(kind, first, source);
    if (kind === "map") {
      const map = new JMap(order, capacity);
      if (source instanceof JMap)
        for (const entry of source.entryList()) map.put(entry.key, entry.value);
      return map;
    }
    const set = new JSet(order, capacity);
    if (source && !(source instanceof JMap))
      for (const item of elementsOf(source)) set.add(item);
    return set;
  }
  if (cls.endsWith("Exception") && args.length <= 1) {
    return new PainlessRuntimeError(
      cls,
      args.length === 0 ? "" : javaToString(first),
    );
  }
  if (cls === "String" && args.length === 0) return "";
  return NO_METHOD;
}
