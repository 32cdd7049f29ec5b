// Instance methods of List, Map, Set, the map views, Map.Entry and Iterator.

import { PainlessRuntimeError } from "../errors.ts";
import {
  JEntry,
  JList,
  JMap,
  JMapView,
  JSet,
  indexOutOfBounds,
} from "./collections.ts";
import { asFunction, compareWith } from "./functions.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox } from "./operators.ts";
import { JStream } from "./streams.ts";
import { javaEquals, type JavaObject } from "./values.ts";

const int = (value: unknown): number => unbox(value, "int", false) as number;

/** Elements of any collection-like value, in iteration order. */
export function elementsOf(value: JList | JSet | JMapView): unknown[] {
  if (value instanceof JList) return value.items;
  if (value instanceof JSet) return value.values();
  return value.items();
}

export class JIterator implements JavaObject {
  readonly javaClass = "java.util.Iterator";
  private position = 0;

  constructor(private readonly items: unknown[]) {}

  hasNext(): boolean {
    return this.position < this.items.length;
  }

  next(): unknown {
    if (!this.hasNext())
      throw new PainlessRuntimeError(
        "NoSuchElementException",
        "iterator exhausted",
      );
    return this.items[this.position++];
  }

  javaEquals(other: unknown): boolean {
    return other === this;
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return this.javaClass;
  }
}

/** Methods every collection shares: size, contains, stream, forEach, ... */
function collectionMethod(
  self: JList | JSet | JMapView,
  key: string,
  args: unknown[],
): unknown {
  const items = () => elementsOf(self);
  switch (key) {
    case "size/0":
    case "getLength/0":
      return items().length;
    case "isEmpty/0":
      return items().length === 0;
    case "contains/1":
      if (self instanceof JSet) return self.map.has(args[0]);
      if (self instanceof JMapView) return self.contains(args[0]);
      return self.items.some((item) => javaEquals(item, args[0]));
    case "containsAll/1":
      return elementsOf(args[0] as JList).every((item) =>
        collectionMethod(self, "contains/1", [item]),
      );
    case "stream/0":
      return new JStream([...items()]);
    case "forEach/1": {
      const action = asFunction(args[0], "a Consumer");
      for (const item of [...items()]) action(item);
      return null;
    }
    case "iterator/0":
      return new JIterator([...items()]);
    case "toArray/0":
      return [...items()];
    default:
      return NO_METHOD;
  }
}

function readOnly(self: JMapView, key: string): never {
  throw new PainlessRuntimeError(
    "UnsupportedOperationException",
    `${key.split("/")[0]} through a map's ${self.kind === "entries" ? "entrySet" : self.kind === "keys" ? "keySet" : "values"}() view is not supported by the offline engine`,
  );
}

export function listMethod(self: JList, key: string, args: unknown[]): unknown {
  const items = self.items;
  switch (key) {
    case "add/1":
      items.push(args[0]);
      return true;
    case "add/2": {
      const index = int(args[0]);
      if (index < 0 || index > items.length)
        indexOutOfBounds(index, items.length);
      items.splice(index, 0, args[1]);
      return null;
    }
    case "addAll/1":
      items.push(...elementsOf(args[0] as JList));
      return true;
    case "get/1":
      return self.get(int(args[0]));
    case "set/2":
      return self.set(int(args[0]), args[1]);
    case "remove/1": {
      const index = int(args[0]);
      const removed = self.get(index);
      items.splice(index, 1);
      return removed;
    }
    case "removeIf/1": {
      const test = asFunction(args[0], "a Predicate");
      const kept = items.filter((item) => !test(item));
      const changed = kept.length !== items.length;
      items.splice(0, items.length, ...kept);
      return changed;
    }
    case "indexOf/1":
      return items.findIndex((item) => javaEquals(item, args[0]));
    case "lastIndexOf/1": {
      let index = items.length - 1;
      while (index >= 0 && !javaEquals(items[index], args[0])) index -= 1;
      return index;
    }
    case "clear/0":
      items.length = 0;
      return null;
    case "sort/1":
      items.sort((a, b) => compareWith(args[0], a, b));
      return null;
    case "subList/2": {
      const from = int(args[0]);
      const to = int(args[1]);
      if (from < 0 || to > items.length || from > to)
        indexOutOfBounds(from < 0 ? from : to, items.length);
      // NOTE: Java's subList is a view that writes through; this is a copy.
      return new JList(items.slice(from, to));
    }
    default:
      return collectionMethod(self, key, args);
  }
}

