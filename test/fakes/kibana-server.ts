// A fake Kibana 8.x on 127.0.0.1: the status API, the spaces API and the
// saved objects import, bulk get and delete APIs, under `/s/<space>` for a
// space other than default. Like Kibana, it rejects writes without the
// kbn-xsrf header and imports an object whose id is taken in another space
// as a new copy with a new id.
import { importObjects } from "./kibana-import.ts";
import {
  jsonBody,
  startFakeServer,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  type Route,
} from "./http-fake.ts";

export interface KibanaFakeOptions {
  version?: string;
  spaces?: string[];
  authorization?: string;
}

export interface StoredObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references: unknown[];
}

export interface KibanaFake extends FakeServer {
  /** Saved objects by space, then by `type/id`. */
  objects: Map<string, Map<string, StoredObject>>;
  /** Ids whose import fails with an `unknown` per-object error. */
  failingImports: Set<string>;
  changes(): string[];
  changedRequests(): RecordedRequest[];
}

const SPACE = "(?:/s/([a-z0-9_-]+))?";

export async function startKibanaFake(
  options: KibanaFakeOptions = {},
): Promise<KibanaFake> {
  const spaces = new Set(["default", ...(options.spaces ?? [])]);
  const objects = new Map<string, Map<string, StoredObject>>();
  const failingImports = new Set<string>();
  const spaceObjects = (space = "default") =>
    objects.get(space) ?? objects.set(space, new Map()).get(space)!;
  const routes = (): Route[] => [
    {
      method: "GET",
      pattern: /^\/api\/status$/,
      handler: () => ({
        status: 200,
        body: {
          name: "kibana",
          version: {
            number: options.version ?? "8.15.0",
            build_snapshot: false,
          },
        },
      }),
    },
    {
      method: "GET",
      pattern: /^\/api\/spaces\/space\/([^/]+)$/,
      handler: (_, [id]) => getSpace(spaces, id as string),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${SPACE}/api/saved_objects/_import$`),
      handler: (r, [space], q) =>
        importObjects({
          objects,
          failingImports,
          space: space ?? "default",
          overwrite: q.get("overwrite") === "true",
          request: r,
        }),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${SPACE}/api/saved_objects/_bulk_get$`),
      handler: (r, [space]) => bulkGet(spaceObjects(space), jsonBody(r)),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^${SPACE}/api/saved_objects/([a-z-]+)/([^/]+)$`),
      handler: (_, [space, type, id]) =>
        deleteObject(spaceObjects(space), `${type}/${id}`),
    },
  ];
  const guard = (request: RecordedRequest): Reply | undefined => {
    if (
      options.authorization !== undefined &&
      request.headers.authorization !== options.authorization
    ) {
      return {
        status: 401,
        body: {
          statusCode: 401,
          error: "Unauthorized",
          message: "Unauthorized",
        },
      };
    }
    if (request.method !== "GET" && request.headers["kbn-xsrf"] === undefined) {
      return {
        status: 400,
        body: {
          statusCode: 400,
          error: "Bad Request",
          message: "Request must contain a kbn-xsrf header.",
        },
      };
    }
    return undefined;
  };
  const server = await startFakeServer(
    routes,
    {},
    () => ({
      status: 404,
      body: { statusCode: 404, error: "Not Found", message: "Not Found" },
    }),
    guard,
  );
  const changedRequests = () =>
    server.requests.filter(
      (r) => r.method !== "GET" && !r.path.includes("_bulk_get"),
    );
  const changes = () => changedRequests().map((r) => `${r.method} ${r.path}`);
  return { ...server, objects, failingImports, changes, changedRequests };
}

function getSpace(spaces: Set<string>, id: string): Reply {
  if (!spaces.has(id)) {
    return {
      status: 404,
      body: {
        statusCode: 404,
        error: "Not Found",
        message: `Saved object [space/${id}] not found`,
      },
    };
  }
  return { status: 200, body: { id, name: id, disabledFeatures: [] } };
}

function bulkGet(
  objects: Map<string, StoredObject>,
  body: { type: string; id: string }[],
): Reply {
  const savedObjects = body.map(({ type, id }) => {
    const found = objects.get(`${type}/${id}`);
    if (found)
      return {
        ...found,
        namespaces: ["space"],
        typeMigrationVersion: "8.0.0",
        updated_at: "2024-01-01T00:00:00.000Z",
      };
    return {
      id,
      type,
      error: {
        statusCode: 404,
        error: "Not Found",
        message: `Saved object [${type}/${id}] not found`,
      },
    };
  });
  return { status: 200, body: { saved_objects: savedObjects } };
}

function deleteObject(objects: Map<string, StoredObject>, key: string): Reply {
  if (!objects.delete(key))
    return {
      status: 404,
      body: {
        statusCode: 404,
        error: "Not Found",
        message: `Saved object [${key}] not found`,
      },
    };
  return { status: 200, body: {} };
}
