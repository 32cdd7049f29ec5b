// Public entry of the offline Painless engine: compile a script once, then
// execute it many times with different variables (`params`, `state`, `doc`,
// `states`). Scripts are compiled to JavaScript functions.

import type { FunctionDecl, Script } from "./ast.ts";
import { CompileContext, decodePosition } from "./compiler/context.ts";
import { alwaysReturns } from "./compiler/reachability.ts";
import {
  compileFunctionBody,
  compileScriptBody,
} from "./compiler/statements.ts";
import { typeName } from "./compiler/types.ts";
import { PainlessRuntimeError } from "./errors.ts";
import { parseScript } from "./parser.ts";
import { runtime } from "./runtime/runtime.ts";

export interface CompiledScript {
  readonly id: string;
  /** The generated JavaScript, for debugging the engine. */
  readonly javascript: string;
  /**
   * Runs the script. `variables` are boxed values bound to the names given
   * at compile time; `nowMillis` is what System.currentTimeMillis() returns.
   */
  execute(variables: Record<string, unknown>, nowMillis: number): unknown;
  /** Loop iterations the last execution ran, toward the 1,000,000 limit. */
  lastLoopIterations(): number;
}

function compileFunction(cx: CompileContext, fn: FunctionDecl): string {
  const returnType =
    fn.returnType.name === "void" && fn.returnType.dims === 0
      ? "void"
      : typeName(cx, fn.returnType, fn.pos);
  return cx.withReturns({ kind: "typed", type: returnType }, () => {
    const params = fn.params.map(
      (param) =>
        cx.declare(param.name, typeName(cx, param.type, fn.pos), fn.pos).js,
    );
    const body = compileFunctionBody(cx, fn.body);
    if (returnType !== "void" && !fn.body.body.some(alwaysReturns)) {
      cx.fail(fn.pos, `not all paths of function [${fn.name}] return a value`);
    }
    const fallOff =
      returnType === "void"
        ? "return null;"
        : `$rt.missingReturn(${JSON.stringify(fn.name)});`;
    return `function f_${fn.name}_${fn.params.length}(${params.join(", ")}) {\n${body}\n${fallOff}\n}`;
  });
}

function generate(
  cx: CompileContext,
  script: Script,
  variables: string[],
): string {
  const functions = script.functions.map((fn) => compileFunction(cx, fn));
  const bindings = variables.map(
    (name) => cx.declare(name, "def", { line: 1, column: 1 }).js,
  );
  const body = cx.withReturns({ kind: "boxed" }, () =>
    compileScriptBody(cx, script.statements),
  );
  return [
    '"use strict";',
    "let $loops = 0, $pos = 0, $clock = null;",
    ...functions,
    `const execute = function (${["$clockValue", ...bindings].join(", ")}) {`,
    "$loops = 0; $pos = 0; $clock = $clockValue;",
    body,
    "return null;",
    "};",
    "return { execute, position: () => $pos, loops: () => $loops };",
  ].join("\n");
}

/**
 * Binds every `$rt.name` the code uses to a local constant, because a
 * property load from the large runtime object costs more than a local read.
 * JSON string literals in the code are left alone.
 */
function bindRuntime(code: string): string {
  const used = new Set<string>();
  const rewritten = code.replace(
    /"(?:[^"\\]|\\.)*"|\$rt\.([A-Za-z_]\w*)/g,
    (match, name?: string) => {
      if (name === undefined) return match;
      used.add(name);
      return `$rt_${name}`;
    },
  );
  const bindings = [...used].map((name) => `const $rt_${name} = $rt.${name};`);
  const [directive, ...rest] = rewritten.split("\n");
  return [directive, ...bindings, ...rest].join("\n");
}

/** Parses and compiles `source`; syntax and compile errors name `scriptId`. */
export function compileScript(
  source: string,
  scriptId: string,
  variables: string[],
): CompiledScript {
  const script = parseScript(source, scriptId);
  const functions = new Map(
    script.functions.map((fn) => [`${fn.name}/${fn.params.length}`, fn]),
  );
  const cx = new CompileContext(scriptId, source, functions);
  const javascript = bindRuntime(generate(cx, script, variables));
  const factory = new Function("$rt", javascript) as (rt: typeof runtime) => {
    execute: (...args: unknown[]) => unknown;
    position: () => number;
    loops: () => number;
  };
  const compiled = factory(runtime);
  return {
    id: scriptId,
    javascript,
    lastLoopIterations: () => compiled.loops(),
    execute(values, nowMillis) {
      const clock = () => BigInt(Math.floor(nowMillis));
      const args = variables.map((name) => values[name] ?? null);
      try {
        const result = compiled.execute(clock, ...args);
        return result === undefined ? null : result;
      } catch (error) {
        throw locateError(error, scriptId, decodePosition(compiled.position()));
      }
    },
  };
}

function locateError(
  error: unknown,
  scriptId: string,
  position: { line: number; column: number },
): Error {
  if (error instanceof PainlessRuntimeError)
    return error.locate(scriptId, position);
  if (error instanceof RangeError && /call stack/.test(error.message)) {
    return new PainlessRuntimeError(
      "StackOverflowError",
      "too deep recursion",
    ).locate(scriptId, position);
  }
  const reason = `internal error of the offline engine: ${error instanceof Error ? error.message : String(error)}`;
  const wrapped = new PainlessRuntimeError("EngineError", reason).locate(
    scriptId,
    position,
  );
  wrapped.cause = error;
  return wrapped;
}
