// Token cursor shared by the expression and statement parsers.

import type { TypeRef } from "./ast.ts";
import { PainlessSyntaxError } from "./errors.ts";
import type { Token } from "./lexer.ts";

export const PRIMITIVE_TYPES = new Set([
  "boolean",
  "byte",
  "short",
  "char",
  "int",
  "long",
  "float",
  "double",
]);

export class TokenCursor {
  protected index = 0;

  constructor(
    protected readonly tokens: Token[],
    protected readonly source: string,
    protected readonly scriptId: string,
  ) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  /** True when the current token is the punctuator or keyword `text`. */
  protected at(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return (
      (token.kind === "punct" || token.kind === "keyword") &&
      token.text === text
    );
  }

  protected accept(text: string): boolean {
    if (!this.at(text)) return false;
    this.next();
    return true;
  }

  protected expect(text: string, what = `'${text}'`): Token {
    if (!this.at(text)) this.failAt(this.peek(), `expected ${what}`);
    return this.next();
  }

  protected expectIdentifier(what: string): string {
    const token = this.peek();
    if (token.kind !== "id") this.failAt(token, `expected ${what}`);
    return this.next().text;
  }

  protected failAt(token: Token, reason: string): never {
    const found = token.kind === "eof" ? token.text : `'${token.text}'`;
    throw new PainlessSyntaxError(
      this.scriptId,
      token.position,
      `${reason}, found ${found}`,
      this.source,
    );
  }

  /** Length in tokens of a type starting `ahead` tokens on, or 0 if none. */
  protected typeLength(ahead = 0): number {
    const first = this.peek(ahead);
    let length = 0;
    if (
      first.kind === "keyword" &&
      (first.text === "def" || PRIMITIVE_TYPES.has(first.text))
    ) {
      length = 1;
    } else if (first.kind === "id") {
      length = 1;
      while (
        this.at(".", ahead + length) &&
        this.peek(ahead + length + 1).kind === "id"
      ) {
        length += 2;
      }
    } else {
      return 0;
    }
    while (this.at("[", ahead + length) && this.at("]", ahead + length + 1))
      length += 2;
    return length;
  }

  protected parseType(): TypeRef {
    const length = this.typeLength();
    if (length === 0) this.failAt(this.peek(), "expected a type");
    let name = "";
    let dims = 0;
    for (let i = 0; i < length; i++) {
      const token = this.next();
      if (token.text === "[") dims += 1;
      else if (token.text !== "]") name += token.text;
    }
    return { name, dims };
  }

  /** True when a declaration `Type name` starts here. */
  protected atDeclaration(): boolean {
    const length = this.typeLength();
    return length > 0 && this.peek(length).kind === "id";
  }
}
