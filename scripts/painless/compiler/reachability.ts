// Compile-time checks Painless makes on statement lists: no statement may
// follow one that always leaves the block, an expression statement must do
// something (assign, update, call or construct), and a non-void function
// must end every path with return or throw.

import type { Expr, Stmt } from "../ast.ts";
import type { CompileContext } from "./context.ts";

const STATEMENT_EXPRESSIONS = new Set<Expr["kind"]>([
  "assign",
  "update",
  "call",
  "new",
]);

function isTrueLiteral(expr: Expr | null): boolean {
  return expr === null || (expr.kind === "boolean" && expr.value);
}

/** True when `stmt` contains a `break` that leaves the loop whose body it is. */
function breaksOut(stmt: Stmt | null): boolean {
  if (stmt === null) return false;
  switch (stmt.kind) {
    case "break":
      return true;
    case "block":
      return stmt.body.some(breaksOut);
    case "if":
      return breaksOut(stmt.then) || breaksOut(stmt.otherwise);
    case "try":
      return (
        breaksOut(stmt.block) ||
        stmt.catches.some((clause) => breaksOut(clause.block))
      );
    default:
      return false;
  }
}

/** True when control never reaches the statement after `stmt`. */
export function alwaysEscapes(stmt: Stmt): boolean {
  switch (stmt.kind) {
    case "return":
    case "throw":
    case "break":
    case "continue":
      return true;
    case "block":
      return stmt.body.some(alwaysEscapes);
    case "if":
      return (
        stmt.otherwise !== null &&
        alwaysEscapes(stmt.then) &&
        alwaysEscapes(stmt.otherwise)
      );
    case "try":
      return (
        alwaysEscapes(stmt.block) &&
        stmt.catches.every((clause) => alwaysEscapes(clause.block))
      );
    case "while":
    case "doWhile":
      return isTrueLiteral(stmt.test) && !breaksOut(stmt.body);
    case "for":
      return isTrueLiteral(stmt.test) && !breaksOut(stmt.body);
    default:
      return false;
  }
}

/** True when every path through `stmt` ends in return or throw. */
export function alwaysReturns(stmt: Stmt): boolean {
  switch (stmt.kind) {
    case "return":
    case "throw":
      return true;
    case "block":
      return stmt.body.some(alwaysReturns);
    case "if":
      return (
        stmt.otherwise !== null &&
        alwaysReturns(stmt.then) &&
        alwaysReturns(stmt.otherwise)
      );
    case "try":
      return (
        alwaysReturns(stmt.block) &&
        stmt.catches.every((clause) => alwaysReturns(clause.block))
      );
    case "while":
    case "doWhile":
    case "for":
      return isTrueLiteral(stmt.test) && !breaksOut(stmt.body);
    default:
      return false;
  }
}

/**
 * Raises a compile error for an unreachable statement or an expression
 * statement without effect. `lastMayBeValue` allows a bare expression as the
 * final statement of a script, which Painless returns as the script's value.
 */
export function checkStatements(
  cx: CompileContext,
  statements: Stmt[],
  lastMayBeValue: boolean,
): void {
  statements.forEach((stmt, i) => {
    if (i > 0 && alwaysEscapes(statements[i - 1]!))
      cx.fail(stmt.pos, "unreachable statement");
    const isLast = i === statements.length - 1;
    if (
      stmt.kind === "expr" &&
      !STATEMENT_EXPRESSIONS.has(stmt.expr.kind) &&
      !(isLast && lastMayBeValue)
    ) {
      cx.fail(
        stmt.pos,
        "not a statement: the result of this expression is not used",
      );
    }
  });
}
