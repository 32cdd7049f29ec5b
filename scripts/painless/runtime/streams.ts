// java.util.stream, evaluated eagerly over arrays: Stream, IntStream,
// LongStream and DoubleStream, Optional and the common Collectors.
// Elements of an object stream are boxed values; elements of a primitive
// stream are raw (number for int and double, BigInt for long).

import { PainlessRuntimeError } from "../errors.ts";
import { JDouble, type JavaObject } from "./values.ts";

export type StreamKind = "object" | "int" | "long" | "double";

export class JStream implements JavaObject {
  readonly javaClass: string;

  constructor(
    readonly items: unknown[],
    readonly kind: StreamKind = "object",
  ) {
    const names = {
      object: "Stream",
      int: "IntStream",
      long: "LongStream",
      double: "DoubleStream",
    };
    this.javaClass = `java.util.stream.${names[kind]}`;
  }

  /** Element `i` as a boxed value, to pass to a lambda. */
  boxed(i: number): unknown {
    const value = this.items[i];
    return this.kind === "double" ? new JDouble(value as number) : value;
  }

  boxedItems(): unknown[] {
    return this.items.map((_, i) => this.boxed(i));
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

/** Optional, OptionalInt, OptionalLong or OptionalDouble. */
export class JOptional implements JavaObject {
  readonly javaClass: string;

  constructor(
    readonly value: unknown,
    readonly present: boolean,
    readonly kind: StreamKind = "object",
  ) {
    const names = {
      object: "Optional",
      int: "OptionalInt",
      long: "OptionalLong",
      double: "OptionalDouble",
    };
    this.javaClass = `java.util.${names[kind]}`;
  }

  /** The boxed value, or NoSuchElementException when empty. */
  get(): unknown {
    if (!this.present)
      throw new PainlessRuntimeError(
        "NoSuchElementException",
        "No value present",
      );
    return this.kind === "double"
      ? new JDouble(this.value as number)
      : this.value;
  }

  javaEquals(other: unknown): boolean {
    return (
      other instanceof JOptional &&
      other.present === this.present &&
      other.value === this.value
    );
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return this.present
      ? `${this.javaClass.split(".").pop()}[${String(this.value)}]`
      : `${this.javaClass.split(".").pop()}.empty`;
  }
}

/** A Collector: turns the boxed elements of a stream into one result. */
export class JCollector implements JavaObject {
  readonly javaClass = "java.util.stream.Collector";

  constructor(
    readonly name: string,
    readonly collect: (items: unknown[]) => unknown,
  ) {}

  javaEquals(other: unknown): boolean {
    return other === this;
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return `Collectors.${this.name}`;
  }
}
