// Expression grammar of Painless, by precedence from assignment down to
// primaries. Binary operators use precedence climbing.

import type { Block, Expr, Param } from "./ast.ts";
import { PRIMITIVE_TYPES, TokenCursor } from "./parser-base.ts";

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

export abstract class ExpressionParser extends TokenCursor {
  protected abstract parseBlock(): Block;

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

  protected parseArguments(): Expr[] {
    this.expect("(");
    const args: Expr[] = [];
    if (this.accept(")")) return args;
    do {
      args.push(this.atLambda() ? this.parseLambda() : this.parseExpression());
    } while (this.accept(","));
    this.expect(")", "',' or ')'");
    return args;
  }

  private atLambda(): boolean {
    if (this.peek().kind === "id" && this.at("->", 1)) return true;
    if (!this.at("(")) return false;
    let depth = 0;
    for (let ahead = 0; ; ahead++) {
      const token = this.peek(ahead);
      if (token.kind === "eof") return false;
      if (token.text === "(" && token.kind === "punct") depth += 1;
      if (token.text === ")" && token.kind === "punct") depth -= 1;
      if (depth === 0) return this.at("->", ahead + 1);
    }
  }

  private parseLambda(): Expr {
    const pos = this.peek().position;
    const params: Param[] = [];
    if (this.peek().kind === "id") {
      params.push({ type: null, name: this.next().text, pos });
    } else {
      this.expect("(");
      while (!this.at(")")) {
        const paramPos = this.peek().position;
        const type =
          this.typeLength() > 0 && this.peek(this.typeLength()).kind === "id"
            ? this.parseType()
            : null;
        params.push({
          type,
          name: this.expectIdentifier("a lambda parameter name"),
          pos: paramPos,
        });
        if (!this.accept(",")) break;
      }
      this.expect(")");
    }
    this.expect("->");
    const body = this.at("{") ? this.parseBlock() : this.parseExpression();
    return { kind: "lambda", params, body, pos };
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    const pos = token.position;
    switch (token.kind) {
      case "number":
        this.next();
        return { kind: "number", text: token.text, pos };
      case "string":
        this.next();
        return { kind: "string", value: token.text, pos };
      case "id":
        return this.parseIdentifierPrimary();
      case "keyword":
        return this.parseKeywordPrimary();
      default:
        break;
    }
    if (this.at("(")) {
      if (this.atLambda()) return this.parseLambda();
      this.next();
      const inner = this.parseExpression();
      this.expect(")");
      return inner;
    }
    if (this.at("[")) return this.parseCollectionInit();
    if (this.at("/"))
      this.failAt(token, "regular expression literals are not supported");
    return this.failAt(token, "expected an expression");
  }

  private parseIdentifierPrimary(): Expr {
    const token = this.peek();
    const pos = token.position;
    if (this.at("->", 1)) return this.parseLambda();
    const typeLength = this.typeLength();
    if (this.at("::", typeLength)) {
      const owner = this.parseType().name;
      this.next();
      const method = this.at("new")
        ? this.next().text
        : this.expectIdentifier("a method name");
      return { kind: "methodRef", owner, method, pos };
    }
    this.next();
    if (this.at("(")) {
      const args = this.parseArguments();
      return {
        kind: "call",
        target: null,
        name: token.text,
        args,
        nullSafe: false,
        pos,
      };
    }
    return { kind: "name", name: token.text, pos };
  }

  private parseKeywordPrimary(): Expr {
    const token = this.next();
    const pos = token.position;
    switch (token.text) {
      case "true":
      case "false":
        return { kind: "boolean", value: token.text === "true", pos };
      case "null":
        return { kind: "null", pos };
      case "new":
        return this.parseNew(pos);
      case "this": {
        this.expect("::", "'::' (only method references may use 'this')");
        const method = this.expectIdentifier("a function name");
        return { kind: "methodRef", owner: "this", method, pos };
      }
      default:
        if (token.text === "def" || PRIMITIVE_TYPES.has(token.text)) {
          this.index -= 1;
          const owner = this.parseType().name;
          this.expect("::", "'::' after a type name in an expression");
          const method = this.at("new")
            ? this.next().text
            : this.expectIdentifier("a method name");
          return { kind: "methodRef", owner, method, pos };
        }
        return this.failAt(token, "expected an expression");
    }
  }

  private parseNew(pos: Expr["pos"]): Expr {
    const base = this.parseType();
    if (base.dims > 0 || this.at("[")) {
      const sizes: Expr[] = [];
      let dims = base.dims;
      while (this.at("[")) {
        this.next();
        if (this.at("]")) {
          this.next();
        } else {
          sizes.push(this.parseExpression());
          this.expect("]");
        }
        dims += 1;
      }
      let initializer: Expr[] | null = null;
      if (this.at("{")) {
        this.next();
        initializer = [];
        while (!this.at("}")) {
          initializer.push(this.parseExpression());
          if (!this.accept(",")) break;
        }
        this.expect("}");
      } else if (sizes.length === 0) {
        this.failAt(this.peek(), "expected an array size or an initializer");
      }
      return {
        kind: "newArray",
        type: { name: base.name, dims },
        sizes,
        initializer,
        pos,
      };
    }
    return { kind: "new", type: base, args: this.parseArguments(), pos };
  }

  private parseCollectionInit(): Expr {
    const pos = this.expect("[").position;
    if (this.accept(":")) {
      this.expect("]");
      return { kind: "mapInit", entries: [], pos };
    }
    if (this.accept("]")) return { kind: "listInit", items: [], pos };
    const first = this.parseExpression();
    if (this.accept(":")) {
      const entries: Array<[Expr, Expr]> = [[first, this.parseExpression()]];
      while (this.accept(",")) {
        const key = this.parseExpression();
        this.expect(":");
        entries.push([key, this.parseExpression()]);
      }
      this.expect("]", "',' or ']'");
      return { kind: "mapInit", entries, pos };
    }
    const items = [first];
    while (this.accept(",")) items.push(this.parseExpression());
    this.expect("]", "',' or ']'");
    return { kind: "listInit", items, pos };
  }
}
