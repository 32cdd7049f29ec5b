// Fake routes for transforms, with the state
// rules of Elasticsearch 8.x: a running transform cannot be deleted, a
// failed one must be force-stopped, and `_update` rejects the pivot.
import { createIndex } from "./elasticsearch-mappings.ts";
import { esError, missingResource } from "./elasticsearch-errors.ts";
import type { EsState } from "./elasticsearch-server.ts";
import { mlRoutes } from "./elasticsearch-ml.ts";
import { jsonBody, type Reply, type Route } from "./http-fake.ts";

export interface FakeTransform {
  config: Record<string, unknown>;
  state: "stopped" | "started" | "failed";
  checkpoint: number;
  documentsProcessed: number;
}

const ack = { status: 200, body: { acknowledged: true } };
const ID = "([a-z0-9_.*-]+)";

export function transformRoutes(
  state: EsState,
  failures: { transformStart: number },
): Route[] {
  const t = state.transforms;
  return [
    {
      method: "GET",
      pattern: new RegExp(`^/_transform/${ID}/_stats$`),
      handler: (_, [id]) => stats(t, id as string),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/_transform/${ID}$`),
      handler: (_, [id]) => getTransforms(t, id as string),
    },
    {
      method: "PUT",
      pattern: new RegExp(`^/_transform/${ID}$`),
      handler: (r, [id]) => putTransform(state, id as string, jsonBody(r)),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/_transform/${ID}$`),
      handler: (_, [id], q) =>
        deleteTransform(t, id as string, q.get("force") === "true"),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_transform/${ID}/_update$`),
      handler: (r, [id]) => updateTransform(t, id as string, jsonBody(r)),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_transform/${ID}/_start$`),
      handler: (_, [id]) => startTransform(state, failures, id as string),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_transform/${ID}/_stop$`),
      handler: (_, [id], q) =>
        stopTransform(t, id as string, q.get("force") === "true"),
    },
    ...mlRoutes(state),
  ];
}

const missingTransform = (id: string) =>
  missingResource("Transform with id", id);

function getTransforms(
  transforms: Map<string, FakeTransform>,
  pattern: string,
): Reply {
  const regex = new RegExp(
    `^${pattern.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`,
  );
  const found = [...transforms.entries()].filter(([id]) => regex.test(id));
  if (found.length === 0 && !pattern.includes("*"))
    return missingTransform(pattern);
  // Elasticsearch adds fields of its own to the stored configuration.
  const configs = found.map(([id, transform]) => ({
    id,
    ...transform.config,
    version: "8.15.0",
    create_time: 1_700_000_000_000,
    authorization: { roles: ["superuser"] },
  }));
  return { status: 200, body: { count: configs.length, transforms: configs } };
}

function stats(transforms: Map<string, FakeTransform>, id: string): Reply {
  const transform = transforms.get(id);
  if (!transform) return missingTransform(id);
  const failed = transform.state === "failed";
  return {
    status: 200,
    body: {
      count: 1,
      transforms: [
        {
          id,
          state: transform.state,
          ...(failed
            ? {
                reason:
                  "task encountered irrecoverable failure: script_exception",
              }
            : {}),
          health: { status: failed ? "red" : "green" },
          checkpointing: {
            last: {
              checkpoint: transform.checkpoint,
              timestamp_millis: 1_700_000_000_000,
            },
          },
          stats: {
            documents_processed: transform.documentsProcessed,
            search_failures: 0,
            index_failures: 0,
          },
        },
      ],
    },
  };
}

function putTransform(
  state: EsState,
  id: string,
  body: Record<string, unknown>,
): Reply {
  if (state.transforms.has(id)) {
    return esError(
      409,
      "resource_already_exists_exception",
      `Transform with id [${id}] already exists`,
    );
  }
  // The validation query runs the scripted metric, so its stored scripts must exist.
  const text = JSON.stringify(body);
  for (const [, scriptId] of text.matchAll(/"id":"([a-z_]+_script)"/g)) {
    if (!state.scripts.has(scriptId as string)) {
      return esError(
        400,
        "status_exception",
        "Failed to validate configuration",
        {
          type: "resource_not_found_exception",
          reason: `unable to find script [${scriptId}] in cluster state`,
        },
      );
    }
  }
  state.transforms.set(id, {
    config: body,
    state: "stopped",
    checkpoint: 0,
    documentsProcessed: 0,
  });
  return ack;
}

function deleteTransform(
  transforms: Map<string, FakeTransform>,
  id: string,
  force: boolean,
): Reply {
  const transform = transforms.get(id);
  if (!transform) return missingTransform(id);
  if (transform.state !== "stopped" && !force) {
    return esError(
      409,
      "status_exception",
      `Cannot delete transform [${id}] as the task is running. Stop the task first`,
    );
  }
  transforms.delete(id);
  return ack;
}

function updateTransform(
  transforms: Map<string, FakeTransform>,
  id: string,
  body: Record<string, unknown>,
): Reply {
  const transform = transforms.get(id);
  if (!transform) return missingTransform(id);
  for (const key of ["pivot", "latest", "id"]) {
    if (key in body)
      return esError(
        400,
        "x_content_parse_exception",
        `[data_frame_transform_config_update] unknown field [${key}]`,
      );
  }
  transform.config = { ...transform.config, ...body };
  return { status: 200, body: { id, ...transform.config } };
}

function startTransform(
  state: EsState,
  failures: { transformStart: number },
  id: string,
): Reply {
  const transform = state.transforms.get(id);
  if (!transform) return missingTransform(id);
  if (transform.state === "started") {
    return esError(
      409,
      "status_exception",
      `Cannot start transform [${id}] as it is already started.`,
    );
  }
  if (failures.transformStart > 0) {
    failures.transformStart -= 1;
    return esError(
      400,
      "validation_exception",
      "Validation Failed: 1: no such index [logs-*];",
    );
  }
  transform.state = "started";
  const dest = (transform.config.dest as { index: string }).index;
  createIndex(state, dest);
  return ack;
}

function stopTransform(
  transforms: Map<string, FakeTransform>,
  id: string,
  force: boolean,
): Reply {
  const transform = transforms.get(id);
  if (!transform) return missingTransform(id);
  if (transform.state === "failed" && !force) {
    return esError(
      409,
      "status_exception",
      `Unable to stop transform [${id}] as it is in a failed state. Use force stop to stop the transform.`,
    );
  }
  transform.state = "stopped";
  return ack;
}
