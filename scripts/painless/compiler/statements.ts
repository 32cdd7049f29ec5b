// Compiles statements. Each statement first stores its position in `$pos`,
// so that a runtime error can name the line. Each loop iteration counts
// toward the per-execution loop limit.

import type { Block, Stmt, VarDecl } from "../ast.ts";
import { positionCode, type CompileContext } from "./context.ts";
import { checkStatements } from "./reachability.ts";
import { compileExpr } from "./expressions.ts";
import {
  box,
  condition,
  convert,
  defaultValue,
  elementType,
  isArrayType,
  isPrimitive,
  typeName,
} from "./types.ts";

function loopGuard(stmt: Stmt): string {
  return `if (++$loops > ${1_000_000}) { $pos = ${positionCode(stmt.pos)}; $rt.loopLimit(); }`;
}

export function compileBlock(cx: CompileContext, block: Block): string {
  checkStatements(cx, block.body, false);
  return cx.scoped(() =>
    block.body.map((stmt) => compileStatement(cx, stmt)).join("\n"),
  );
}

/** Compiles the statements of a function or lambda body, in the current scope. */
export function compileFunctionBody(cx: CompileContext, block: Block): string {
  checkStatements(cx, block.body, false);
  return block.body.map((stmt) => compileStatement(cx, stmt)).join("\n");
}

/**
 * Compiles the top-level statements of a script. A final expression
 * statement is the script's value, as in Painless (`state` alone returns it).
 */
export function compileScriptBody(
  cx: CompileContext,
  statements: Stmt[],
): string {
  checkStatements(cx, statements, true);
  const last = statements[statements.length - 1];
  const code = statements.map((stmt) => {
    if (stmt !== last || stmt.kind !== "expr")
      return compileStatement(cx, stmt);
    const value = compileExpr(cx, stmt.expr);
    return `$pos = ${positionCode(stmt.pos)}; return ${box(value)};`;
  });
  return code.join("\n");
}

function body(cx: CompileContext, stmt: Stmt | null): string {
  if (stmt === null) return "";
  return stmt.kind === "block"
    ? compileBlock(cx, stmt)
    : cx.scoped(() => compileStatement(cx, stmt));
}

function compileDeclaration(cx: CompileContext, decl: VarDecl): string {
  const type = typeName(cx, decl.type, decl.pos);
  const parts = decl.vars.map((v) => {
    const init = v.init
      ? convert(cx, compileExpr(cx, v.init), type, false, v.pos)
      : defaultValue(type);
    const variable = cx.declare(v.name, type, v.pos);
    return `${variable.js} = ${init}`;
  });
  return `let ${parts.join(", ")};`;
}

export function compileStatement(cx: CompileContext, stmt: Stmt): string {
  const mark = `$pos = ${positionCode(stmt.pos)}; `;
  switch (stmt.kind) {
    case "block":
      return `{\n${compileBlock(cx, stmt)}\n}`;
    case "declare":
      return mark + compileDeclaration(cx, stmt);
    case "expr":
      return `${mark}${compileExpr(cx, stmt.expr).code};`;
    case "if": {
      const test = condition(cx, compileExpr(cx, stmt.test), stmt.pos);
      const otherwise = stmt.otherwise
        ? ` else {\n${body(cx, stmt.otherwise)}\n}`
        : "";
      return `${mark}if (${test}) {\n${body(cx, stmt.then)}\n}${otherwise}`;
    }
    case "while": {
      const test = condition(cx, compileExpr(cx, stmt.test), stmt.pos);
      return `${mark}while (${test}) {\n${loopGuard(stmt)}\n${body(cx, stmt.body)}\n}`;
    }
    case "doWhile": {
      const inner = body(cx, stmt.body);
      const test = condition(cx, compileExpr(cx, stmt.test), stmt.pos);
      return `${mark}do {\n${loopGuard(stmt)}\n${inner}\n} while (${test});`;
    }
    case "for":
      return mark + cx.scoped(() => compileFor(cx, stmt));
    case "forEach":
      return mark + compileForEach(cx, stmt);
    case "break":
      return "break;";
    case "continue":
      return "continue;";
    case "return":
      return mark + compileReturn(cx, stmt);
    case "throw":
      return `${mark}throw $rt.toThrowable(${box(compileExpr(cx, stmt.value))});`;
    case "try":
      return mark + compileTry(cx, stmt);
  }
}

function compileFor(
  cx: CompileContext,
  stmt: Extract<Stmt, { kind: "for" }>,
): string {
  let init = "";
  if (stmt.init && !Array.isArray(stmt.init))
    init = compileDeclaration(cx, stmt.init).slice(0, -1);
  else if (stmt.init)
    init = stmt.init.map((expr) => compileExpr(cx, expr).code).join(", ");
  const test = stmt.test
    ? condition(cx, compileExpr(cx, stmt.test), stmt.pos)
    : "";
  const update = stmt.update
    .map((expr) => compileExpr(cx, expr).code)
    .join(", ");
  return `for (${init}; ${test}; ${update}) {\n${loopGuard(stmt)}\n${body(cx, stmt.body)}\n}`;
}

function compileForEach(
  cx: CompileContext,
  stmt: Extract<Stmt, { kind: "forEach" }>,
): string {
  const iterable = compileExpr(cx, stmt.iterable);
  if (isPrimitive(iterable.type))
    cx.fail(stmt.pos, `cannot iterate over [${iterable.type}]`);
  const type = typeName(cx, stmt.type, stmt.pos);
  const item = cx.temp("e");
  const typedArray =
    isArrayType(iterable.type) && isPrimitive(elementType(iterable.type));
  const source = typedArray
    ? `${iterable.code}`
    : `$rt.iterate(${iterable.code})`;
  const itemType = typedArray ? elementType(iterable.type) : "def";
  return cx.scoped(() => {
    const variable = cx.declare(stmt.name, type, stmt.pos);
    const value = convert(
      cx,
      { code: item, type: itemType },
      type,
      false,
      stmt.pos,
    );
    return `for (const ${item} of ${source}) {\n${loopGuard(stmt)}\nlet ${variable.js} = ${value};\n${body(cx, stmt.body)}\n}`;
  });
}

function compileReturn(
  cx: CompileContext,
  stmt: Extract<Stmt, { kind: "return" }>,
): string {
  const returns = cx.returns;
  if (stmt.value === null) {
    if (returns.kind === "typed" && returns.type !== "void")
      cx.fail(stmt.pos, `missing return value of type [${returns.type}]`);
    return "return null;";
  }
  const value = compileExpr(cx, stmt.value);
  if (returns.kind === "boxed") return `return ${box(value)};`;
  if (returns.type === "void")
    cx.fail(stmt.pos, "cannot return a value from a void function");
  return `return ${convert(cx, value, returns.type, false, stmt.pos)};`;
}

function compileTry(
  cx: CompileContext,
  stmt: Extract<Stmt, { kind: "try" }>,
): string {
  const error = cx.temp("x");
  let handlers = `throw ${error};`;
  for (const clause of [...stmt.catches].reverse()) {
    const type = typeName(cx, clause.type, stmt.pos);
    const handler = cx.scoped(() => {
      const variable = cx.declare(clause.name, type, stmt.pos);
      return `let ${variable.js} = ${error};\n${compileBlock(cx, clause.block)}`;
    });
    handlers = `if ($rt.catches(${error}, ${JSON.stringify(type)})) {\n${handler}\n} else { ${handlers} }`;
  }
  return `try {\n${compileBlock(cx, stmt.block)}\n} catch (${error}) {\n${handlers}\n}`;
}
