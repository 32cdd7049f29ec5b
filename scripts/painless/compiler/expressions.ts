// Compiles expressions to JavaScript. Arithmetic on primitive types is
// emitted inline with Java semantics; anything involving a boxed value goes
// through the runtime's dynamic operators.

import type { Expr } from "../ast.ts";
import type { SourcePosition } from "../errors.ts";
import { STATIC_FIELDS } from "../runtime/statics.ts";
import { STATIC_CLASSES } from "../runtime/types.ts";
import { compileAssign, compileUpdate } from "./assignments.ts";
import {
  compileCall,
  compileLambda,
  compileMethodRef,
  compileNew,
} from "./calls.ts";
import type { CompileContext, Value } from "./context.ts";
import { compileLiteral } from "./literals.ts";
import { compileBinary, compileUnary } from "./operators.ts";
import {
  box,
  condition,
  convert,
  elementType,
  isArrayType,
  isNumeric,
  isPrimitive,
  promote,
  typeName,
} from "./types.ts";

export function compileExpr(cx: CompileContext, expr: Expr): Value {
  switch (expr.kind) {
    case "number":
    case "string":
    case "boolean":
    case "null":
      return compileLiteral(cx, expr);
    case "name":
      return compileName(cx, expr.name, expr.pos);
    case "field":
      return compileField(cx, expr);
    case "index":
      return compileIndex(cx, expr.target, expr.index);
    case "call":
      return compileCall(cx, expr);
    case "new":
      return compileNew(cx, expr);
    case "newArray":
      return compileNewArray(cx, expr);
    case "listInit":
      return {
        code: `$rt.list([${expr.items.map((item) => box(compileExpr(cx, item))).join(", ")}])`,
        type: "ArrayList",
      };
    case "mapInit": {
      const flat = expr.entries.flatMap(([k, v]) => [
        box(compileExpr(cx, k)),
        box(compileExpr(cx, v)),
      ]);
      return { code: `$rt.mapOf([${flat.join(", ")}])`, type: "HashMap" };
    }
    case "unary":
      return compileUnary(cx, expr.op, compileExpr(cx, expr.operand), expr.pos);
    case "binary":
      return compileBinary(
        cx,
        expr.op,
        compileExpr(cx, expr.left),
        compileExpr(cx, expr.right),
        expr.pos,
      );
    case "logical": {
      const left = condition(cx, compileExpr(cx, expr.left), expr.pos);
      const right = condition(cx, compileExpr(cx, expr.right), expr.pos);
      return { code: `(${left} ${expr.op} ${right})`, type: "boolean" };
    }
    case "conditional":
      return compileConditional(
        cx,
        expr.test,
        expr.then,
        expr.otherwise,
        expr.pos,
      );
    case "elvis": {
      const left = compileExpr(cx, expr.left);
      if (isPrimitive(left.type))
        cx.fail(
          expr.pos,
          `the left side of ?: must be a reference, found [${left.type}]`,
        );
      const right = box(compileExpr(cx, expr.right));
      const temp = cx.temp();
      return {
        code: `((${temp}) => ${temp} != null ? ${temp} : ${right})(${left.code})`,
        type: "def",
      };
    }
    case "assign":
      return compileAssign(cx, expr);
    case "update":
      return compileUpdate(cx, expr);
    case "cast": {
      const to = typeName(cx, expr.type, expr.pos);
      return {
        code: convert(cx, compileExpr(cx, expr.operand), to, true, expr.pos),
        type: to,
      };
    }
    case "instanceof": {
      const operand = compileExpr(cx, expr.operand);
      const type = typeName(cx, expr.type, expr.pos);
      if (isPrimitive(operand.type))
        return { code: String(operand.type === type), type: "boolean" };
      return {
        code: `$rt.isInstance(${operand.code}, ${JSON.stringify(type)})`,
        type: "boolean",
      };
    }
    case "lambda":
      return compileLambda(cx, expr);
    case "methodRef":
      return compileMethodRef(cx, expr);
  }
}

/** Returns the class a name or dotted name stands for; null for a variable or any other expression. */
export function staticClassOf(cx: CompileContext, expr: Expr): string | null {
  if (expr.kind === "name" && !cx.lookup(expr.name)) return expr.name;
  if (
    expr.kind === "field" &&
    expr.target.kind === "name" &&
    !cx.lookup(expr.target.name)
  ) {
    const dotted = `${expr.target.name}.${expr.name}`;
    return STATIC_CLASSES.has(dotted) ? dotted : null;
  }
  return null;
}

