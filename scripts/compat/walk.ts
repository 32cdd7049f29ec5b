// Walks a parsed JSON value depth-first, calling `visit` for every object
// property with its RFC 6901 JSON pointer.

export type Visitor = (key: string, value: unknown, pointer: string) => void;

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function walkJson(node: unknown, visit: Visitor, pointer = ""): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) =>
      walkJson(child, visit, `${pointer}/${index}`),
    );
    return;
  }
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const childPointer = `${pointer}/${escapePointer(key)}`;
    visit(key, child, childPointer);
    walkJson(child, visit, childPointer);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a nested property, or undefined when a step is missing. */
export function getPath(value: unknown, path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}
