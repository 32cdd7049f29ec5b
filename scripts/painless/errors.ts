// Errors of the Painless engine. Every error carries the script id and a
// 1-based line and column, so a message points at the source that failed.

export interface SourcePosition {
  line: number;
  column: number;
}

/** The source line at `line` with a caret under `column`. */
export function caretExcerpt(source: string, position: SourcePosition): string {
  const text = source.split(/\r?\n/)[position.line - 1] ?? "";
  const pad = " ".repeat(Math.max(0, position.column - 1));
  return `${text}\n${pad}^`;
}

/** A lexical or syntax error, raised before the script runs. */
export class PainlessSyntaxError extends Error {
  constructor(
    readonly scriptId: string,
    readonly position: SourcePosition,
    readonly reason: string,
    source: string,
  ) {
    super(
      `${scriptId}:${position.line}:${position.column}: syntax error: ${reason}\n` +
        caretExcerpt(source, position),
    );
    this.name = "PainlessSyntaxError";
  }
}

/** A semantic error found while compiling, such as an unknown variable. */
export class PainlessCompileError extends Error {
  constructor(
    readonly scriptId: string,
    readonly position: SourcePosition,
    readonly reason: string,
    source: string,
  ) {
    super(
      `${scriptId}:${position.line}:${position.column}: compile error: ${reason}\n` +
        caretExcerpt(source, position),
    );
    this.name = "PainlessCompileError";
  }
}

/** A construct the engine does not implement, found while compiling. */
export class PainlessUnsupportedError extends Error {
  constructor(
    readonly scriptId: string,
    readonly position: SourcePosition,
    readonly reason: string,
  ) {
    super(
      `${scriptId}:${position.line}:${position.column}: not supported by the offline Painless engine: ${reason}`,
    );
    this.name = "PainlessUnsupportedError";
  }
}

/**
 * An exception thrown while a script runs, with the Java exception class
 * Painless would raise (for example `ArithmeticException`).
 */
export class PainlessRuntimeError extends Error {
  scriptId = "";
  position: SourcePosition | undefined;

  constructor(
    readonly javaClass: string,
    readonly reason: string,
  ) {
    super(`${javaClass}: ${reason}`);
    this.name = "PainlessRuntimeError";
  }

  /** Adds the script and position once, at the innermost statement. */
  locate(scriptId: string, position: SourcePosition): this {
    if (this.position) return this;
    this.scriptId = scriptId;
    this.position = position;
    this.message = `${scriptId}:${position.line}:${position.column}: ${this.javaClass}: ${this.reason}`;
    return this;
  }
}
