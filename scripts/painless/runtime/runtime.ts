// The `$rt` object compiled scripts call into: boxing, dispatch, operators
// on boxed values, arrays, and the loop-iteration limit.

import { PainlessRuntimeError } from "../errors.ts";
import * as numerics from "../types/numerics.ts";
import { JList, JMap } from "./collections.ts";
import * as dispatch from "./dispatch.ts";
import { NO_METHOD } from "./missing.ts";
import * as operators from "./operators.ts";
import { callStatic } from "./statics.ts";
import { checkCast, isInstance } from "./types.ts";
import { JChar, JDouble, JFloat, javaToString } from "./values.ts";

/** Painless's limit on loop iterations in one script execution. */
export const MAX_LOOP_ITERATIONS = 1_000_000;

/** Raised when a script exceeds MAX_LOOP_ITERATIONS; scripts cannot catch it. */
export class LoopLimitError extends PainlessRuntimeError {
  constructor() {
    super(
      "PainlessError",
      `The maximum number of statements that can be executed in a loop has been reached (${MAX_LOOP_ITERATIONS} loop iterations per execution)`,
    );
  }
}

function loopLimit(): never {
  throw new LoopLimitError();
}

function missingReturn(name: string): never {
  throw new PainlessRuntimeError(
    "IllegalStateException",
    `function [${name}] ended without returning a value`,
  );
}

function newArray(element: string, sizes: number[]): unknown {
  const [size = 0, ...rest] = sizes;
  if (size < 0)
    throw new PainlessRuntimeError("NegativeArraySizeException", String(size));
  if (rest.length > 0 || element.endsWith("[]")) {
    const inner = element.endsWith("[]") ? element.slice(0, -2) : element;
    return Array.from({ length: size }, () =>
      rest.length > 0 ? newArray(inner, rest) : null,
    );
  }
  switch (element) {
    case "double":
      return new Float64Array(size);
    case "float":
      return new Float32Array(size);
    case "long":
      return new BigInt64Array(size);
    case "int":
      return new Int32Array(size);
    case "short":
      return new Int16Array(size);
    case "byte":
      return new Int8Array(size);
    case "char":
      return new Uint16Array(size);
    case "boolean":
      return new Array<boolean>(size).fill(false);
    default:
      return new Array<unknown>(size).fill(null);
  }
}

function arrayOf(element: string, items: unknown[]): unknown {
  const array = newArray(element, [items.length]) as unknown[];
  items.forEach((item, i) => (array[i] = item));
  return array;
}

/** Raw element `index` of a primitive array, with Java's bounds check. */
function arrayGet(array: ArrayLike<unknown> | null, index: number): unknown {
  if (array === null) operators.nullPointer("cannot index null");
  if (index < 0 || index >= array.length) {
    throw new PainlessRuntimeError(
      "ArrayIndexOutOfBoundsException",
      `Index ${index} out of bounds for length ${array.length}`,
    );
  }
  return array[index];
}

function arraySet(
  array: unknown[] | null,
  index: number,
  value: unknown,
): unknown {
  arrayGet(array, index);
  array![index] = value;
  return value;
}

function mapOf(flat: unknown[]): JMap {
  const map = new JMap();
  for (let i = 0; i < flat.length; i += 2) map.put(flat[i], flat[i + 1]);
  return map;
}

function assignField(target: unknown, name: string, value: unknown): unknown {
  dispatch.setField(target, name, value);
  return value;
}

function assignIndex(target: unknown, index: unknown, value: unknown): unknown {
  dispatch.setIndex(target, index, value);
  return value;
}

/** `target.name op= value` and `target[index] op= value` on boxed values. */
function compoundField(
  target: unknown,
  name: string,
  op: string,
  value: unknown,
): unknown {
  const result = operators.binary(op, dispatch.getField(target, name), value);
  dispatch.setField(target, name, result);
  return result;
}

function compoundIndex(
  target: unknown,
  index: unknown,
  op: string,
  value: unknown,
): unknown {
  const result = operators.binary(op, dispatch.getIndex(target, index), value);
  dispatch.setIndex(target, index, result);
  return result;
}

/** `++`/`--` on a boxed value: keeps the numeric type (Integer stays Integer). */
function increment(value: unknown, delta: number): unknown {
  if (typeof value === "bigint")
    return BigInt.asIntN(64, value + BigInt(delta));
  if (value instanceof JChar) return new JChar((value.v + delta) & 0xffff);
  return operators.binary("+", value, delta);
}

function updateField(
  target: unknown,
  name: string,
  delta: number,
  prefix: boolean,
): unknown {
  const old = dispatch.getField(target, name);
  const next = increment(old, delta);
  dispatch.setField(target, name, next);
  return prefix ? next : old;
}

function updateIndex(
  target: unknown,
  index: unknown,
  delta: number,
  prefix: boolean,
): unknown {
  const old = dispatch.getIndex(target, index);
  const next = increment(old, delta);
  dispatch.setIndex(target, index, next);
  return prefix ? next : old;
}

/** A method reference `Owner::method` as a function of boxed arguments. */
function methodRef(
  owner: string,
  method: string,
): (...args: unknown[]) => unknown {
  return (...args) => {
    if (method === "new") return dispatch.constructObject(owner, args);
    const result =
      owner === "def"
        ? NO_METHOD
        : callStatic(owner, `${method}/${args.length}`, args);
    if (result !== NO_METHOD) return result;
    if (args.length === 0)
      throw new dispatch.UnsupportedMemberError(
        `method reference [${owner}::${method}]`,
      );
    return dispatch.callMethod(
      args[0],
      `${method}/${args.length - 1}`,
      args.slice(1),
    );
  };
}

function toThrowable(value: unknown): PainlessRuntimeError {
  if (value instanceof PainlessRuntimeError) return value;
  if (value === null)
    return new PainlessRuntimeError(
      "NullPointerException",
      "cannot throw null",
    );
  return new PainlessRuntimeError(
    "ClassCastException",
    `cannot throw ${javaToString(value)}`,
  );
}

/** True when a `catch (type e)` clause handles `error`; the loop limit is never caught. */
function catches(error: unknown, type: string): boolean {
  if (error instanceof LoopLimitError) return false;
  return error instanceof PainlessRuntimeError && isInstance(error, type);
}

export const runtime = {
  ...numerics,
  ...operators,
  ...dispatch,
  checkCast,
  isInstance,
  construct: dispatch.constructObject,
  callStatic: dispatch.callStaticMethod,
  call: dispatch.callMethod,
  D: (v: number) => new JDouble(v),
  F: (v: number) => new JFloat(v),
  C: (v: number) => new JChar(v),
  str: javaToString,
  list: (items: unknown[]) => new JList(items),
  mapOf,
  newArray,
  arrayOf,
  arrayGet,
  arraySet,
  assignField,
  assignIndex,
  compoundField,
  compoundIndex,
  increment,
  updateField,
  updateIndex,
  methodRef,
  toThrowable,
  catches,
  loopLimit,
  missingReturn,
  MAX_LOOP_ITERATIONS,
};

export type Runtime = typeof runtime;
