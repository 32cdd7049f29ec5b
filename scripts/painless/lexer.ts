// Tokenizer for Painless source. Comments and whitespace are dropped; every
// token keeps its 1-based line and column for error messages.

import { PainlessSyntaxError, type SourcePosition } from "./errors.ts";

export type TokenKind =
  "id" | "keyword" | "number" | "string" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** Source text, except for strings, where it is the unescaped value. */
  text: string;
  position: SourcePosition;
  /** Offset just past the token, to tell `a -> b` from `a - > b`. */
  end: number;
}

const KEYWORDS = new Set([
  "if",
  "else",
  "while",
  "do",
  "for",
  "in",
  "continue",
  "break",
  "return",
  "new",
  "try",
  "catch",
  "throw",
  "this",
  "instanceof",
  "true",
  "false",
  "null",
  "def",
  "boolean",
  "byte",
  "short",
  "char",
  "int",
  "long",
  "float",
  "double",
]);

// Longest first, so that `>>>=` wins over `>>` and `>`.
const PUNCTUATORS = [
  ">>>=",
  ">>>",
  "===",
  "!==",
  "<<=",
  ">>=",
  "?.",
  "?:",
  "->",
  "::",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<",
  ">>",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ".",
  ",",
  ";",
  "=",
  "<",
  ">",
  "!",
  "~",
  "?",
  ":",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
];

const NUMBER =
  /^(?:0[xX][0-9a-fA-F]+[lL]?|(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][+-]?[0-9]+)?[lLfFdD]?)/;
const IDENTIFIER = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Splits `source` into tokens, ending with an `eof` token. */
export function tokenize(source: string, scriptId: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (reason: string, at = offset): never => {
    const position = { line, column: at - lineStart + 1 };
    throw new PainlessSyntaxError(scriptId, position, reason, source);
  };

  while (offset < source.length) {
    const ch = source[offset]!;
    if (ch === "\n") {
      offset += 1;
      line += 1;
      lineStart = offset;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\f") {
      offset += 1;
      continue;
    }
    if (source.startsWith("//", offset)) {
      const next = source.indexOf("\n", offset);
      offset = next < 0 ? source.length : next;
      continue;
    }
    if (source.startsWith("/*", offset)) {
      const close = source.indexOf("*/", offset + 2);
      if (close < 0) fail("unterminated block comment");
      for (let i = offset; i < close; i++) {
        if (source[i] === "\n") {
          line += 1;
          lineStart = i + 1;
        }
      }
      offset = close + 2;
      continue;
    }

    const position = { line, column: offset - lineStart + 1 };
    const rest = source.slice(offset, offset + 400);
    const push = (kind: TokenKind, text: string, length: number) => {
      offset += length;
      tokens.push({ kind, text, position, end: offset });
    };

    const number = /^\.?[0-9]/.test(rest) ? NUMBER.exec(rest) : null;
    if (number) {
      push("number", number[0], number[0].length);
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      const word = identifier[0];
      push(KEYWORDS.has(word) ? "keyword" : "id", word, word.length);
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = "";
      let i = offset + 1;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === "\n") fail("unterminated string literal");
        if (source[i] === "\\") {
          // Painless accepts only \\ and an escaped closing quote.
          const escaped = source[i + 1] ?? "";
          if (escaped !== "\\" && escaped !== ch) {
            fail(
              `invalid escape sequence \\${escaped} in a ${ch}-quoted string`,
              i,
            );
          }
          value += escaped;
          i += 2;
          continue;
        }
        value += source[i];
        i += 1;
      }
      if (i >= source.length) fail("unterminated string literal");
      push("string", value, i + 1 - offset);
      continue;
    }
    const punct = PUNCTUATORS.find((p) => source.startsWith(p, offset));
    if (punct) {
      push("punct", punct, punct.length);
      continue;
    }
    fail(`unexpected character ${JSON.stringify(ch)}`);
  }
  tokens.push({
    kind: "eof",
    text: "<end of script>",
    position: { line, column: offset - lineStart + 1 },
    end: offset,
  });
  return tokens;
}
