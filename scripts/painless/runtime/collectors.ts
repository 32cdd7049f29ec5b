// The Collectors factory: each collector turns the boxed elements of a
// stream into one result.

import { PainlessRuntimeError } from "../errors.ts";
import { JList, JMap, JSet } from "./collections.ts";
import { asFunction } from "./functions.ts";
import { compensatedSum, sumOf, toKind } from "./methods-streams.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox } from "./operators.ts";
import { JCollector, JStream } from "./streams.ts";
import { JDouble, javaToString } from "./values.ts";

function toMap(keyFn: unknown, valueFn: unknown, merge: unknown): JCollector {
  const key = asFunction(keyFn, "a key mapper");
  const value = asFunction(valueFn, "a value mapper");
  return new JCollector("toMap", (items) => {
    const map = new JMap();
    for (const item of items) {
      const k = key(item);
      const v = value(item);
      if (map.has(k)) {
        if (merge === undefined)
          throw new PainlessRuntimeError(
            "IllegalStateException",
            `Duplicate key ${javaToString(k)}`,
          );
        map.put(k, asFunction(merge, "a merge function")(map.get(k), v));
      } else {
        map.put(k, v);
      }
    }
    return map;
  });
}

/** Static methods of `Collectors`. */
export function collectorsStatic(key: string, args: unknown[]): unknown {
  const [first, second, third] = args;
  switch (key) {
    case "toList/0":
      return new JCollector("toList", (items) => new JList(items));
    case "toSet/0":
      return new JCollector("toSet", (items) => {
        const set = new JSet();
        for (const item of items) set.add(item);
        return set;
      });
    case "counting/0":
      return new JCollector("counting", (items) => BigInt(items.length));
    case "joining/0":
    case "joining/1":
    case "joining/3":
      return new JCollector("joining", (items) => {
        const separator = first === undefined ? "" : javaToString(first);
        const body = items.map(javaToString).join(separator);
        return third === undefined
          ? body
          : javaToString(second) + body + javaToString(third);
      });
    case "toMap/2":
    case "toMap/3":
      return toMap(first, second, third);
    case "groupingBy/1":
    case "groupingBy/2": {
      const classify = asFunction(first, "a classifier");
      const downstream = second as JCollector | undefined;
      return new JCollector("groupingBy", (items) => {
        const groups = new JMap();
        for (const item of items) {
          const k = classify(item);
          if (!groups.has(k)) groups.put(k, new JList());
          (groups.get(k) as JList).items.push(item);
        }
        if (downstream)
          for (const entry of groups.entryList())
            entry.value = downstream.collect((entry.value as JList).items);
        return groups;
      });
    }
    case "summingInt/1":
    case "summingLong/1":
    case "summingDouble/1": {
      const kind =
        key === "summingInt/1"
          ? "int"
          : key === "summingLong/1"
            ? "long"
            : "double";
      const fn = asFunction(first, "a mapping function");
      return new JCollector(key, (items) =>
        sumOf(
          new JStream(
            items.map((item) => toKind(fn(item), kind)),
            kind,
          ),
        ),
      );
    }
    case "averagingDouble/1":
    case "averagingInt/1":
    case "averagingLong/1": {
      const fn = asFunction(first, "a mapping function");
      return new JCollector(key, (items) => {
        const values = items.map((item) =>
          Number(unbox(fn(item), "double", false)),
        );
        return new JDouble(
          values.length === 0 ? 0 : compensatedSum(values) / values.length,
        );
      });
    }
    default:
      return NO_METHOD;
  }
}
