// Shared plumbing of the fake Elasticsearch and Kibana servers: a real HTTP
// server on 127.0.0.1 with a route table and a log of the requests it got.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  /** Arrival order across every fake server of the test process. */
  sequence: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (
  request: RecordedRequest,
  params: string[],
  query: URLSearchParams,
) => Reply;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

let nextSequence = 0;

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeServer(
  routes: () => Route[],
  headers: Record<string, string>,
  notFound: (request: RecordedRequest) => Reply,
  /** Answers instead of the routes when it returns a reply (authentication). */
  guard: (request: RecordedRequest) => Reply | undefined = () => undefined,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request: RecordedRequest = {
        sequence: nextSequence++,
        method: incoming.method ?? "GET",
        path: incoming.url ?? "/",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const reply = guard(request) ?? dispatch(routes(), request, notFound);
      const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
      outgoing.writeHead(reply.status, {
        ...headers,
        "content-type": "application/json",
      });
      outgoing.end(request.method === "HEAD" ? undefined : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function dispatch(
  routes: Route[],
  request: RecordedRequest,
  notFound: (request: RecordedRequest) => Reply,
): Reply {
  const url = new URL(request.path, "http://fake");
  const path = decodeURIComponent(url.pathname);
  for (const route of routes) {
    const match =
      route.method === request.method ? route.pattern.exec(path) : null;
    if (match) return route.handler(request, match.slice(1), url.searchParams);
  }
  return notFound(request);
}

export function jsonBody<T>(request: RecordedRequest): T {
  return JSON.parse(request.body || "null") as T;
}
