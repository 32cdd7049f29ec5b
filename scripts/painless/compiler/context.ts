// State shared while one script compiles: scopes of local variables, the
// declared functions, and error helpers that point at source positions.

import type { FunctionDecl } from "../ast.ts";
import {
  PainlessCompileError,
  PainlessUnsupportedError,
  type SourcePosition,
} from "../errors.ts";

/** A compiled expression: JavaScript source and its static Painless type. */
export interface Value {
  code: string;
  type: string;
}

export interface Variable {
  js: string;
  type: string;
}

/** What a `return` inside the code being compiled must produce. */
export type ReturnKind = { kind: "boxed" } | { kind: "typed"; type: string };

export class CompileContext {
  private readonly scopes: Array<Map<string, Variable>> = [new Map()];
  private counter = 0;
  returns: ReturnKind = { kind: "boxed" };

  constructor(
    readonly scriptId: string,
    readonly source: string,
    readonly functions: Map<string, FunctionDecl>,
  ) {}

  fail(pos: SourcePosition, reason: string): never {
    throw new PainlessCompileError(this.scriptId, pos, reason, this.source);
  }

  unsupported(pos: SourcePosition, reason: string): never {
    throw new PainlessUnsupportedError(this.scriptId, pos, reason);
  }

  /** A JavaScript name no script identifier can clash with. */
  temp(prefix = "t"): string {
    this.counter += 1;
    return `$${prefix}${this.counter}`;
  }

  declare(name: string, type: string, pos: SourcePosition): Variable {
    if (this.lookup(name))
      this.fail(pos, `variable [${name}] is already defined`);
    const variable = { js: `v_${name}`, type };
    this.scopes[this.scopes.length - 1]!.set(name, variable);
    return variable;
  }

  lookup(name: string): Variable | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const found = this.scopes[i]!.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** Runs `body` in a nested scope. */
  scoped<T>(body: () => T): T {
    this.scopes.push(new Map());
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  /** Runs `body` with its own return kind, as for a function or lambda body. */
  withReturns<T>(returns: ReturnKind, body: () => T): T {
    const saved = this.returns;
    this.returns = returns;
    try {
      return this.scoped(body);
    } finally {
      this.returns = saved;
    }
  }
}

export function positionCode(pos: SourcePosition): number {
  return pos.line * 65536 + pos.column;
}

export function decodePosition(code: number): SourcePosition {
  return { line: Math.floor(code / 65536), column: code % 65536 };
}
