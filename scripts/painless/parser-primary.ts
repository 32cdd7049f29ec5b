// Primary expressions of Painless: literals, names, calls without a
// receiver, `new`, list and map initializers, lambdas and method references.

import type { Block, Expr, Param } from "./ast.ts";
import { PRIMITIVE_TYPES, TokenCursor } from "./parser-base.ts";

export abstract class PrimaryParser extends TokenCursor {
  protected abstract parseBlock(): Block;
  abstract parseExpression(): Expr;

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

  protected parsePrimary(): Expr {
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
