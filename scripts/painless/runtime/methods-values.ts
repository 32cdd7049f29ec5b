// Instance methods of String, the boxed numbers, Boolean, dates, doc values
// and exceptions.

import { PainlessRuntimeError } from "../errors.ts";
import { JList } from "./collections.ts";
import { JDoc, JDocValues, JInstant, JZonedDateTime } from "./dates.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox, type PrimitiveName } from "./operators.ts";
import {
  JChar,
  JDouble,
  JFloat,
  compareStrings,
  javaCompare,
  javaEquals,
  javaHashCode,
  javaToString,
} from "./values.ts";

const int = (value: unknown): number => unbox(value, "int", false) as number;

function str(value: unknown, method: string): string {
  if (typeof value === "string") return value;
  if (value === null)
    throw new PainlessRuntimeError(
      "NullPointerException",
      `String.${method} argument is null`,
    );
  throw new PainlessRuntimeError(
    "ClassCastException",
    `String.${method} expects a String`,
  );
}

function checkRange(s: string, from: number, to: number): void {
  if (from < 0 || to > s.length || from > to) {
    throw new PainlessRuntimeError(
      "StringIndexOutOfBoundsException",
      `begin ${from}, end ${to}, length ${s.length}`,
    );
  }
}

/** `String.trim`: strips every character up to U+0020 at both ends. */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end -= 1;
  return s.slice(start, end);
}

export function stringMethod(
  self: string,
  key: string,
  args: unknown[],
): unknown {
  const [first, second] = args;
  switch (key) {
    case "length/0":
      return self.length;
    case "isEmpty/0":
      return self.length === 0;
    case "charAt/1": {
      const index = int(first);
      checkRange(self, index, index + 1);
      return new JChar(self.charCodeAt(index));
    }
    case "substring/1":
      checkRange(self, int(first), self.length);
      return self.substring(int(first));
    case "substring/2":
      checkRange(self, int(first), int(second));
      return self.substring(int(first), int(second));
    case "indexOf/1":
      return self.indexOf(str(first, "indexOf"));
    case "indexOf/2":
      return self.indexOf(str(first, "indexOf"), int(second));
    case "lastIndexOf/1":
      return self.lastIndexOf(str(first, "lastIndexOf"));
    case "contains/1":
      return self.includes(str(first, "contains"));
    case "startsWith/1":
      return self.startsWith(str(first, "startsWith"));
    case "endsWith/1":
      return self.endsWith(str(first, "endsWith"));
    case "equalsIgnoreCase/1":
      return (
        typeof first === "string" && self.toLowerCase() === first.toLowerCase()
      );
    case "toLowerCase/0":
      return self.toLowerCase();
    case "toUpperCase/0":
      return self.toUpperCase();
    case "trim/0":
      return javaTrim(self);
    case "replace/2":
      return self.split(javaToString(first)).join(javaToString(second));
    case "concat/1":
      return self + str(first, "concat");
    case "compareTo/1":
      return compareStrings(self, str(first, "compareTo"));
    case "splitOnToken/1":
      // Painless returns a String[] here, not a List.
      return self.split(str(first, "splitOnToken"));
    default:
      return NO_METHOD;
  }
}

const NUMBER_VALUE: Record<string, PrimitiveName> = {
  "intValue/0": "int",
  "longValue/0": "long",
  "doubleValue/0": "double",
  "floatValue/0": "float",
  "shortValue/0": "short",
  "byteValue/0": "byte",
};

/** Methods of Integer, Long, Double, Float, Character and Boolean. */
export function boxMethod(
  self: unknown,
  key: string,
  args: unknown[],
): unknown {
  const target = NUMBER_VALUE[key];
  if (target && typeof self !== "boolean") {
    const value = unbox(self, target, true);
    if (target === "double") return new JDouble(value as number);
    return target === "float" ? new JFloat(value as number) : value;
  }
  switch (key) {
    case "compareTo/1":
      return javaCompare(self, args[0]);
    case "booleanValue/0":
      return unbox(self, "boolean", false);
    case "charValue/0":
      return self instanceof JChar ? self : NO_METHOD;
    case "isNaN/0":
      return self instanceof JDouble || self instanceof JFloat
        ? Number.isNaN(self.v)
        : NO_METHOD;
    case "isInfinite/0":
      return self instanceof JDouble || self instanceof JFloat
        ? Math.abs(self.v) === Infinity
        : NO_METHOD;
    default:
      return NO_METHOD;
  }
}

