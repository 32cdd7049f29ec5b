// Dates as Painless sees them in doc values: a ZonedDateTime in UTC (the
// JodaCompatibleZonedDateTime of Elasticsearch 7.x also has getMillis) and
// the Instant it converts to. Both keep epoch milliseconds.

import { javaCompare, type JavaObject } from "./values.ts";

export class JInstant implements JavaObject {
  readonly javaClass = "java.time.Instant";

  constructor(readonly epochMillis: number) {}

  javaEquals(other: unknown): boolean {
    return other instanceof JInstant && other.epochMillis === this.epochMillis;
  }

  javaHashCode(): number {
    return this.epochMillis | 0;
  }

  javaCompareTo(other: unknown): number {
    return javaCompare(this.epochMillis, (other as JInstant).epochMillis);
  }

  javaToString(): string {
    return new Date(this.epochMillis).toISOString();
  }
}

export class JZonedDateTime implements JavaObject {
  readonly javaClass = "java.time.ZonedDateTime";

  constructor(readonly epochMillis: number) {}

  get date(): Date {
    return new Date(this.epochMillis);
  }

  javaEquals(other: unknown): boolean {
    return (
      other instanceof JZonedDateTime && other.epochMillis === this.epochMillis
    );
  }

  javaHashCode(): number {
    return this.epochMillis | 0;
  }

  javaCompareTo(other: unknown): number {
    return javaCompare(this.epochMillis, (other as JZonedDateTime).epochMillis);
  }

  javaToString(): string {
    return new Date(this.epochMillis).toISOString();
  }
}

/**
 * `doc['field']`: the sorted values of one field of one document. Reading
 * `.value` of an empty field fails, as in Elasticsearch.
 */
export class JDocValues implements JavaObject {
  readonly javaClass = "org.elasticsearch.index.fielddata.ScriptDocValues";

  constructor(
    readonly field: string,
    readonly values: unknown[],
  ) {}

  javaEquals(other: unknown): boolean {
    return other === this;
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return `[${this.values.map(String).join(", ")}]`;
  }
}

/** `doc`: the doc values of the fields mapped in the simulated index. */
export class JDoc implements JavaObject {
  readonly javaClass = "org.elasticsearch.search.lookup.LeafDocLookup";

  constructor(
    readonly fields: Map<string, unknown[]>,
    readonly mapped: ReadonlySet<string>,
  ) {}

  javaEquals(other: unknown): boolean {
    return other === this;
  }

  javaHashCode(): number {
    return 0;
  }

  javaToString(): string {
    return "doc";
  }
}
