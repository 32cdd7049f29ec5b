// Syntax tree of a Painless script. Every node keeps the position of its
// first token, so that compile and runtime errors can point at it.

import type { SourcePosition } from "./errors.ts";

/** A declared type: `int`, `def`, `Map.Entry`, `double[][]`. */
export interface TypeRef {
  name: string;
  dims: number;
}

interface Node {
  pos: SourcePosition;
}

export type Expr =
  | (Node & { kind: "number"; text: string })
  | (Node & { kind: "string"; value: string })
  | (Node & { kind: "boolean"; value: boolean })
  | (Node & { kind: "null" })
  | (Node & { kind: "name"; name: string })
  | (Node & { kind: "field"; target: Expr; name: string; nullSafe: boolean })
  | (Node & { kind: "index"; target: Expr; index: Expr })
  | (Node & {
      kind: "call";
      target: Expr | null;
      name: string;
      args: Expr[];
      nullSafe: boolean;
    })
  | (Node & { kind: "new"; type: TypeRef; args: Expr[] })
  | (Node & {
      kind: "newArray";
      type: TypeRef;
      sizes: Expr[];
      initializer: Expr[] | null;
    })
  | (Node & { kind: "listInit"; items: Expr[] })
  | (Node & { kind: "mapInit"; entries: Array<[Expr, Expr]> })
  | (Node & { kind: "unary"; op: "-" | "+" | "!" | "~"; operand: Expr })
  | (Node & { kind: "binary"; op: string; left: Expr; right: Expr })
  | (Node & { kind: "logical"; op: "&&" | "||"; left: Expr; right: Expr })
  | (Node & { kind: "conditional"; test: Expr; then: Expr; otherwise: Expr })
  | (Node & { kind: "elvis"; left: Expr; right: Expr })
  | (Node & { kind: "assign"; op: string; target: Expr; value: Expr })
  | (Node & { kind: "update"; op: "++" | "--"; prefix: boolean; target: Expr })
  | (Node & { kind: "cast"; type: TypeRef; operand: Expr })
  | (Node & { kind: "instanceof"; operand: Expr; type: TypeRef })
  | (Node & { kind: "lambda"; params: Param[]; body: Block | Expr })
  | (Node & { kind: "methodRef"; owner: string; method: string });

export interface Param {
  type: TypeRef | null;
  name: string;
  pos: SourcePosition;
}

export interface Block extends Node {
  kind: "block";
  body: Stmt[];
}

export interface VarDecl extends Node {
  kind: "declare";
  type: TypeRef;
  vars: Array<{ name: string; init: Expr | null; pos: SourcePosition }>;
}

export type Stmt =
  | Block
  | VarDecl
  | (Node & { kind: "expr"; expr: Expr })
  | (Node & { kind: "if"; test: Expr; then: Stmt; otherwise: Stmt | null })
  | (Node & { kind: "while"; test: Expr; body: Stmt | null })
  | (Node & { kind: "doWhile"; test: Expr; body: Stmt })
  | (Node & {
      kind: "for";
      init: VarDecl | Expr[] | null;
      test: Expr | null;
      update: Expr[];
      body: Stmt | null;
    })
  | (Node & {
      kind: "forEach";
      type: TypeRef;
      name: string;
      iterable: Expr;
      body: Stmt;
    })
  | (Node & { kind: "break" })
  | (Node & { kind: "continue" })
  | (Node & { kind: "return"; value: Expr | null })
  | (Node & { kind: "throw"; value: Expr })
  | (Node & {
      kind: "try";
      block: Block;
      catches: Array<{ type: TypeRef; name: string; block: Block }>;
    });

export interface FunctionDecl extends Node {
  returnType: TypeRef;
  name: string;
  params: Array<{ type: TypeRef; name: string }>;
  body: Block;
}

export interface Script {
  functions: FunctionDecl[];
  statements: Stmt[];
}
