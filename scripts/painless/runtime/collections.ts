// java.util collections. HashMap and HashSet iterate in Java's order (bucket
// index of the spread hash, then insertion within a bucket), so results that
// depend on iteration order, such as ties, match Elasticsearch.
// NOTE: Java turns a bucket with 8 or more keys into a tree, which changes
// the order inside that bucket; this emulation keeps insertion order there.

import { PainlessRuntimeError } from "../errors.ts";
import {
  JChar,
  JDouble,
  JFloat,
  javaEquals,
  javaHashCode,
  javaToString,
  javaCompare,
  type JavaObject,
} from "./values.ts";

/** Key of a boxed value in a JS Map: equal Java values give equal keys. */
function mapKey(value: unknown): unknown {
  if (value instanceof JDouble) return `\u0000D${value.v}`;
  if (value instanceof JFloat) return `\u0000F${value.v}`;
  if (value instanceof JChar) return `\u0000C${value.v}`;
  if (value instanceof JList) return `\u0000L${value.javaToString()}`;
  return value;
}

export function indexOutOfBounds(index: number, length: number): never {
  throw new PainlessRuntimeError(
    "IndexOutOfBoundsException",
    `Index ${index} out of bounds for length ${length}`,
  );
}

export class JList implements JavaObject {
  readonly javaClass = "java.util.ArrayList";

  constructor(readonly items: unknown[] = []) {}

  get(index: number): unknown {
    if (index < 0 || index >= this.items.length)
      indexOutOfBounds(index, this.items.length);
    return this.items[index];
  }

  set(index: number, value: unknown): unknown {
    const previous = this.get(index);
    this.items[index] = value;
    return previous;
  }

  javaEquals(other: unknown): boolean {
    if (!(other instanceof JList) || other.items.length !== this.items.length)
      return false;
    return this.items.every((item, i) => javaEquals(item, other.items[i]));
  }

  javaHashCode(): number {
    let hash = 1;
    for (const item of this.items)
      hash = (Math.imul(31, hash) + javaHashCode(item)) | 0;
    return hash;
  }

  javaToString(): string {
    return `[${this.items.map(javaToString).join(", ")}]`;
  }
}

export class JEntry implements JavaObject {
  readonly javaClass = "java.util.Map$Entry";

  constructor(
    readonly key: unknown,
    public value: unknown,
    readonly hash: number,
    public sequence: number,
  ) {}

  javaEquals(other: unknown): boolean {
    return (
      other instanceof JEntry &&
      javaEquals(this.key, other.key) &&
      javaEquals(this.value, other.value)
    );
  }

  javaHashCode(): number {
    return javaHashCode(this.key) ^ javaHashCode(this.value);
  }

  javaToString(): string {
    return `${javaToString(this.key)}=${javaToString(this.value)}`;
  }
}

export type MapOrder = "hash" | "insertion" | "sorted";

/** `HashMap`, `LinkedHashMap` or `TreeMap`, by iteration order. */
export class JMap implements JavaObject {
  readonly javaClass: string;
  private readonly entries = new Map<unknown, JEntry>();
  private capacity: number;
  private sequence = 0;
  private ordered: JEntry[] | null = null;

  constructor(
    readonly order: MapOrder = "hash",
    initialCapacity = 16,
  ) {
    this.javaClass =
      order === "hash"
        ? "java.util.HashMap"
        : order === "insertion"
          ? "java.util.LinkedHashMap"
          : "java.util.TreeMap";
    this.capacity = tableSizeFor(initialCapacity);
  }

  get size(): number {
    return this.entries.size;
  }

  getEntry(key: unknown): JEntry | undefined {
    return this.entries.get(mapKey(key));
  }

  get(key: unknown): unknown {
    const entry = this.entries.get(mapKey(key));
    return entry === undefined ? null : entry.value;
  }

  has(key: unknown): boolean {
    return this.entries.has(mapKey(key));
  }

