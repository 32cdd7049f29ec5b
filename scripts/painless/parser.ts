// Statement grammar of Painless and the entry point `parseScript`. A script
// is a list of functions followed by statements; the semicolon after the
// last statement may be left out, as in Painless.

import type {
  Block,
  Expr,
  FunctionDecl,
  Script,
  Stmt,
  TypeRef,
  VarDecl,
} from "./ast.ts";
import { tokenize } from "./lexer.ts";
import { ExpressionParser } from "./parser-expressions.ts";

class StatementParser extends ExpressionParser {
  parseScript(): Script {
    const functions: FunctionDecl[] = [];
    while (this.atFunction()) functions.push(this.parseFunction());
    const statements: Stmt[] = [];
    while (this.peek().kind !== "eof") statements.push(this.parseStatement());
    return { functions, statements };
  }

  private atFunction(): boolean {
    const length = this.typeLength();
    return (
      length > 0 && this.peek(length).kind === "id" && this.at("(", length + 1)
    );
  }

  private parseFunction(): FunctionDecl {
    const pos = this.peek().position;
    const returnType = this.parseType();
    const name = this.expectIdentifier("a function name");
    this.expect("(");
    const params: Array<{ type: TypeRef; name: string }> = [];
    while (!this.at(")")) {
      const type = this.parseType();
      params.push({ type, name: this.expectIdentifier("a parameter name") });
      if (!this.accept(",")) break;
    }
    this.expect(")", "',' or ')'");
    return { returnType, name, params, body: this.parseBlock(), pos };
  }

  protected parseBlock(): Block {
    const pos = this.expect("{").position;
    const body: Stmt[] = [];
    while (!this.at("}")) {
      if (this.peek().kind === "eof") this.failAt(this.peek(), "expected '}'");
      body.push(this.parseStatement());
    }
    this.next();
    return { kind: "block", body, pos };
  }

  /** A statement or block used as the body of `if`, loops and `else`. */
  private parseBody(): Stmt {
    return this.at("{") ? this.parseBlock() : this.parseStatement();
  }

  private endStatement(): void {
    if (this.accept(";")) return;
    if (this.peek().kind === "eof") return;
    this.failAt(this.peek(), "expected ';'");
  }

  private parseStatement(): Stmt {
    const token = this.peek();
    const pos = token.position;
    if (token.kind === "keyword") {
      switch (token.text) {
        case "if":
          return this.parseIf();
        case "while": {
          this.next();
          const test = this.parseParenthesized();
          if (this.accept(";")) return { kind: "while", test, body: null, pos };
          return { kind: "while", test, body: this.parseBody(), pos };
        }
        case "do": {
          this.next();
          const body = this.parseBody();
          this.expect("while");
          const test = this.parseParenthesized();
          this.endStatement();
          return { kind: "doWhile", test, body, pos };
        }
        case "for":
          return this.parseFor();
        case "break":
        case "continue":
          this.next();
          this.endStatement();
          return { kind: token.text, pos };
        case "return": {
          this.next();
          const atEnd =
            this.at(";") || this.at("}") || this.peek().kind === "eof";
          const value = atEnd ? null : this.parseExpression();
          this.endStatement();
          return { kind: "return", value, pos };
        }
        case "throw": {
          this.next();
          const value = this.parseExpression();
          this.endStatement();
          return { kind: "throw", value, pos };
        }
        case "try":
          return this.parseTry();
        default:
          break;
      }
    }
    if (this.at("{")) return this.parseBlock();
    if (this.atDeclaration()) {
      const declaration = this.parseDeclaration();
      this.endStatement();
      return declaration;
    }
    const expr = this.parseExpression();
    this.endStatement();
    return { kind: "expr", expr, pos };
  }

  private parseParenthesized(): Expr {
    this.expect("(");
    const expr = this.parseExpression();
    this.expect(")");
    return expr;
  }

  private parseIf(): Stmt {
    const pos = this.next().position;
    const test = this.parseParenthesized();
    const then = this.parseBody();
    const otherwise = this.accept("else") ? this.parseBody() : null;
    return { kind: "if", test, then, otherwise, pos };
  }

  private parseDeclaration(): VarDecl {
    const pos = this.peek().position;
    const type = this.parseType();
    const vars: VarDecl["vars"] = [];
    do {
      const varPos = this.peek().position;
      const name = this.expectIdentifier("a variable name");
      const init = this.accept("=") ? this.parseExpression() : null;
      vars.push({ name, init, pos: varPos });
    } while (this.accept(","));
    return { kind: "declare", type, vars, pos };
  }

  private parseFor(): Stmt {
    const pos = this.next().position;
    this.expect("(");
    const typeLength = this.typeLength();
    if (
      typeLength > 0 &&
      this.peek(typeLength).kind === "id" &&
      this.at(":", typeLength + 1)
    ) {
      const type = this.parseType();
      const name = this.expectIdentifier("a loop variable name");
      this.expect(":");
      const iterable = this.parseExpression();
      this.expect(")");
      return {
        kind: "forEach",
        type,
        name,
        iterable,
        body: this.parseBody(),
        pos,
      };
    }
    if (this.peek().kind === "id" && this.at("in", 1)) {
      const name = this.next().text;
      this.next();
      const iterable = this.parseExpression();
      this.expect(")");
      const type = { name: "def", dims: 0 };
      return {
        kind: "forEach",
        type,
        name,
        iterable,
        body: this.parseBody(),
        pos,
      };
    }
    let init: VarDecl | Expr[] | null = null;
    if (!this.at(";"))
      init = this.atDeclaration()
        ? this.parseDeclaration()
        : this.parseExpressionList();
    this.expect(";");
    const test = this.at(";") ? null : this.parseExpression();
    this.expect(";");
    const update = this.at(")") ? [] : this.parseExpressionList();
    this.expect(")");
    const body = this.accept(";") ? null : this.parseBody();
    return { kind: "for", init, test, update, body, pos };
  }

  private parseExpressionList(): Expr[] {
    const list = [this.parseExpression()];
    while (this.accept(",")) list.push(this.parseExpression());
    return list;
  }

  private parseTry(): Stmt {
    const pos = this.next().position;
    const block = this.parseBlock();
    const catches: Array<{ type: TypeRef; name: string; block: Block }> = [];
    while (this.accept("catch")) {
      this.expect("(");
      const type = this.parseType();
      const name = this.expectIdentifier("an exception variable name");
      this.expect(")");
      catches.push({ type, name, block: this.parseBlock() });
    }
    if (catches.length === 0) this.failAt(this.peek(), "expected 'catch'");
    return { kind: "try", block, catches, pos };
  }
}

/** Parses a Painless script; `scriptId` (an id or a file path) names it in errors. */
export function parseScript(source: string, scriptId: string): Script {
  const tokens = tokenize(source, scriptId);
  return new StatementParser(tokens, source, scriptId).parseScript();
}
