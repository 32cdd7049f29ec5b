// A fake Elasticsearch 8.x on 127.0.0.1 that responds to the requests the
// deploy commands send, with the x-elastic-product header the official
// client checks and error bodies shaped as Elasticsearch shapes them.
import { esError } from "./elasticsearch-errors.ts";
import {
  transformRoutes,
  type FakeTransform,
} from "./elasticsearch-transforms.ts";
import {
  jsonBody,
  startFakeServer,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  type Route,
} from "./http-fake.ts";
import { mappingRoutes } from "./elasticsearch-mappings.ts";
import { indexRoutes, storedRoutes } from "./elasticsearch-stored.ts";

export interface EsFakeOptions {
  version?: string;
  buildFlavor?: string;
  license?: string;
  /** Privileges `_has_privileges` reports as not granted. */
  missingPrivileges?: string[];
  securityDisabled?: boolean;
  /** When set, every request must carry this Authorization header value. */
  authorization?: string;
}

export interface EsState {
  templates: Map<string, unknown>;
  scripts: Map<string, { lang: string; source: string }>;
  pipelines: Map<string, unknown>;
  transforms: Map<string, FakeTransform>;
  indices: Map<string, Record<string, unknown>[]>;
  /** Mappings of the indices, set when an index is created from a template. */
  mappings: Map<string, Record<string, unknown>>;
  mlJobs: Map<string, { body: unknown; state: string }>;
  datafeeds: Map<string, { body: unknown; state: string }>;
}

export interface EsFake extends FakeServer {
  state: EsState;
  /** Number of the next `_start` calls of transforms that fail with 409. */
  failures: { transformStart: number; scriptCompile: boolean };
  /** Requests that can change the cluster (anything but GET and HEAD, and _has_privileges). */
  changes(): string[];
  changedRequests(): RecordedRequest[];
}

export async function startElasticsearchFake(
  options: EsFakeOptions = {},
): Promise<EsFake> {
  const state: EsState = {
    templates: new Map(),
    scripts: new Map(),
    pipelines: new Map(),
    transforms: new Map(),
    indices: new Map(),
    mappings: new Map(),
    mlJobs: new Map(),
    datafeeds: new Map(),
  };
  const failures = { transformStart: 0, scriptCompile: false };
  const routes = (): Route[] => [
    ...clusterRoutes(options),
    ...storedRoutes(state, failures),
    ...transformRoutes(state, failures),
    ...mappingRoutes(state),
    ...indexRoutes(state),
  ];
  const server = await startFakeServer(
    routes,
    { "x-elastic-product": "Elasticsearch" },
    (request) =>
      esError(
        400,
        "illegal_argument_exception",
        `no handler found for uri [${request.path}] and method [${request.method}]`,
      ),
    authenticate(options),
  );
  const changedRequests = () =>
    server.requests.filter(
      (r) =>
        !["GET", "HEAD"].includes(r.method) &&
        !/_has_privileges|_search|_count/.test(r.path),
    );
  const changes = () => changedRequests().map((r) => `${r.method} ${r.path}`);
  return { ...server, state, failures, changes, changedRequests };
}

// A request without the expected credentials is rejected before any route.
function authenticate(options: EsFakeOptions) {
  return (request: RecordedRequest): Reply | undefined =>
    options.authorization === undefined ||
    request.headers.authorization === options.authorization
      ? undefined
      : esError(
          401,
          "security_exception",
          "unable to authenticate user for REST request",
        );
}

function clusterRoutes(options: EsFakeOptions): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/$/,
      handler: () => ({
        status: 200,
        body: {
          name: "fake-node",
          cluster_name: "fake",
          version: {
            number: options.version ?? "8.15.0",
            build_flavor: options.buildFlavor ?? "default",
          },
          tagline: "You Know, for Search",
        },
      }),
    },
    {
      method: "GET",
      pattern: /^\/_license$/,
      handler: () => ({
        status: 200,
        body: {
          license: { type: options.license ?? "platinum", status: "active" },
        },
      }),
    },
    {
      method: "POST",
      pattern: /^\/_security\/user\/_has_privileges$/,
      handler: (request) => hasPrivileges(options, jsonBody(request)),
    },
  ];
}

interface PrivilegesRequest {
  cluster: string[];
  index: { names: string[]; privileges: string[] }[];
}

function hasPrivileges(options: EsFakeOptions, request: PrivilegesRequest) {
  if (options.securityDisabled) {
    return esError(
      500,
      "exception",
      "Security must be explicitly enabled when using a [basic] license. Enable security by setting [xpack.security.enabled] to [true]",
    );
  }
  const missing = new Set(options.missingPrivileges ?? []);
  const granted = (name: string) => !missing.has(name);
  const index: Record<string, Record<string, boolean>> = {};
  for (const entry of request.index) {
    for (const name of entry.names) {
      index[name] = Object.fromEntries(
        entry.privileges.map((p) => [p, granted(`${name}:${p}`)]),
      );
    }
  }
  const cluster = Object.fromEntries(
    request.cluster.map((p) => [p, granted(p)]),
  );
  const all = [
    ...Object.values(cluster),
    ...Object.values(index).flatMap(Object.values),
  ].every(Boolean);
  return {
    status: 200,
    body: {
      username: "fake",
      has_all_requested: all,
      cluster,
      index,
      application: {},
    },
  };
}
