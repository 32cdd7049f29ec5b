// Assignments (`=` and compound `op=`) and `++`/`--` on variables, fields
// and elements. A compound assignment narrows implicitly, as in Java:
// `int i; i += 1.5` stores `(int) (i + 1.5)`.

import type { Expr } from "../ast.ts";
import type { CompileContext, Value } from "./context.ts";
import { compileExpr, staticClassOf } from "./expressions.ts";
import { compileBinary } from "./operators.ts";
import {
  box,
  convert,
  elementType,
  isArrayType,
  isPrimitive,
} from "./types.ts";

type Assign = Extract<Expr, { kind: "assign" }>;
type Update = Extract<Expr, { kind: "update" }>;
type Target = Extract<Expr, { kind: "name" | "field" | "index" }>;

function targetOf(cx: CompileContext, expr: Expr): Target {
  if (expr.kind !== "name" && expr.kind !== "field" && expr.kind !== "index") {
    return cx.fail(
      expr.pos,
      "the operand must be a variable, field or element",
    );
  }
  if (expr.kind === "field" && staticClassOf(cx, expr.target) !== null) {
    cx.fail(expr.pos, `cannot assign to static field [${expr.name}]`);
  }
  return expr;
}

export function compileAssign(cx: CompileContext, expr: Assign): Value {
  const target = targetOf(cx, expr.target);
  const rhs = compileExpr(cx, expr.value);
  const binaryOp = expr.op === "=" ? null : expr.op.slice(0, -1);

  if (target.kind === "name") {
    const variable = cx.lookup(target.name);
    if (!variable)
      return cx.fail(target.pos, `cannot resolve symbol [${target.name}]`);
    const current = { code: variable.js, type: variable.type };
    const value = binaryOp
      ? convert(
          cx,
          compileBinary(cx, binaryOp, current, rhs, expr.pos),
          variable.type,
          true,
          expr.pos,
        )
      : convert(cx, rhs, variable.type, false, expr.pos);
    return { code: `(${variable.js} = ${value})`, type: variable.type };
  }

  const object = compileExpr(cx, target.target);
  if (target.kind === "field") {
    if (isPrimitive(object.type) || isArrayType(object.type))
      cx.fail(
        target.pos,
        `cannot assign field [${target.name}] of [${object.type}]`,
      );
    const name = JSON.stringify(target.name);
    if (binaryOp)
      return {
        code: `$rt.compoundField(${object.code}, ${name}, "${binaryOp}", ${box(rhs)})`,
        type: "def",
      };
    return {
      code: `$rt.assignField(${object.code}, ${name}, ${box(rhs)})`,
      type: "def",
    };
  }

  const index = compileExpr(cx, target.index);
  if (isArrayType(object.type)) {
    const element = elementType(object.type);
    const position = convert(cx, index, "int", false, target.index.pos);
    if (!binaryOp) {
      const value = convert(cx, rhs, element, false, expr.pos);
      return {
        code: `$rt.arraySet(${object.code}, ${position}, ${value})`,
        type: element,
      };
    }
    const [array, slot] = [cx.temp("a"), cx.temp("i")];
    const current = { code: `$rt.arrayGet(${array}, ${slot})`, type: element };
    const value = convert(
      cx,
      compileBinary(cx, binaryOp, current, rhs, expr.pos),
      element,
      true,
      expr.pos,
    );
    return {
      code: `((${array}, ${slot}) => $rt.arraySet(${array}, ${slot}, ${value}))(${object.code}, ${position})`,
      type: element,
    };
  }
  if (isPrimitive(object.type))
    cx.fail(target.pos, `cannot index [${object.type}]`);
  if (binaryOp)
    return {
      code: `$rt.compoundIndex(${object.code}, ${box(index)}, "${binaryOp}", ${box(rhs)})`,
      type: "def",
    };
  return {
    code: `$rt.assignIndex(${object.code}, ${box(index)}, ${box(rhs)})`,
    type: "def",
  };
}

/** `++v` / `v++` on a primitive local variable. */
function updatePrimitive(
  cx: CompileContext,
  js: string,
  type: string,
  op: "++" | "--",
  prefix: boolean,
  pos: Update["pos"],
): string {
  const sign = op === "++" ? "+" : "-";
  const inverse = op === "++" ? "-" : "+";
  if (type === "int") {
    return prefix
      ? `(${js} = (${js} ${sign} 1) | 0)`
      : `(((${js} = (${js} ${sign} 1) | 0) ${inverse} 1) | 0)`;
  }
  if (type === "long") {
    const next = `(${js} = BigInt.asIntN(64, ${js} ${sign} 1n))`;
    return prefix ? next : `BigInt.asIntN(64, ${next} ${inverse} 1n)`;
  }
  if (type === "double") return prefix ? `(${op}${js})` : `(${js}${op})`;
  if (type === "boolean") cx.fail(pos, `cannot apply [${op}] to [boolean]`);
  const old = cx.temp("o");
  const next = convert(
    cx,
    { code: `(${old} ${sign} 1)`, type: type === "float" ? "double" : "int" },
    type,
    true,
    pos,
  );
  return `((${old}) => (${js} = ${next}, ${prefix ? js : old}))(${js})`;
}

export function compileUpdate(cx: CompileContext, expr: Update): Value {
  const target = targetOf(cx, expr.target);
  const delta = expr.op === "++" ? 1 : -1;
  if (target.kind === "name") {
    const variable = cx.lookup(target.name);
    if (!variable)
      return cx.fail(target.pos, `cannot resolve symbol [${target.name}]`);
    if (isPrimitive(variable.type)) {
      return {
        code: updatePrimitive(
          cx,
          variable.js,
          variable.type,
          expr.op,
          expr.prefix,
          expr.pos,
        ),
        type: variable.type,
      };
    }
    const old = cx.temp("o");
    const next = convert(
      cx,
      { code: `$rt.increment(${old}, ${delta})`, type: "def" },
      variable.type,
      false,
      expr.pos,
    );
    return {
      code: `((${old}) => (${variable.js} = ${next}, ${expr.prefix ? variable.js : old}))(${variable.js})`,
      type: variable.type,
    };
  }
  const object = compileExpr(cx, target.target);
  if (target.kind === "field") {
    return {
      code: `$rt.updateField(${object.code}, ${JSON.stringify(target.name)}, ${delta}, ${expr.prefix})`,
      type: "def",
    };
  }
  const index = compileExpr(cx, target.index);
  if (isArrayType(object.type)) {
    const element = elementType(object.type);
    const [array, slot, old] = [cx.temp("a"), cx.temp("i"), cx.temp("o")];
    const sign = delta > 0 ? "+" : "-";
    const one = element === "long" ? "1n" : "1";
    const nextType =
      element === "long"
        ? "long"
        : element === "double" || element === "float"
          ? "double"
          : "int";
    const next = convert(
      cx,
      { code: `(${old} ${sign} ${one})`, type: nextType },
      element,
      true,
      expr.pos,
    );
    const position = convert(cx, index, "int", false, target.index.pos);
    const body = `$rt.arraySet(${array}, ${slot}, ${next})${expr.prefix ? "" : `, ${old}`}`;
    const code = `((${array}, ${slot}, ${old} = $rt.arrayGet(${array}, ${slot})) => (${body}))(${object.code}, ${position})`;
    return { code, type: element };
  }
  return {
    code: `$rt.updateIndex(${object.code}, ${box(index)}, ${delta}, ${expr.prefix})`,
    type: "def",
  };
}
