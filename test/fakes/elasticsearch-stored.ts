// Fake routes for index templates, stored scripts, ingest pipelines and
// indices. GET returns index-template settings nested and as strings, as
// Elasticsearch 8.x does, so callers cannot rely on the form they sent.
import { esError, notFound } from "./elasticsearch-errors.ts";
import type { EsState } from "./elasticsearch-server.ts";
import { jsonBody, type Route } from "./http-fake.ts";

const ack = { status: 200, body: { acknowledged: true } };

export function storedRoutes(
  state: EsState,
  failures: { scriptCompile: boolean },
): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/_index_template\/([^/]+)$/,
      handler: (_, [id]) => getTemplate(state, id as string),
    },
    {
      method: "PUT",
      pattern: /^\/_index_template\/([^/]+)$/,
      handler: (r, [id]) => (
        state.templates.set(id as string, jsonBody(r)),
        ack
      ),
    },
    {
      method: "DELETE",
      pattern: /^\/_index_template\/([^/]+)$/,
      handler: (_, [id]) =>
        deleteFrom(
          state.templates,
          id as string,
          "index_template_missing_exception",
        ),
    },
    {
      method: "GET",
      pattern: /^\/_scripts\/([^/]+)$/,
      handler: (_, [id]) => getScript(state, id as string),
    },
    {
      method: "PUT",
      pattern: /^\/_scripts\/([^/]+)$/,
      handler: (r, [id]) =>
        putScript(state, failures, id as string, jsonBody(r)),
    },
    {
      method: "DELETE",
      pattern: /^\/_scripts\/([^/]+)$/,
      handler: (_, [id]) =>
        deleteFrom(state.scripts, id as string, "resource_not_found_exception"),
    },
    {
      method: "GET",
      pattern: /^\/_ingest\/pipeline\/([^/]+)$/,
      handler: (_, [id]) => getPipeline(state, id as string),
    },
    {
      method: "PUT",
      pattern: /^\/_ingest\/pipeline\/([^/]+)$/,
      handler: (r, [id]) => (
        state.pipelines.set(id as string, jsonBody(r)),
        ack
      ),
    },
    {
      method: "DELETE",
      pattern: /^\/_ingest\/pipeline\/([^/]+)$/,
      handler: (_, [id]) =>
        deleteFrom(
          state.pipelines,
          id as string,
          "resource_not_found_exception",
        ),
    },
  ];
}

function getTemplate(state: EsState, id: string) {
  const template = state.templates.get(id) as
    | {
        template?: {
          settings?: Record<string, unknown>;
          mappings?: Record<string, unknown>;
        };
      }
    | undefined;
  if (!template)
    return notFound(
      "resource_not_found_exception",
      `index template matching [${id}] not found`,
    );
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(
    template.template?.settings ?? {},
  )) {
    settings[key.replace(/^index\./, "")] = String(value);
  }
  const mappings = { ...template.template?.mappings };
  if (mappings.dynamic !== undefined)
    mappings.dynamic = String(mappings.dynamic);
  const stored = {
    ...template,
    composed_of: [],
    template: { ...template.template, settings: { index: settings }, mappings },
  };
  return {
    status: 200,
    body: { index_templates: [{ name: id, index_template: stored }] },
  };
}

function getScript(state: EsState, id: string) {
  const script = state.scripts.get(id);
  if (!script) return { status: 404, body: { _id: id, found: false } };
  return { status: 200, body: { _id: id, found: true, script } };
}

function putScript(
  state: EsState,
  failures: { scriptCompile: boolean },
  id: string,
  body: { script: { lang: string; source: string } },
) {
  if (failures.scriptCompile && id.includes("map")) {
    return esError(400, "script_exception", "compile error", {
      type: "illegal_argument_exception",
      reason: "cannot resolve symbol [undefinedVariable]",
    });
  }
  state.scripts.set(id, body.script);
  return ack;
}

function getPipeline(state: EsState, id: string) {
  const pipeline = state.pipelines.get(id);
  return pipeline
    ? { status: 200, body: { [id]: pipeline } }
    : { status: 404, body: {} };
}

function deleteFrom(map: Map<string, unknown>, id: string, type: string) {
  if (!map.delete(id)) return notFound(type, `[${id}] not found`);
  return ack;
}

export function indexRoutes(state: EsState): Route[] {
  return [
    {
      method: "HEAD",
      pattern: /^\/([a-z0-9_-]+)$/,
      handler: (_, [name]) => ({
        status: state.indices.has(name as string) ? 200 : 404,
      }),
    },
    {
      method: "DELETE",
      pattern: /^\/([a-z0-9_-]+)$/,
      handler: (_, [name]) => {
        state.mappings.delete(name as string);
        return state.indices.delete(name as string)
          ? ack
          : missingIndex(name as string);
      },
    },
    {
      method: "GET",
      pattern: /^\/([a-z0-9_-]+)\/_count$/,
      handler: (_, [name]) => count(state, name as string),
    },
    {
      method: "POST",
      pattern: /^\/([a-z0-9_-]+)\/_search$/,
      handler: (r, [name]) => search(state, name as string, jsonBody(r)),
    },
  ];
}

const missingIndex = (name: string) =>
  notFound("index_not_found_exception", `no such index [${name}]`);

function count(state: EsState, name: string) {
  const docs = state.indices.get(name);
  return docs
    ? {
        status: 200,
        body: {
          count: docs.length,
          _shards: { total: 1, successful: 1, failed: 0 },
        },
      }
    : missingIndex(name);
}

// Only the query the status command sends is understood: beaconing rows,
// newest first.
function search(state: EsState, name: string, body: { size?: number }) {
  const docs = state.indices.get(name);
  if (!docs) return missingIndex(name);
  const beaconing = docs
    .filter(
      (doc) =>
        (doc.beacon_stats as { is_beaconing?: boolean } | undefined)
          ?.is_beaconing === true,
    )
    .sort((a, b) =>
      String(b["@timestamp"]).localeCompare(String(a["@timestamp"])),
    );
  const hits = beaconing
    .slice(0, body.size ?? 10)
    .map((doc, i) => ({ _index: name, _id: String(i), _source: doc }));
  return {
    status: 200,
    body: {
      took: 1,
      timed_out: false,
      hits: { total: { value: beaconing.length, relation: "eq" }, hits },
    },
  };
}