function compileName(
  cx: CompileContext,
  name: string,
  pos: SourcePosition,
): Value {
  const variable = cx.lookup(name);
  if (!variable) cx.fail(pos, `cannot resolve symbol [${name}]`);
  return { code: variable.js, type: variable.type };
}

function compileField(
  cx: CompileContext,
  expr: Extract<Expr, { kind: "field" }>,
): Value {
  const owner = staticClassOf(cx, expr.target);
  if (owner !== null) {
    const field = STATIC_FIELDS[`${owner}.${expr.name}`];
    if (!field)
      cx.unsupported(
        expr.pos,
        `static field [${owner}.${expr.name}] (or unknown variable [${owner}])`,
      );
    const code =
      typeof field.value === "bigint" ? `${field.value}n` : String(field.value);
    return {
      code: code === "NaN" || code.includes("Infinity") ? `(${code})` : code,
      type: field.type,
    };
  }
  const target = compileExpr(cx, expr.target);
  if (isArrayType(target.type)) {
    if (expr.name !== "length")
      cx.fail(expr.pos, `arrays have no field [${expr.name}]`);
    return { code: `${target.code}.length`, type: "int" };
  }
  if (isPrimitive(target.type))
    cx.fail(expr.pos, `cannot access field [${expr.name}] of [${target.type}]`);
  const name = JSON.stringify(expr.name);
  if (expr.nullSafe) {
    const temp = cx.temp();
    return {
      code: `((${temp}) => ${temp} == null ? null : $rt.getField(${temp}, ${name}))(${target.code})`,
      type: "def",
    };
  }
  return { code: `$rt.getField(${target.code}, ${name})`, type: "def" };
}

export function compileIndex(
  cx: CompileContext,
  targetExpr: Expr,
  indexExpr: Expr,
): Value {
  const target = compileExpr(cx, targetExpr);
  const index = compileExpr(cx, indexExpr);
  if (isArrayType(target.type)) {
    const position = convert(cx, index, "int", false, indexExpr.pos);
    return {
      code: `$rt.arrayGet(${target.code}, ${position})`,
      type: elementType(target.type),
    };
  }
  if (isPrimitive(target.type))
    cx.fail(targetExpr.pos, `cannot index [${target.type}]`);
  return { code: `$rt.getIndex(${target.code}, ${box(index)})`, type: "def" };
}

function compileConditional(
  cx: CompileContext,
  test: Expr,
  then: Expr,
  otherwise: Expr,
  pos: SourcePosition,
): Value {
  const testCode = condition(cx, compileExpr(cx, test), pos);
  const a = compileExpr(cx, then);
  const b = compileExpr(cx, otherwise);
  if (a.type === b.type)
    return { code: `(${testCode} ? ${a.code} : ${b.code})`, type: a.type };
  if (isNumeric(a.type) && isNumeric(b.type)) {
    const type = promote(a.type, b.type);
    const left = convert(cx, a, type, false, pos);
    const right = convert(cx, b, type, false, pos);
    return { code: `(${testCode} ? ${left} : ${right})`, type };
  }
  return { code: `(${testCode} ? ${box(a)} : ${box(b)})`, type: "def" };
}

function compileNewArray(
  cx: CompileContext,
  expr: Extract<Expr, { kind: "newArray" }>,
): Value {
  const type = typeName(cx, expr.type, expr.pos);
  const element = elementType(type);
  if (expr.initializer) {
    const items = expr.initializer.map((item) =>
      convert(cx, compileExpr(cx, item), element, false, item.pos),
    );
    return {
      code: `$rt.arrayOf(${JSON.stringify(element)}, [${items.join(", ")}])`,
      type,
    };
  }
  const sizes = expr.sizes.map((size) =>
    convert(cx, compileExpr(cx, size), "int", false, size.pos),
  );
  const base = expr.type.name + "[]".repeat(expr.type.dims - expr.sizes.length);
  return {
    code: `$rt.newArray(${JSON.stringify(base)}, [${sizes.join(", ")}])`,
    type,
  };
}
