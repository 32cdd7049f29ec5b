// Unary and binary operators. On primitive operands the code is emitted
// inline after binary numeric promotion. With a boxed operand the runtime
// decides by the values' classes, as Painless does for `def`.

import type { SourcePosition } from "../errors.ts";
import type { CompileContext, Value } from "./context.ts";
import {
  box,
  convert,
  isNumeric,
  isPrimitive,
  promote,
  stringOf,
} from "./types.ts";

const COMPARISONS = new Set(["<", "<=", ">", ">="]);

export function compileUnary(
  cx: CompileContext,
  op: string,
  operand: Value,
  pos: SourcePosition,
): Value {
  if (op === "!") {
    if (operand.type === "boolean")
      return { code: `(!${operand.code})`, type: "boolean" };
    if (isPrimitive(operand.type))
      cx.fail(pos, `cannot apply [!] to [${operand.type}]`);
    return { code: `(!$rt.truth(${operand.code}))`, type: "boolean" };
  }
  if (!isPrimitive(operand.type))
    return { code: `$rt.unary("${op}", ${operand.code})`, type: "def" };
  if (!isNumeric(operand.type))
    cx.fail(pos, `cannot apply [${op}] to [${operand.type}]`);
  const type = promote(operand.type, "int");
  const value = convert(cx, operand, type, false, pos);
  if (op === "+") return { code: value, type };
  if (op === "~") {
    if (type === "double" || type === "float")
      cx.fail(pos, `cannot apply [~] to [${type}]`);
    return { code: `(~${value})`, type };
  }
  switch (type) {
    case "int":
      return { code: `(-${value} | 0)`, type };
    case "long":
      return { code: `BigInt.asIntN(64, -${value})`, type };
    default:
      return { code: `(-${value})`, type };
  }
}

export function compileBinary(
  cx: CompileContext,
  op: string,
  left: Value,
  right: Value,
  pos: SourcePosition,
): Value {
  if (op === "+" && (left.type === "String" || right.type === "String")) {
    return { code: `(${stringOf(left)} + ${stringOf(right)})`, type: "String" };
  }
  if (op === "==" || op === "!=")
    return compileEquality(cx, op, left, right, pos);
  if (op === "===" || op === "!==") {
    const code = `$rt.identical(${box(left)}, ${box(right)})`;
    return { code: op === "===" ? code : `(!${code})`, type: "boolean" };
  }
  if (!isPrimitive(left.type) || !isPrimitive(right.type)) {
    const code = COMPARISONS.has(op)
      ? `$rt.compare("${op}", ${box(left)}, ${box(right)})`
      : `$rt.binary("${op}", ${box(left)}, ${box(right)})`;
    return { code, type: COMPARISONS.has(op) ? "boolean" : "def" };
  }
  if (
    left.type === "boolean" &&
    right.type === "boolean" &&
    "&|^".includes(op)
  ) {
    const code =
      op === "^"
        ? `(${left.code} !== ${right.code})`
        : `Boolean(${left.code} ${op} ${right.code})`;
    return { code, type: "boolean" };
  }
  if (!isNumeric(left.type) || !isNumeric(right.type)) {
    cx.fail(
      pos,
      `cannot apply [${op}] to types [${left.type}] and [${right.type}]`,
    );
  }
  if (op === "<<" || op === ">>" || op === ">>>")
    return compileShift(cx, op, left, right, pos);
  const type = promote(left.type, right.type);
  const a = convert(cx, left, type, false, pos);
  const b = convert(cx, right, type, false, pos);
  if (COMPARISONS.has(op))
    return { code: `(${a} ${op} ${b})`, type: "boolean" };
  return { code: arithmetic(cx, op, type, a, b, pos), type };
}

function arithmetic(
  cx: CompileContext,
  op: string,
  type: string,
  a: string,
  b: string,
  pos: SourcePosition,
): string {
  if ((type === "double" || type === "float") && "&|^".includes(op)) {
    cx.fail(pos, `cannot apply [${op}] to [${type}]`);
  }
  if (type === "int") {
    if (op === "*") return `Math.imul(${a}, ${b})`;
    if (op === "/") return `$rt.intDivide(${a}, ${b})`;
    if (op === "%") return `$rt.intRemainder(${a}, ${b})`;
    if (op === "+" || op === "-") return `((${a} ${op} ${b}) | 0)`;
    return `(${a} ${op} ${b})`;
  }
  if (type === "long") {
    if (op === "/") return `$rt.longDivide(${a}, ${b})`;
    if (op === "%") return `$rt.longRemainder(${a}, ${b})`;
    if ("+-*".includes(op)) return `BigInt.asIntN(64, ${a} ${op} ${b})`;
    return `(${a} ${op} ${b})`;
  }
  const code = `(${a} ${op} ${b})`;
  return type === "float" ? `Math.fround${code}` : code;
}

function compileShift(
  cx: CompileContext,
  op: string,
  left: Value,
  right: Value,
  pos: SourcePosition,
): Value {
  const type = promote(left.type, "int");
  if (type !== "int" && type !== "long")
    cx.fail(pos, `cannot apply [${op}] to [${left.type}]`);
  const rightType = promote(right.type, "int");
  if (rightType !== "int" && rightType !== "long")
    cx.fail(pos, `cannot apply [${op}] to [${right.type}]`);
  const value = convert(cx, left, type, false, pos);
  const distance = convert(
    cx,
    { code: convert(cx, right, rightType, false, pos), type: rightType },
    "int",
    true,
    pos,
  );
  if (type === "long") {
    const fn =
      op === "<<"
        ? "longShiftLeft"
        : op === ">>"
          ? "longShiftRight"
          : "longUnsignedShiftRight";
    return { code: `$rt.${fn}(${value}, ${distance})`, type };
  }
  return {
    code:
      op === ">>>"
        ? `((${value} >>> ${distance}) | 0)`
        : `(${value} ${op} ${distance})`,
    type,
  };
}

function compileEquality(
  cx: CompileContext,
  op: string,
  left: Value,
  right: Value,
  pos: SourcePosition,
): Value {
  const negate = op === "!=";
  if (isPrimitive(left.type) && isPrimitive(right.type)) {
    if (left.type === "boolean" || right.type === "boolean") {
      if (left.type !== right.type)
        cx.fail(pos, `cannot compare [${left.type}] with [${right.type}]`);
      return {
        code: `(${left.code} ${negate ? "!==" : "==="} ${right.code})`,
        type: "boolean",
      };
    }
    const type = promote(left.type, right.type);
    const a = convert(cx, left, type, false, pos);
    const b = convert(cx, right, type, false, pos);
    return { code: `(${a} ${negate ? "!==" : "==="} ${b})`, type: "boolean" };
  }
  if (left.code === "null" || right.code === "null") {
    const other = left.code === "null" ? right : left;
    return {
      code: `(${box(other)} ${negate ? "!=" : "=="} null)`,
      type: "boolean",
    };
  }
  const code = `$rt.equal(${box(left)}, ${box(right)})`;
  return { code: negate ? `(!${code})` : code, type: "boolean" };
}
