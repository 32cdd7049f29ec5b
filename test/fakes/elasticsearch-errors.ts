// Error replies as Elasticsearch 8.x writes them:
// `{error: {root_cause: [...], type, reason}, status}`.
import type { Reply } from "./http-fake.ts";

export function esError(
  status: number,
  type: string,
  reason: string,
  causedBy?: { type: string; reason: string },
): Reply {
  const cause = { type, reason };
  return {
    status,
    body: {
      error: {
        root_cause: [causedBy ?? cause],
        ...cause,
        ...(causedBy ? { caused_by: causedBy } : {}),
      },
      status,
    },
  };
}

export const notFound = (type: string, reason: string) =>
  esError(404, type, reason);

export const missingResource = (kind: string, id: string) =>
  notFound("resource_not_found_exception", `${kind} [${id}] not found`);
