// Elasticsearch access through the official client (@elastic/elasticsearch
// 8.x, which talks to Elasticsearch 8 and, without compatibility headers,
// to 9), wrapped so that every failure becomes a redacted ClusterError.
import { Client, errors } from "@elastic/elasticsearch";
import { ClusterError, describeErrorBody } from "./cluster-error.ts";
import type { Connection } from "./connection.ts";
import type { ApiRequest, HttpApi, RequestLog } from "./http-api.ts";

export function createElasticsearchApi(
  connection: Connection,
  log?: RequestLog,
): HttpApi {
  const client = createClient(connection);
  return {
    service: "Elasticsearch",
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
        return { status: response.statusCode ?? 0, body: response.body };
      } catch (error) {
        throw toClusterError(error, request, connection, log);
      }
    },
    close: () => client.close(),
  };
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
        reason:
          "the server did not identify itself as Elasticsearch (missing x-elastic-product header); check --es-url",
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
