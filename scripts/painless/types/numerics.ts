// Java numeric semantics on JavaScript values. `int`, `short`, `byte` and
// `char` are JS numbers kept in their ranges, `long` is a BigInt kept in
// 64 bits, `float` and `double` are JS numbers (floats rounded with
// Math.fround after every operation).

import { PainlessRuntimeError } from "../errors.ts";

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

export function divisionByZero(): never {
  throw new PainlessRuntimeError("ArithmeticException", "/ by zero");
}

/** `int / int`: truncates toward zero; MIN_VALUE / -1 wraps to MIN_VALUE. */
export function intDivide(a: number, b: number): number {
  if (b === 0) divisionByZero();
  return (a / b) | 0;
}

/** `int % int`: the sign follows the dividend, as in Java and JavaScript. */
export function intRemainder(a: number, b: number): number {
  if (b === 0) divisionByZero();
  return (a % b) | 0;
}

export function longDivide(a: bigint, b: bigint): bigint {
  if (b === 0n) divisionByZero();
  return BigInt.asIntN(64, a / b);
}

export function longRemainder(a: bigint, b: bigint): bigint {
  if (b === 0n) divisionByZero();
  return a % b;
}

export function longShiftLeft(a: bigint, n: number): bigint {
  return BigInt.asIntN(64, a << BigInt(n & 63));
}

export function longShiftRight(a: bigint, n: number): bigint {
  return a >> BigInt(n & 63);
}

export function longUnsignedShiftRight(a: bigint, n: number): bigint {
  return BigInt.asIntN(64, BigInt.asUintN(64, a) >> BigInt(n & 63));
}

/** `(int) d` for a double: NaN is 0, out-of-range values saturate. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= INT_MAX) return INT_MAX;
  if (d <= INT_MIN) return INT_MIN;
  return Math.trunc(d) | 0;
}

/** `(long) d` for a double: NaN is 0, out-of-range values saturate. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  // 2^63 is the first double above Long.MAX_VALUE.
  if (d >= 2 ** 63) return LONG_MAX;
  if (d <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

export function longToInt(a: bigint): number {
  return Number(BigInt.asIntN(32, a));
}

export function toShort(n: number): number {
  return (n << 16) >> 16;
}

export function toByte(n: number): number {
  return (n << 24) >> 24;
}

export function toChar(n: number): number {
  return n & 0xffff;
}

/**
 * `Math.round(double)`: the closest long, ties toward positive infinity,
 * saturating. JS Math.round rounds the same way without the float error
 * of floor(d + 0.5) (for example at 0.49999999999999994).
 */
export function roundToLong(d: number): bigint {
  return doubleToLong(Math.round(d));
}

/** `Double.toString`: shortest digits, `1.0E10` above 10^7 and below 10^-3. */
export function doubleToString(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(d);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(d);
    return text.includes(".") ? text : `${text}.0`;
  }
  const [mantissa = "", exponent = "0"] = d.toExponential().split("e");
  const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}

/** `Float.toString`: the shortest decimal that rounds to the same float. */
export function floatToString(f: number): string {
  if (!Number.isFinite(f) || f === 0) return doubleToString(f);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(f.toPrecision(precision));
    if (Math.fround(candidate) === f) return doubleToString(candidate);
  }
  return doubleToString(f);
}

/** `String.hashCode()`: s[0]*31^(n-1) + ... + s[n-1] in 32-bit arithmetic. */
export function stringHashCode(s: string): number {
  let hash = 0;
  for (let i = 0; i < s.length; i++)
    hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0;
  return hash;
}

export function longHashCode(a: bigint): number {
  const bits = BigInt.asUintN(64, a);
  return longToInt(bits ^ (bits >> 32n));
}

const conversionView = new DataView(new ArrayBuffer(8));

export function doubleHashCode(d: number): number {
  // Double.doubleToLongBits maps every NaN to one canonical bit pattern.
  conversionView.setFloat64(0, Number.isNaN(d) ? NaN : d);
  return longHashCode(conversionView.getBigInt64(0));
}
