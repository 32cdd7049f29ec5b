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
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface HttpApi {
  readonly service: Service;
  /**
   * Sends a request. A 404 is returned as a response; any other status of
   * 400 or more raises a ClusterError.
   */
  request(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Writes a debug line per request: method, path and status, never headers or bodies. */
export type RequestLog = (line: string) => void;