/** Methods every object has. */
export function objectMethod(
  self: unknown,
  key: string,
  args: unknown[],
): unknown {
  switch (key) {
    case "equals/1":
      return javaEquals(self, args[0]);
    case "hashCode/0":
      return javaHashCode(self);
    case "toString/0":
      return javaToString(self);
    default:
      return NO_METHOD;
  }
}

const DATE_FIELDS: Record<string, (date: Date) => number> = {
  "getYear/0": (d) => d.getUTCFullYear(),
  "getMonthValue/0": (d) => d.getUTCMonth() + 1,
  "getDayOfMonth/0": (d) => d.getUTCDate(),
  "getHour/0": (d) => d.getUTCHours(),
  "getMinute/0": (d) => d.getUTCMinutes(),
  "getSecond/0": (d) => d.getUTCSeconds(),
};

export function dateMethod(
  self: JZonedDateTime | JInstant,
  key: string,
  args: unknown[],
): unknown {
  const millis = self.epochMillis;
  const other = args[0] as JZonedDateTime | JInstant;
  switch (key) {
    case "toInstant/0":
      return new JInstant(millis);
    case "toEpochMilli/0":
    case "getMillis/0":
      return BigInt(millis);
    case "toEpochSecond/0":
    case "getEpochSecond/0":
      return BigInt(Math.floor(millis / 1000));
    case "isBefore/1":
      return millis < other.epochMillis;
    case "isAfter/1":
      return millis > other.epochMillis;
    case "compareTo/1":
      return self.javaCompareTo(other);
    default: {
      const field =
        self instanceof JZonedDateTime ? DATE_FIELDS[key] : undefined;
      return field ? field(new Date(millis)) : NO_METHOD;
    }
  }
}

export function docValuesMethod(
  self: JDocValues,
  key: string,
  args: unknown[],
): unknown {
  switch (key) {
    case "getValue/0":
      if (self.values.length === 0) {
        throw new PainlessRuntimeError(
          "IllegalStateException",
          `A document doesn't have a value for a field! Use doc[<field>].size()==0 to check if a document is missing a field! (field [${self.field}])`,
        );
      }
      return self.values[0];
    case "get/1": {
      const index = int(args[0]);
      if (index < 0 || index >= self.values.length) {
        throw new PainlessRuntimeError(
          "IndexOutOfBoundsException",
          `Index ${index} out of bounds for length ${self.values.length}`,
        );
      }
      return self.values[index];
    }
    case "size/0":
    case "getLength/0":
      return self.values.length;
    case "isEmpty/0":
      return self.values.length === 0;
    case "getValues/0":
      return new JList([...self.values]);
    case "contains/1":
      return self.values.some((value) => javaEquals(value, args[0]));
    default:
      return NO_METHOD;
  }
}

export function docMethod(self: JDoc, key: string, args: unknown[]): unknown {
  switch (key) {
    case "get/1":
      return docField(self, args[0]);
    case "containsKey/1":
      return typeof args[0] === "string" && self.mapped.has(args[0]);
    default:
      return NO_METHOD;
  }
}

/** `doc['field']`: fails for a field the index does not map, as Elasticsearch does. */
export function docField(doc: JDoc, name: unknown): JDocValues {
  const field = javaToString(name);
  if (!doc.mapped.has(field)) {
    throw new PainlessRuntimeError(
      "IllegalArgumentException",
      `No field found for [${field}] in mapping`,
    );
  }
  return new JDocValues(field, doc.fields.get(field) ?? []);
}

export function exceptionMethod(
  self: PainlessRuntimeError,
  key: string,
): unknown {
  if (key === "getMessage/0") return self.reason;
  if (key === "toString/0")
    return `java.lang.${self.javaClass}: ${self.reason}`;
  return NO_METHOD;
}
