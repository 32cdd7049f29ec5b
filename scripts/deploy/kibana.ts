// Kibana access over its HTTP APIs (spaces, saved objects, status). Every
// request carries `kbn-xsrf`, which Kibana requires on every call that is
// not a GET, and the credentials of the connection.
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { ClusterError, describeErrorBody } from "./cluster-error.ts";
import type { Connection } from "./connection.ts";
import { authorizationHeader } from "./credentials.ts";
import type {
  ApiRequest,
  ApiResponse,
  HttpApi,
  RequestLog,
} from "./http-api.ts";

const TIMEOUT_MS = 60_000;

export function createKibanaApi(
  connection: Connection,
  log?: RequestLog,
): HttpApi {
  return {
    service: "Kibana",
    address: connection.kibanaUrl,
    addressOptions:
      connection.cloudId === undefined
        ? "--kibana-url / KIBANA_URL"
        : "--kibana-url / KIBANA_URL or --cloud-id / ELASTIC_CLOUD_ID",
    async request(request) {
      const response = await send(connection, request).catch(
        (error: unknown) => {
          throw new ClusterError(
            {
              service: "Kibana",
              method: request.method,
              path: request.path,
              reason: `${(error as Error).message}; check --kibana-url and that Kibana is running`,
            },
            connection.redact,
            error,
          );
        },
      );
      log?.(`Kibana ${request.method} ${request.path} -> ${response.status}`);
      const probed = request.probe && response.status !== 401;
      if (response.status >= 400 && response.status !== 404 && !probed) {
        throw new ClusterError(
          {
            service: "Kibana",
            method: request.method,
            path: request.path,
            status: response.status,
            ...describeErrorBody(response.body),
          },
          connection.redact,
        );
      }
      return response;
    },
    close: async () => {},
  };
}

function send(
  connection: Connection,
  request: ApiRequest,
): Promise<ApiResponse> {
  const url = new URL(connection.kibanaUrl + request.path);
  const { headers, payload } = encodeBody(request);
  const auth = authorizationHeader(connection.credentials);
  if (auth !== undefined) headers.authorization = auth;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      url,
      {
        method: request.method,
        headers,
        ca: connection.caCert,
        timeout: TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: parseBody(Buffer.concat(chunks)),
            headers: incoming.headers,
          }),
        );
      },
    );
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`timed out after ${TIMEOUT_MS} ms`)),
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

function encodeBody(request: ApiRequest): {
  headers: Record<string, string>;
  payload?: Buffer;
} {
  const headers: Record<string, string> = {
    "kbn-xsrf": "ml-beaconing",
    accept: "application/json",
  };
  if (request.upload !== undefined) {
    const boundary = `----ml-beaconing-${randomBytes(12).toString("hex")}`;
    headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
    return { headers, payload: multipart(boundary, request.upload) };
  }
  if (request.body === undefined) return { headers };
  headers["content-type"] = "application/json";
  return {
    headers,
    payload: Buffer.from(JSON.stringify(request.body), "utf8"),
  };
}

function multipart(
  boundary: string,
  upload: { fileName: string; text: string },
): Buffer {
  return Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${upload.fileName}"\r\n` +
      "Content-Type: application/ndjson\r\n\r\n" +
      `${upload.text}\r\n--${boundary}--\r\n`,
    "utf8",
  );
}

function parseBody(buffer: Buffer): unknown {
  const text = buffer.toString("utf8");
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
