// The error of a failed Elasticsearch or Kibana request, with the status,
// the error type and reason from the response body, and nothing secret.
import { UserError } from "../errors.ts";
import type { Redactor } from "./redact.ts";

export type Service = "Elasticsearch" | "Kibana";

export interface ErrorDetails {
  service: Service;
  method: string;
  path: string;
  /** HTTP status, or undefined when no response came. */
  status?: number;
  type?: string;
  reason: string;
}

export class ClusterError extends UserError {
  readonly details: ErrorDetails;

  constructor(details: ErrorDetails, redact: Redactor, cause?: unknown) {
    super(redact(formatDetails(details)), { cause });
    this.name = "ClusterError";
    this.details = { ...details, reason: redact(details.reason) };
  }
}

// Both services take the same credentials, so a 401 names the same options.
const CREDENTIAL_OPTIONS =
  "--api-key / ELASTIC_API_KEY or --username/--password (ELASTIC_USERNAME/ELASTIC_PASSWORD)";

function formatDetails(details: ErrorDetails): string {
  const request = `${details.service} ${details.method} ${details.path}`;
  const type = details.type ? ` ${details.type}:` : "";
  if (details.status === 401) {
    return `${request}: authentication failed (401): check ${CREDENTIAL_OPTIONS}; ${details.service} returned${type} ${details.reason}`;
  }
  const status = details.status === undefined ? "" : ` ${details.status}`;
  return `${request} failed:${status}${type} ${details.reason}`;
}

/**
 * Reads type and reason from an Elasticsearch error body
 * (`{error: {root_cause, type, reason, caused_by}, status}`) or a Kibana one
 * (`{statusCode, error, message}`). The deepest `caused_by` reason is added
 * because it names the actual fault, for example a Painless compile error.
 */
export function describeErrorBody(body: unknown): {
  type?: string;
  reason: string;
} {
  if (typeof body === "string") return { reason: body.slice(0, 500) };
  const record = (body ?? {}) as Record<string, unknown>;
  const error = record.error;
  if (error && typeof error === "object") {
    const main = error as Record<string, unknown>;
    const reason = String(main.reason ?? "no reason given");
    const cause = deepestCause(main);
    return {
      type: String(main.type ?? "error"),
      reason:
        cause && cause !== reason ? `${reason} (caused by: ${cause})` : reason,
    };
  }
  if (typeof record.message === "string") {
    return { type: String(record.error ?? ""), reason: record.message };
  }
  return { reason: JSON.stringify(body ?? null).slice(0, 500) };
}

function deepestCause(error: Record<string, unknown>): string | undefined {
  let current = error.caused_by as Record<string, unknown> | undefined;
  let reason: string | undefined;
  while (current && typeof current === "object") {
    reason = `${current.type}: ${current.reason}`;
    current = current.caused_by as Record<string, unknown> | undefined;
  }
  return reason;
}
