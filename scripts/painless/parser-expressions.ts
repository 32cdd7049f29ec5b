// Expression grammar of Painless, by precedence from assignment down to
// primaries. Binary operators use precedence climbing.

import type { Expr } from "./ast.ts";
import { PRIMITIVE_TYPES } from "./parser-base.ts";
import { PrimaryParser } from "./parser-primary.ts";

const ASSIGNMENT_OPS = new Set([
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<=",
  ">>=",
  ">>>=",
]);

// Higher binds tighter. `instanceof` sits with the relational operators.
const BINARY_PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "|": 3,
  "^": 4,
  "&": 5,
  "==": 6,
  "!=": 6,
  "===": 6,
  "!==": 6,
  "<": 7,
  "<=": 7,
  ">": 7,
  ">=": 7,
  instanceof: 7,
  "<<": 8,
  ">>": 8,
  ">>>": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
};

export abstract class ExpressionParser extends PrimaryParser {
  parseExpression(): Expr {
    const start = this.peek();
    const left = this.parseConditional();
    const op = this.peek();
    if (op.kind === "punct" && ASSIGNMENT_OPS.has(op.text)) {
      if (
        left.kind !== "name" &&
        left.kind !== "field" &&
        left.kind !== "index"
      ) {
        this.failAt(
          op,
          "the left side of an assignment must be a variable, field or element",
        );
      }
      this.next();
      const value = this.parseExpression();
      return {
        kind: "assign",
        op: op.text,
        target: left,
        value,
        pos: start.position,
      };
    }
    return left;
  }

  private parseConditional(): Expr {
    const start = this.peek().position;
    const test = this.parseElvis();
    if (!this.accept("?")) return test;
    const then = this.parseExpression();
    this.expect(":");
    const otherwise = this.parseExpression();
    return { kind: "conditional", test, then, otherwise, pos: start };
  }

  private parseElvis(): Expr {
    const start = this.peek().position;
    const left = this.parseBinary(1);
    if (!this.accept("?:")) return left;
    const right = this.parseElvis();
    return { kind: "elvis", left, right, pos: start };
  }

  private parseBinary(minPrecedence: number): Expr {
    const start = this.peek().position;
    let left = this.parseUnary();
    for (;;) {
      const op = this.peek();
      const precedence =
        op.kind === "punct" || op.kind === "keyword"
          ? BINARY_PRECEDENCE[op.text]
          : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.next();
      if (op.text === "instanceof") {
        left = {
          kind: "instanceof",
          operand: left,
          type: this.parseType(),
          pos: start,
        };
        continue;
      }
      const right = this.parseBinary(precedence + 1);
      if (op.text === "&&" || op.text === "||") {
        left = { kind: "logical", op: op.text, left, right, pos: start };
      } else {
        left = { kind: "binary", op: op.text, left, right, pos: start };
      }
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    const pos = token.position;
    if (this.at("++") || this.at("--")) {
      this.next();
      const target = this.parseUnary();
      return {
        kind: "update",
        op: token.text as "++" | "--",
        prefix: true,
        target,
        pos,
      };
    }
    if (this.at("-") && this.peek(1).kind === "number") {
      // Folded into the literal, so that -2147483648 is a valid int.
      this.next();
      const literal = this.next();
      return this.parsePostfix({
        kind: "number",
        text: `-${literal.text}`,
        pos,
      });
    }
    if (this.at("-") || this.at("+") || this.at("!") || this.at("~")) {
      this.next();
      const operand = this.parseUnary();
      return {
        kind: "unary",
        op: token.text as "-" | "+" | "!" | "~",
        operand,
        pos,
      };
    }
    if (this.at("(") && this.atCast()) {
      this.next();
      const type = this.parseType();
      this.expect(")");
      return { kind: "cast", type, operand: this.parseUnary(), pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** `(Type) operand`: primitive casts always, reference casts before an operand. */
  private atCast(): boolean {
    const length = this.typeLength(1);
    if (length === 0 || !this.at(")", 1 + length)) return false;
    const first = this.peek(1).text;
    if (first === "def" || PRIMITIVE_TYPES.has(first)) return true;
    const after = this.peek(2 + length);
    if (
      after.kind === "id" ||
      after.kind === "number" ||
      after.kind === "string"
    )
      return true;
    return ["(", "!", "~", "new", "true", "false", "null", "this", "["].some(
      (text) => after.text === text && after.kind !== "string",
    );
  }

  private parsePostfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const token = this.peek();
      if (this.at(".") || this.at("?.")) {
        this.next();
        const nullSafe = token.text === "?.";
        const name = this.peek();
        if (
          name.kind !== "id" &&
          name.kind !== "keyword" &&
          name.kind !== "number"
        ) {
          this.failAt(name, "expected a field or method name after '.'");
        }
        this.next();
        if (this.at("(")) {
          const args = this.parseArguments();
          expr = {
            kind: "call",
            target: expr,
            name: name.text,
            args,
            nullSafe,
            pos: token.position,
          };
        } else {
          expr = {
            kind: "field",
            target: expr,
            name: name.text,
            nullSafe,
            pos: token.position,
          };
        }
      } else if (this.at("[")) {
        this.next();
        const index = this.parseExpression();
        this.expect("]");
        expr = { kind: "index", target: expr, index, pos: token.position };
      } else if (this.at("++") || this.at("--")) {
        this.next();
        const op = token.text as "++" | "--";
        return {
          kind: "update",
          op,
          prefix: false,
          target: expr,
          pos: expr.pos,
        };
      } else {
        return expr;
      }
    }
  }
}
