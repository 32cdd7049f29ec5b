// Fake index creation and GET/PUT <index>/_mapping. An index takes the
// mappings of the matching index template when it is created and keeps
// them when the template changes later, as in Elasticsearch 8.x.
import { esError, notFound } from "./elasticsearch-errors.ts";
import type { EsState } from "./elasticsearch-server.ts";
import { jsonBody, type Reply, type Route } from "./http-fake.ts";

type Properties = Record<string, Record<string, unknown>>;

interface Template {
  index_patterns?: string[];
  template?: { mappings?: { properties?: Properties } };
}

/** Creates an index with the mappings of the first matching template. */
export function createIndex(state: EsState, name: string): void {
  if (state.indices.has(name)) return;
  state.indices.set(name, []);
  const template = [...state.templates.values()].find((candidate) =>
    ((candidate as Template).index_patterns ?? []).some((pattern) =>
      matchesPattern(pattern, name),
    ),
  ) as Template | undefined;
  const mappings = template?.template?.mappings;
  if (mappings !== undefined) {
    state.mappings.set(name, structuredClone(mappings) as Properties);
  }
}

function matchesPattern(pattern: string, name: string): boolean {
  const [prefix, ...rest] = pattern.split("*");
  return rest.length === 0 ? pattern === name : name.startsWith(prefix ?? "");
}

export function mappingRoutes(state: EsState): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/([a-z0-9_-]+)\/_mapping$/,
      handler: (_, [name]) => getMapping(state, name as string),
    },
    {
      method: "PUT",
      pattern: /^\/([a-z0-9_-]+)\/_mapping$/,
      handler: (r, [name]) =>
        putMapping(state, name as string, jsonBody(r) ?? {}),
    },
  ];
}

const missingIndex = (name: string) =>
  notFound("index_not_found_exception", `no such index [${name}]`);

// Elasticsearch returns `dynamic` as a string.
function getMapping(state: EsState, name: string): Reply {
  if (!state.indices.has(name)) return missingIndex(name);
  const mappings: Record<string, unknown> = {
    ...state.mappings.get(name),
  };
  if (mappings.dynamic !== undefined)
    mappings.dynamic = String(mappings.dynamic);
  return { status: 200, body: { [name]: { mappings } } };
}

// The whole update is rejected when one field conflicts, as in
// Elasticsearch, so the index is either updated or left as it was.
function putMapping(
  state: EsState,
  name: string,
  body: { properties?: Properties },
): Reply {
  if (!state.indices.has(name)) return missingIndex(name);
  const current = structuredClone(state.mappings.get(name) ?? {}) as {
    properties?: Properties;
  };
  current.properties ??= {};
  const conflict = mergeProperties(current.properties, body.properties ?? {});
  if (conflict !== undefined) {
    return esError(400, "illegal_argument_exception", conflict);
  }
  state.mappings.set(name, current as Properties);
  return { status: 200, body: { acknowledged: true } };
}

function mergeProperties(
  target: Properties,
  update: Properties,
  prefix = "",
): string | undefined {
  for (const [field, mapping] of Object.entries(update)) {
    const path = `${prefix}${field}`;
    const existing = target[field];
    if (existing === undefined) {
      target[field] = mapping;
      continue;
    }
    const from = typeOf(existing);
    const to = typeOf(mapping);
    if (from !== to && (from === "object" || to === "object")) {
      return `can't merge a non object mapping [${path}] with an object mapping`;
    }
    if (from !== to) {
      return `mapper [${path}] cannot be changed from type [${from}] to [${to}]`;
    }
    if (to === "object") {
      existing.properties ??= {};
      const conflict = mergeProperties(
        existing.properties as Properties,
        (mapping.properties ?? {}) as Properties,
        `${path}.`,
      );
      if (conflict !== undefined) return conflict;
    }
  }
  return undefined;
}

function typeOf(mapping: Record<string, unknown>): string {
  return typeof mapping.type === "string" ? mapping.type : "object";
}