  put(key: unknown, value: unknown): unknown {
    if (this.order === "sorted" && key === null) {
      throw new PainlessRuntimeError(
        "NullPointerException",
        "TreeMap does not accept null keys",
      );
    }
    const normalized = mapKey(key);
    const existing = this.entries.get(normalized);
    if (existing) {
      const previous = existing.value;
      existing.value = value;
      return previous;
    }
    const hash = javaHashCode(key);
    this.entries.set(
      normalized,
      new JEntry(key, value, hash ^ (hash >>> 16), this.sequence++),
    );
    while (this.entries.size > this.capacity * 0.75) this.capacity *= 2;
    this.ordered = null;
    return null;
  }

  remove(key: unknown): unknown {
    const normalized = mapKey(key);
    const existing = this.entries.get(normalized);
    if (!existing) return null;
    this.entries.delete(normalized);
    this.ordered = null;
    return existing.value;
  }

  clear(): void {
    this.entries.clear();
    this.ordered = null;
  }

  /** The entries in Java iteration order. */
  entryList(): JEntry[] {
    if (this.ordered) return this.ordered;
    const list = [...this.entries.values()];
    if (this.order === "hash") {
      const mask = this.capacity - 1;
      list.sort(
        (a, b) => (a.hash & mask) - (b.hash & mask) || a.sequence - b.sequence,
      );
    } else if (this.order === "sorted") {
      list.sort((a, b) => javaCompare(a.key, b.key));
    }
    this.ordered = list;
    return list;
  }

  javaEquals(other: unknown): boolean {
    if (!(other instanceof JMap) || other.size !== this.size) return false;
    for (const entry of this.entries.values()) {
      if (
        !other.has(entry.key) ||
        !javaEquals(entry.value, other.get(entry.key))
      )
        return false;
    }
    return true;
  }

  javaHashCode(): number {
    let hash = 0;
    for (const entry of this.entries.values())
      hash = (hash + entry.javaHashCode()) | 0;
    return hash;
  }

  javaToString(): string {
    return `{${this.entryList()
      .map((e) => e.javaToString())
      .join(", ")}}`;
  }
}

/** `HashMap.tableSizeFor`: the next power of two, at least 1. */
export function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity) size *= 2;
  return size;
}

/** `HashSet` (backed by a HashMap, as in Java) or `LinkedHashSet`/`TreeSet`. */
export class JSet implements JavaObject {
  readonly javaClass: string;
  readonly map: JMap;

  constructor(order: MapOrder = "hash", initialCapacity = 16) {
    this.map = new JMap(order, initialCapacity);
    this.javaClass =
      order === "hash"
        ? "java.util.HashSet"
        : order === "insertion"
          ? "java.util.LinkedHashSet"
          : "java.util.TreeSet";
  }

  add(value: unknown): boolean {
    if (this.map.has(value)) return false;
    this.map.put(value, true);
    return true;
  }

  values(): unknown[] {
    return this.map.entryList().map((entry) => entry.key);
  }

  javaEquals(other: unknown): boolean {
    if (!(other instanceof JSet) || other.map.size !== this.map.size)
      return false;
    return this.values().every((value) => other.map.has(value));
  }

  javaHashCode(): number {
    let hash = 0;
    for (const value of this.values()) hash = (hash + javaHashCode(value)) | 0;
    return hash;
  }

  javaToString(): string {
    return `[${this.values().map(javaToString).join(", ")}]`;
  }
}

/**
 * `keySet()`, `values()` or `entrySet()` of a map: a read-only snapshot.
 * NOTE: Java's views write through to the map; changing the map through a
 * view raises UnsupportedOperationException here instead.
 */
export class JMapView implements JavaObject {
  readonly javaClass: string;

  constructor(
    readonly map: JMap,
    readonly kind: "keys" | "values" | "entries",
  ) {
    this.javaClass =
      kind === "values" ? "java.util.Collection" : "java.util.Set";
  }

  items(): unknown[] {
    const entries = this.map.entryList();
    if (this.kind === "entries") return entries;
    return entries.map((entry) =>
      this.kind === "keys" ? entry.key : entry.value,
    );
  }

  contains(value: unknown): boolean {
    if (this.kind === "keys") return this.map.has(value);
    return this.items().some((item) => javaEquals(item, value));
  }

  javaEquals(other: unknown): boolean {
    return other === this;
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return `[${this.items().map(javaToString).join(", ")}]`;
  }
}
