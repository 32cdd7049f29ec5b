// Lambdas and method references at run time: JS functions that take and
// return boxed values. Functional-interface methods (`compare`, `apply`,
// `test`, ...) all call the function itself.

import { PainlessRuntimeError } from "../errors.ts";
import { NO_METHOD } from "./missing.ts";
import { unbox } from "./operators.ts";
import { javaClassOf, javaCompare } from "./values.ts";

export type JavaFunction = (...args: unknown[]) => unknown;

export function asFunction(value: unknown, role: string): JavaFunction {
  if (typeof value === "function") return value as JavaFunction;
  throw new PainlessRuntimeError(
    "ClassCastException",
    `expected a lambda or method reference as ${role}, found ${javaClassOf(value)}`,
  );
}

/** Compares two boxed values with a Comparator, or by natural order when it is null. */
export function compareWith(
  comparator: unknown,
  a: unknown,
  b: unknown,
): number {
  if (comparator === null || comparator === undefined) return javaCompare(a, b);
  return unbox(
    asFunction(comparator, "a Comparator")(a, b),
    "int",
    false,
  ) as number;
}

export function naturalOrder(): JavaFunction {
  return (a, b) => javaCompare(a, b);
}

/** Instance methods of a lambda, seen as any functional interface. */
export function callFunctionMethod(
  fn: JavaFunction,
  key: string,
  args: unknown[],
): unknown {
  switch (key) {
    case "compare/2":
    case "apply/1":
    case "apply/2":
    case "test/1":
    case "test/2":
    case "accept/1":
    case "accept/2":
    case "applyAsDouble/1":
    case "applyAsInt/1":
    case "applyAsLong/1":
    case "get/0":
    case "run/0":
      return fn(...args);
    case "reversed/0":
      return (a: unknown, b: unknown) => compareWith(fn, b, a);
    case "thenComparing/1": {
      const next = asFunction(args[0], "a Comparator");
      return (a: unknown, b: unknown) =>
        compareWith(fn, a, b) || compareWith(next, a, b);
    }
    case "negate/0":
      return (...inner: unknown[]) => !fn(...inner);
    case "and/1": {
      const other = asFunction(args[0], "a Predicate");
      return (...inner: unknown[]) =>
        Boolean(fn(...inner)) && Boolean(other(...inner));
    }
    case "or/1": {
      const other = asFunction(args[0], "a Predicate");
      return (...inner: unknown[]) =>
        Boolean(fn(...inner)) || Boolean(other(...inner));
    }
    default:
      return NO_METHOD;
  }
}
