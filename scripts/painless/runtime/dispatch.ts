// Dynamic dispatch on boxed receivers: method calls, `.field` shortcuts,
// `[index]` access, for-each iteration, instanceof and reference casts.

import { PainlessRuntimeError } from "../errors.ts";
import {
  JEntry,
  JList,
  JMap,
  JMapView,
  JSet,
  indexOutOfBounds,
} from "./collections.ts";
import { JDoc, JDocValues, JInstant, JZonedDateTime } from "./dates.ts";
import { callFunctionMethod, type JavaFunction } from "./functions.ts";
import {
  JIterator,
  entryMethod,
  iteratorMethod,
  listMethod,
  mapMethod,
  setMethod,
  viewMethod,
} from "./methods-collections.ts";
import { optionalMethod, streamMethod } from "./methods-streams.ts";
import {
  boxMethod,
  dateMethod,
  docField,
  docMethod,
  docValuesMethod,
  exceptionMethod,
  objectMethod,
  stringMethod,
} from "./methods-values.ts";
import { NO_METHOD } from "./missing.ts";
import { nullPointer, unbox } from "./operators.ts";
import { callStatic, construct } from "./statics.ts";
import { JOptional, JStream } from "./streams.ts";
import { JChar, JDouble, JFloat, javaClassOf, numericKind } from "./values.ts";

export class UnsupportedMemberError extends PainlessRuntimeError {
  constructor(what: string) {
    super(
      "UnsupportedOperationException",
      `${what} is not supported by the offline Painless engine`,
    );
  }
}

function ownMethod(receiver: unknown, key: string, args: unknown[]): unknown {
  if (typeof receiver === "string") return stringMethod(receiver, key, args);
  if (receiver instanceof JList) return listMethod(receiver, key, args);
  if (receiver instanceof JMap) return mapMethod(receiver, key, args);
  if (receiver instanceof JEntry) return entryMethod(receiver, key, args);
  if (receiver instanceof JMapView) return viewMethod(receiver, key, args);
  if (receiver instanceof JSet) return setMethod(receiver, key, args);
  if (receiver instanceof JStream) return streamMethod(receiver, key, args);
  if (receiver instanceof JOptional) return optionalMethod(receiver, key, args);
  if (receiver instanceof JDocValues)
    return docValuesMethod(receiver, key, args);
  if (receiver instanceof JDoc) return docMethod(receiver, key, args);
  if (receiver instanceof JZonedDateTime || receiver instanceof JInstant)
    return dateMethod(receiver, key, args);
  if (receiver instanceof JIterator) return iteratorMethod(receiver, key);
  if (typeof receiver === "function")
    return callFunctionMethod(receiver as JavaFunction, key, args);
  if (receiver instanceof PainlessRuntimeError)
    return exceptionMethod(receiver, key);
  if (numericKind(receiver) || typeof receiver === "boolean")
    return boxMethod(receiver, key, args);
  return NO_METHOD;
}

/** `receiver.name(args)` where `key` is `name/arity`. */
export function callMethod(
  receiver: unknown,
  key: string,
  args: unknown[],
): unknown {
  if (receiver === null || receiver === undefined)
    nullPointer(`cannot call [${key.split("/")[0]}] on null`);
  let result = ownMethod(receiver, key, args);
  if (result === NO_METHOD) result = objectMethod(receiver, key, args);
  if (result === NO_METHOD)
    throw new UnsupportedMemberError(
      `method [${javaClassOf(receiver)}, ${key}]`,
    );
  return result === undefined ? null : result;
}

/** `Class.name(args)`. */
export function callStaticMethod(
  cls: string,
  key: string,
  args: unknown[],
): unknown {
  const result = callStatic(cls, key, args);
  if (result === NO_METHOD)
    throw new UnsupportedMemberError(`static method [${cls}, ${key}]`);
  return result;
}

export function constructObject(cls: string, args: unknown[]): unknown {
  const result = construct(cls, args);
  if (result === NO_METHOD)
    throw new UnsupportedMemberError(
      `constructor [${cls}, <init>/${args.length}]`,
    );
  return result;
}

const capitalize = (name: string) =>
  name.charAt(0).toUpperCase() + name.slice(1);