export function setMethod(self: JSet, key: string, args: unknown[]): unknown {
  switch (key) {
    case "add/1":
      return self.add(args[0]);
    case "addAll/1": {
      let changed = false;
      for (const item of elementsOf(args[0] as JList))
        changed = self.add(item) || changed;
      return changed;
    }
    case "remove/1":
      return self.map.remove(args[0]) !== null;
    case "clear/0":
      self.map.clear();
      return null;
    case "removeIf/1": {
      const test = asFunction(args[0], "a Predicate");
      const removed = self.values().filter((item) => test(item));
      for (const item of removed) self.map.remove(item);
      return removed.length > 0;
    }
    default:
      return collectionMethod(self, key, args);
  }
}

export function viewMethod(
  self: JMapView,
  key: string,
  args: unknown[],
): unknown {
  if (/^(add|addAll|remove|removeIf|clear|retainAll|removeAll)\//.test(key))
    readOnly(self, key);
  return collectionMethod(self, key, args);
}

export function mapMethod(self: JMap, key: string, args: unknown[]): unknown {
  const [first, second, third] = args;
  switch (key) {
    case "get/1":
      return self.get(first);
    case "put/2":
      return self.put(first, second);
    case "containsKey/1":
      return self.has(first);
    case "containsValue/1":
      return self.entryList().some((entry) => javaEquals(entry.value, first));
    case "getOrDefault/2":
      return self.has(first) ? self.get(first) : second;
    case "putIfAbsent/2": {
      const current = self.get(first);
      if (current === null) self.put(first, second);
      return current;
    }
    case "remove/1":
      return self.remove(first);
    case "size/0":
      return self.size;
    case "isEmpty/0":
      return self.size === 0;
    case "keySet/0":
      return new JMapView(self, "keys");
    case "values/0":
      return new JMapView(self, "values");
    case "entrySet/0":
      return new JMapView(self, "entries");
    case "clear/0":
      self.clear();
      return null;
    case "putAll/1":
      for (const entry of (first as JMap).entryList())
        self.put(entry.key, entry.value);
      return null;
    case "forEach/1": {
      const action = asFunction(first, "a BiConsumer");
      for (const entry of [...self.entryList()]) action(entry.key, entry.value);
      return null;
    }
    default:
      return mapComputeMethod(self, key, first, second, third);
  }
}

function mapComputeMethod(
  self: JMap,
  key: string,
  first: unknown,
  second: unknown,
  third: unknown,
): unknown {
  const store = (value: unknown) => {
    if (value === null) self.remove(first);
    else self.put(first, value);
    return value;
  };
  switch (key) {
    case "computeIfAbsent/2": {
      const current = self.get(first);
      if (current !== null) return current;
      return store(asFunction(second, "a Function")(first));
    }
    case "computeIfPresent/2": {
      const current = self.get(first);
      if (current === null) return null;
      return store(asFunction(second, "a BiFunction")(first, current));
    }
    case "compute/2":
      return store(asFunction(second, "a BiFunction")(first, self.get(first)));
    case "merge/3": {
      const current = self.get(first);
      if (current === null) return store(second);
      return store(asFunction(third, "a BiFunction")(current, second));
    }
    default:
      return NO_METHOD;
  }
}

export function entryMethod(
  self: JEntry,
  key: string,
  args: unknown[],
): unknown {
  switch (key) {
    case "getKey/0":
      return self.key;
    case "getValue/0":
      return self.value;
    case "setValue/1": {
      const previous = self.value;
      self.value = args[0];
      return previous;
    }
    default:
      return NO_METHOD;
  }
}

export function iteratorMethod(self: JIterator, key: string): unknown {
  if (key === "hasNext/0") return self.hasNext();
  if (key === "next/0") return self.next();
  return NO_METHOD;
}
