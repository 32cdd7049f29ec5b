// Calls: script functions, static methods (Math inline, others through the
// runtime), instance methods on boxed receivers, constructors, lambdas and
// method references.

import type { Expr } from "../ast.ts";
import { MATH_DOUBLE_FUNCTIONS } from "../runtime/statics.ts";
import { STATIC_METHODS } from "../runtime/static-methods.ts";
import { CONSTRUCTIBLE, STATIC_CLASSES } from "../runtime/types.ts";
import type { CompileContext, Value } from "./context.ts";
import { compileExpr, staticClassOf } from "./expressions.ts";
import { compileFunctionBody } from "./statements.ts";
import { box, convert, isPrimitive, typeName } from "./types.ts";

type Call = Extract<Expr, { kind: "call" }>;

const TWO_ARGUMENT_MATH = new Set(["atan2", "hypot", "max", "min", "pow"]);

export function compileCall(cx: CompileContext, expr: Call): Value {
  if (expr.target === null) return compileFunctionCall(cx, expr);
  const owner = staticClassOf(cx, expr.target);
  if (owner !== null) return compileStaticCall(cx, owner, expr);
  const receiver = compileExpr(cx, expr.target);
  if (isPrimitive(receiver.type))
    cx.fail(expr.pos, `cannot call [${expr.name}] on [${receiver.type}]`);
  const key = JSON.stringify(`${expr.name}/${expr.args.length}`);
  const args = expr.args.map((arg) => box(compileExpr(cx, arg))).join(", ");
  if (expr.nullSafe) {
    const temp = cx.temp();
    return {
      code: `((${temp}) => ${temp} == null ? null : $rt.call(${temp}, ${key}, [${args}]))(${receiver.code})`,
      type: "def",
    };
  }
  return { code: `$rt.call(${receiver.code}, ${key}, [${args}])`, type: "def" };
}

function compileFunctionCall(cx: CompileContext, expr: Call): Value {
  const fn = cx.functions.get(`${expr.name}/${expr.args.length}`);
  if (!fn)
    return cx.fail(
      expr.pos,
      `unknown function [${expr.name}] with [${expr.args.length}] arguments`,
    );
  const args = expr.args.map((arg, i) => {
    const param = fn.params[i]!;
    return convert(
      cx,
      compileExpr(cx, arg),
      typeName(cx, param.type, fn.pos),
      false,
      arg.pos,
    );
  });
  return {
    code: `f_${fn.name}_${fn.params.length}(${args.join(", ")})`,
    type: typeName(cx, fn.returnType, fn.pos),
  };
}

function compileStaticCall(
  cx: CompileContext,
  owner: string,
  expr: Call,
): Value {
  if (!STATIC_CLASSES.has(owner)) {
    cx.unsupported(
      expr.pos,
      `static method [${owner}.${expr.name}] (or unknown variable [${owner}])`,
    );
  }
  const arity = expr.args.length;
  const doubles = () =>
    expr.args.map((arg) =>
      convert(cx, compileExpr(cx, arg), "double", false, arg.pos),
    );
  if (owner === "Math" || owner === "StrictMath") {
    const fn = MATH_DOUBLE_FUNCTIONS[expr.name];
    if (fn && arity === (TWO_ARGUMENT_MATH.has(expr.name) ? 2 : 1)) {
      return { code: `${fn}(${doubles().join(", ")})`, type: "double" };
    }
    if (expr.name === "round" && arity === 1)
      return { code: `$rt.roundToLong(${doubles()[0]})`, type: "long" };
  }
  if (owner === "System" && expr.name === "currentTimeMillis" && arity === 0) {
    return { code: "$clock()", type: "long" };
  }
  if (!STATIC_METHODS.has(`${owner}.${expr.name}/${arity}`)) {
    cx.unsupported(expr.pos, `static method [${owner}.${expr.name}/${arity}]`);
  }
  const args = expr.args.map((arg) => box(compileExpr(cx, arg))).join(", ");
  const key = JSON.stringify(`${expr.name}/${arity}`);
  return {
    code: `$rt.callStatic(${JSON.stringify(owner)}, ${key}, [${args}])`,
    type: "def",
  };
}

export function compileNew(
  cx: CompileContext,
  expr: Extract<Expr, { kind: "new" }>,
): Value {
  const type = typeName(cx, expr.type, expr.pos);
  if (!CONSTRUCTIBLE.has(type))
    cx.unsupported(expr.pos, `constructor [${type}]`);
  const args = expr.args.map((arg) => box(compileExpr(cx, arg))).join(", ");
  return { code: `$rt.construct(${JSON.stringify(type)}, [${args}])`, type };
}

export function compileLambda(
  cx: CompileContext,
  expr: Extract<Expr, { kind: "lambda" }>,
): Value {
  return cx.withReturns({ kind: "boxed" }, () => {
    const params: string[] = [];
    const prologue: string[] = [];
    for (const param of expr.params) {
      const type = param.type ? typeName(cx, param.type, param.pos) : "def";
      const variable = cx.declare(param.name, type, param.pos);
      const raw = cx.temp("p");
      params.push(raw);
      prologue.push(
        `let ${variable.js} = ${convert(cx, { code: raw, type: "def" }, type, false, param.pos)};`,
      );
    }
    const body =
      expr.body.kind === "block"
        ? compileFunctionBody(cx, expr.body)
        : `return ${box(compileExpr(cx, expr.body))};`;
    return {
      code: `((${params.join(", ")}) => { ${prologue.join(" ")} ${body} })`,
      type: "def",
    };
  });
}

export function compileMethodRef(
  cx: CompileContext,
  expr: Extract<Expr, { kind: "methodRef" }>,
): Value {
  if (expr.owner === "this") {
    const fn = [...cx.functions.values()].find(
      (candidate) => candidate.name === expr.method,
    );
    if (!fn) return cx.fail(expr.pos, `unknown function [${expr.method}]`);
    const raws = fn.params.map(() => cx.temp("p"));
    const args = fn.params.map((param, i) =>
      convert(
        cx,
        { code: raws[i]!, type: "def" },
        typeName(cx, param.type, fn.pos),
        false,
        expr.pos,
      ),
    );
    const result = {
      code: `f_${fn.name}_${fn.params.length}(${args.join(", ")})`,
      type: typeName(cx, fn.returnType, fn.pos),
    };
    return { code: `((${raws.join(", ")}) => ${box(result)})`, type: "def" };
  }
  const known = STATIC_CLASSES.has(expr.owner) || CONSTRUCTIBLE.has(expr.owner);
  if (!known && expr.owner !== "def")
    typeName(cx, { name: expr.owner, dims: 0 }, expr.pos);
  return {
    code: `$rt.methodRef(${JSON.stringify(expr.owner)}, ${JSON.stringify(expr.method)})`,
    type: "def",
  };
}