/** `receiver.name`: a map key, a list index, an array length or a getter. */
export function getField(receiver: unknown, name: string): unknown {
  if (receiver === null || receiver === undefined)
    nullPointer(`cannot access field [${name}] of null`);
  if (receiver instanceof JMap) return receiver.get(name);
  if (receiver instanceof JList && /^\d+$/.test(name))
    return receiver.get(Number(name));
  if (name === "length" && isArray(receiver))
    return (receiver as ArrayLike<unknown>).length;
  for (const prefix of ["get", "is"]) {
    const result = ownMethod(receiver, `${prefix}${capitalize(name)}/0`, []);
    if (result !== NO_METHOD) return result;
  }
  throw new UnsupportedMemberError(`field [${javaClassOf(receiver)}, ${name}]`);
}

/** `receiver.name = value`. */
export function setField(
  receiver: unknown,
  name: string,
  value: unknown,
): void {
  if (receiver === null || receiver === undefined)
    nullPointer(`cannot set field [${name}] of null`);
  if (receiver instanceof JMap) {
    receiver.put(name, value);
    return;
  }
  if (receiver instanceof JList && /^\d+$/.test(name)) {
    receiver.set(Number(name), value);
    return;
  }
  const result = ownMethod(receiver, `set${capitalize(name)}/1`, [value]);
  if (result === NO_METHOD)
    throw new UnsupportedMemberError(
      `field [${javaClassOf(receiver)}, ${name}]`,
    );
}

export function isArray(value: unknown): boolean {
  return (
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView))
  );
}

/** An array element as a boxed value. */
export function boxElement(array: unknown, index: number): unknown {
  const items = array as ArrayLike<unknown>;
  if (index < 0 || index >= items.length) {
    throw new PainlessRuntimeError(
      "ArrayIndexOutOfBoundsException",
      `Index ${index} out of bounds for length ${items.length}`,
    );
  }
  const value = items[index];
  if (array instanceof Float64Array) return new JDouble(value as number);
  if (array instanceof Float32Array) return new JFloat(value as number);
  if (array instanceof Uint16Array) return new JChar(value as number);
  return value;
}

/** `receiver[index]` on a map, list, array or doc. */
export function getIndex(receiver: unknown, index: unknown): unknown {
  if (receiver === null || receiver === undefined)
    nullPointer("cannot index null");
  if (receiver instanceof JMap) return receiver.get(index);
  if (receiver instanceof JDoc) return docField(receiver, index);
  if (receiver instanceof JList)
    return receiver.get(unbox(index, "int", false) as number);
  if (receiver instanceof JDocValues) {
    return docValuesMethod(receiver, "get/1", [index]);
  }
  if (isArray(receiver))
    return boxElement(receiver, unbox(index, "int", false) as number);
  throw new UnsupportedMemberError(`indexing [${javaClassOf(receiver)}]`);
}

/** `receiver[index] = value`; `value` is boxed. */
export function setIndex(
  receiver: unknown,
  index: unknown,
  value: unknown,
): void {
  if (receiver === null || receiver === undefined)
    nullPointer("cannot index null");
  if (receiver instanceof JMap) {
    receiver.put(index, value);
    return;
  }
  if (receiver instanceof JList) {
    receiver.set(unbox(index, "int", false) as number, value);
    return;
  }
  if (isArray(receiver)) {
    const array = receiver as unknown[];
    const position = unbox(index, "int", false) as number;
    if (position < 0 || position >= array.length)
      indexOutOfBounds(position, array.length);
    array[position] = storeElement(receiver, value);
    return;
  }
  throw new UnsupportedMemberError(`indexing [${javaClassOf(receiver)}]`);
}

function storeElement(array: unknown, value: unknown): unknown {
  if (array instanceof Float64Array) return unbox(value, "double", false);
  if (array instanceof Float32Array) return unbox(value, "float", false);
  if (array instanceof BigInt64Array) return unbox(value, "long", false);
  if (array instanceof Int32Array) return unbox(value, "int", false);
  if (array instanceof Int16Array) return unbox(value, "short", false);
  if (array instanceof Int8Array) return unbox(value, "byte", false);
  if (array instanceof Uint16Array) return unbox(value, "char", false);
  return value;
}

/** The boxed elements a for-each loop visits. */
export function iterate(value: unknown): unknown[] {
  if (value === null || value === undefined)
    nullPointer("cannot iterate over null");
  if (value instanceof JList) return [...value.items];
  if (value instanceof JSet) return value.values();
  if (value instanceof JMapView) return value.items();
  if (value instanceof JDocValues) return [...value.values];
  if (isArray(value)) {
    const items = value as ArrayLike<unknown>;
    return Array.from({ length: items.length }, (_, i) => boxElement(value, i));
  }
  throw new PainlessRuntimeError(
    "ClassCastException",
    `cannot iterate over ${javaClassOf(value)}`,
  );
}
