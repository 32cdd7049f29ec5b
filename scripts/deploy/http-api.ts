// One request interface over Elasticsearch and Kibana, so that planning
// and applying treat both services alike and tests can record the requests.
import type { Service } from "./cluster-error.ts";

export type Method = "GET" | "PUT" | "POST" | "DELETE" | "HEAD";

export interface ApiRequest {
  method: Method;
  /** Path with a leading `/`, query string included. */
  path: string;
  /** JSON body. */
  body?: unknown;
  /** A file uploaded as multipart/form-data field `file` (Kibana import). */
  upload?: { fileName: string; text: string };
  /**
   * Returns every status but 401 as a response, skipping the Elasticsearch
   * client's product check, to find out which server is at an address.
   */
  probe?: boolean;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** Response headers, names in lower case. */
  headers?: Record<string, unknown>;
}

export interface HttpApi {
  readonly service: Service;
  /** The server's URL, or how it was given (`--cloud-id`), for messages. */
  readonly address: string;
  /** The options that set the address, for example `--es-url / ELASTICSEARCH_URL`. */
  readonly addressOptions: string;
  /**
   * Sends a request. A 404 is returned as a response, and any other status
   * of 400 or more raises a ClusterError unless the request is a probe.
   */
  request(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Writes a debug line per request: method, path and status, never headers or bodies. */
export type RequestLog = (line: string) => void;
