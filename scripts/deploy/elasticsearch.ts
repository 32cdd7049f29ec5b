// Elasticsearch access through the official client (@elastic/elasticsearch
// 8.x, which talks to Elasticsearch 8 and, without compatibility headers,
// to 9), wrapped so that every failure becomes a redacted ClusterError.
import { Client, errors } from "@elastic/elasticsearch";
import { ClusterError, describeErrorBody } from "./cluster-error.ts";
import type { Connection } from "./connection.ts";
import type {
  ApiRequest,
  ApiResponse,
  HttpApi,
  RequestLog,
} from "./http-api.ts";

export function createElasticsearchApi(
  connection: Connection,
  log?: RequestLog,
): HttpApi {
  const client = createClient(connection);
  return {
    service: "Elasticsearch",
    address: connection.esUrl ?? "the Elasticsearch of --cloud-id",
    addressOptions: addressOptions(connection),
    async request(request) {
      try {
        const response = await client.transport.request(
          {
            method: request.method,
            path: request.path.split("?")[0] as string,
            querystring: queryOf(request.path),
            body: request.body as Record<string, unknown> | undefined,
          },
          { ignore: [404], meta: true },
        );
        log?.(
          `Elasticsearch ${request.method} ${request.path} -> ${response.statusCode}`,
        );
        return {
          status: response.statusCode ?? 0,
          body: response.body,
          headers: response.headers,
        };
      } catch (error) {
        const probed = request.probe ? probeResponse(error) : undefined;
        if (probed !== undefined) {
          log?.(
            `Elasticsearch ${request.method} ${request.path} -> ${probed.status}`,
          );
          return probed;
        }
        throw toClusterError(error, request, connection, log);
      }
    },
    close: () => client.close(),
  };
}

function addressOptions(connection: Connection): string {
  return connection.esUrl === undefined
    ? "--cloud-id / ELASTIC_CLOUD_ID"
    : "--es-url / ELASTICSEARCH_URL";
}

function createClient(connection: Connection): Client {
  return new Client({
    ...(connection.cloudId !== undefined && connection.esUrl === undefined
      ? { cloud: { id: connection.cloudId } }
      : { node: connection.esUrl }),
    auth: connection.credentials,
    tls: connection.caCert ? { ca: connection.caCert } : undefined,
    maxRetries: 2,
    requestTimeout: 60_000,
    // The toolchain's requests are few and sequential; sniffing would reach
    // for node addresses that may not be reachable from where it runs.
    sniffOnStart: false,
  });
}

// The response inside a client error, for a probe: any status but 401,
// and a success without the x-elastic-product header.
function probeResponse(error: unknown): ApiResponse | undefined {
  const failed =
    error instanceof errors.ResponseError ||
    error instanceof errors.ProductNotSupportedError;
  const meta = failed ? error.meta : undefined;
  if (meta === undefined || meta.statusCode === 401) return undefined;
  return {
    status: meta.statusCode ?? 0,
    body: meta.body,
    headers: meta.headers,
  };
}

function queryOf(path: string): Record<string, string> | undefined {
  const index = path.indexOf("?");
  if (index < 0) return undefined;
  return Object.fromEntries(new URLSearchParams(path.slice(index + 1)));
}

function toClusterError(
  error: unknown,
  request: ApiRequest,
  connection: Connection,
  log?: RequestLog,
): ClusterError {
  const base = {
    service: "Elasticsearch" as const,
    method: request.method,
    path: request.path,
  };
  if (error instanceof errors.ResponseError) {
    log?.(
      `Elasticsearch ${request.method} ${request.path} -> ${error.statusCode}`,
    );
    const described = describeErrorBody(error.body);
    return new ClusterError(
      { ...base, status: error.statusCode, ...described },
      connection.redact,
      error,
    );
  }
  if (error instanceof errors.ProductNotSupportedError) {
    return new ClusterError(
      {
        ...base,
        reason: `the server did not answer as Elasticsearch (no x-elastic-product header); check ${addressOptions(connection)}`,
      },
      connection.redact,
      error,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ClusterError(
    {
      ...base,
      reason: `${reason}; check --es-url and that Elasticsearch is running`,
    },
    connection.redact,
    error,
  );
}
