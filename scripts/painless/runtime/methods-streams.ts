// Instance methods of the streams, Optional and the Collectors factory.

import { PainlessRuntimeError } from "../errors.ts";
import { JList } from "./collections.ts";
import { asFunction, compareWith } from "./functions.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox } from "./operators.ts";
import { JCollector, JOptional, JStream, type StreamKind } from "./streams.ts";
import { JDouble, javaCompare, javaEquals } from "./values.ts";

/** A raw element of a primitive stream from a lambda's boxed result. */
export function toKind(value: unknown, kind: StreamKind): unknown {
  if (kind === "object") return value;
  return unbox(value, kind, false);
}

/** Sum with Kahan compensation, as DoubleStream.sum does in Java 21. */
export function compensatedSum(values: number[]): number {
  let sum = 0;
  let compensation = 0;
  let simpleSum = 0;
  for (const value of values) {
    simpleSum += value;
    const corrected = value - compensation;
    const next = sum + corrected;
    compensation = next - sum - corrected;
    sum = next;
  }
  const result = sum - compensation;
  return Number.isNaN(result) && Math.abs(simpleSum) === Infinity
    ? simpleSum
    : result;
}

export function sumOf(stream: JStream): unknown {
  if (stream.kind === "int")
    return (stream.items as number[]).reduce((a, b) => (a + b) | 0, 0);
  if (stream.kind === "long")
    return (stream.items as bigint[]).reduce(
      (a, b) => BigInt.asIntN(64, a + b),
      0n,
    );
  return new JDouble(compensatedSum(stream.items as number[]));
}

function extreme(
  stream: JStream,
  sign: number,
  comparator: unknown,
): JOptional {
  if (stream.items.length === 0) return new JOptional(null, false, stream.kind);
  const order = (a: unknown, b: unknown) =>
    stream.kind === "object"
      ? compareWith(comparator, a, b)
      : javaCompare(a, b);
  let best = stream.items[0];
  for (const item of stream.items.slice(1))
    if (sign * order(item, best) > 0) best = item;
  return new JOptional(best, true, stream.kind);
}

export function streamMethod(
  self: JStream,
  key: string,
  args: unknown[],
): unknown {
  const [first, second] = args;
  const boxed = () => self.boxedItems();
  const mapTo = (kind: StreamKind) => {
    const fn = asFunction(first, "a mapping function");
    return new JStream(
      boxed().map((item) => toKind(fn(item), kind)),
      kind,
    );
  };
  switch (key) {
    case "filter/1": {
      const test = asFunction(first, "a Predicate");
      return new JStream(
        self.items.filter((_, i) =>
          unbox(test(self.boxed(i)), "boolean", false),
        ),
        self.kind,
      );
    }
    case "map/1":
      return mapTo(self.kind);
    case "mapToObj/1":
      return mapTo("object");
    case "mapToInt/1":
      return mapTo("int");
    case "mapToLong/1":
      return mapTo("long");
    case "mapToDouble/1":
      return mapTo("double");
    case "asDoubleStream/0":
      return new JStream(self.items.map(Number), "double");
    case "boxed/0":
      return new JStream(boxed());
    case "sorted/0":
      return new JStream([...self.items].sort(javaCompare), self.kind);
    case "sorted/1":
      return new JStream(
        [...self.items].sort((a, b) => compareWith(first, a, b)),
        self.kind,
      );
    case "distinct/0":
      return new JStream(
        self.items.filter(
          (item, i) =>
            self.items.findIndex((other) => javaEquals(other, item)) === i,
        ),
        self.kind,
      );
    case "limit/1":
      return new JStream(
        self.items.slice(0, Number(unbox(first, "long", false))),
        self.kind,
      );
    case "skip/1":
      return new JStream(
        self.items.slice(Number(unbox(first, "long", false))),
        self.kind,
      );
    default:
      return terminalMethod(self, key, first, second);
  }
}

function terminalMethod(
  self: JStream,
  key: string,
  first: unknown,
  second: unknown,
): unknown {
  const boxed = () => self.boxedItems();
  switch (key) {
    case "forEach/1": {
      const action = asFunction(first, "a Consumer");
      for (const item of boxed()) action(item);
      return null;
    }
    case "collect/1":
      if (!(first instanceof JCollector))
        throw new PainlessRuntimeError(
          "ClassCastException",
          "collect expects a Collector",
        );
      return first.collect(boxed());
    case "toList/0":
      return new JList(boxed());
    case "toArray/0":
      return self.kind === "double"
        ? Float64Array.from(self.items as number[])
        : [...self.items];
    case "count/0":
      return BigInt(self.items.length);
    case "sum/0":
      return sumOf(self);
    case "average/0": {
      if (self.items.length === 0) return new JOptional(null, false, "double");
      return new JOptional(
        compensatedSum(self.items.map(Number)) / self.items.length,
        true,
        "double",
      );
    }
    case "min/0":
    case "min/1":
      return extreme(self, -1, first);
    case "max/0":
    case "max/1":
      return extreme(self, 1, first);
    case "findFirst/0":
    case "findAny/0":
      return new JOptional(
        self.items[0] ?? null,
        self.items.length > 0,
        self.kind,
      );
    case "anyMatch/1":
    case "allMatch/1":
    case "noneMatch/1": {
      const test = asFunction(first, "a Predicate");
      const results = boxed().map((item) =>
        unbox(test(item), "boolean", false),
      );
      if (key === "anyMatch/1") return results.includes(true);
      return key === "allMatch/1"
        ? !results.includes(false)
        : !results.includes(true);
    }
    case "reduce/2": {
      const op = asFunction(second, "a BinaryOperator");
      return boxed().reduce((acc, item) => op(acc, item), first);
    }
    case "reduce/1": {
      const op = asFunction(first, "a BinaryOperator");
      const items = boxed();
      if (items.length === 0) return new JOptional(null, false);
      return new JOptional(
        items.slice(1).reduce((acc, item) => op(acc, item), items[0]),
        true,
      );
    }
    default:
      return NO_METHOD;
  }
}

export function optionalMethod(
  self: JOptional,
  key: string,
  args: unknown[],
): unknown {
  switch (key) {
    case "get/0":
    case "getAsDouble/0":
    case "getAsInt/0":
    case "getAsLong/0":
    case "orElseThrow/0":
      return self.get();
    case "isPresent/0":
      return self.present;
    case "isEmpty/0":
      return !self.present;
    case "orElse/1":
      return self.present ? self.get() : args[0];
    case "orElseGet/1":
      return self.present ? self.get() : asFunction(args[0], "a Supplier")();
    case "ifPresent/1":
      if (self.present) asFunction(args[0], "a Consumer")(self.get());
      return null;
    default:
      return NO_METHOD;
  }
}
