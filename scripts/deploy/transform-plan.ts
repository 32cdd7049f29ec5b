// Plans the changes to a space's transform. A transform's pivot cannot be
// changed after creation: the `_update` API of Elasticsearch 8.x accepts
// only the fields in UPDATABLE_FIELDS, so a release that changes anything
// else replaces the transform (delete, then put). Neither path touches the
// destination index, so the results of earlier releases stay.
import { containsBody, isRecord } from "./compare.ts";
import type { PlannedStep } from "./install-plan.ts";
import type { InstalledState, TransformStats } from "./installed-state.ts";

export const UPDATABLE_FIELDS = [
  "description",
  "dest",
  "frequency",
  "_meta",
  "retention_policy",
  "settings",
  "source",
  "sync",
] as const;

export interface TransformPlan {
  /** Requests that bring the transform's configuration to the release's. */
  steps: PlannedStep[];
  /** Stops the transform; used when it is running and something changes, or it has failed. */
  stopFirst: PlannedStep[];
  running: boolean;
  failed: boolean;
}

export function planTransform(
  id: string,
  body: unknown,
  state: InstalledState,
): TransformPlan {
  const stats = state.transformStats;
  const running = isRunning(stats);
  const failed = stats?.state === "failed";
  const subject = `transform ${id}`;
  const path = `/_transform/${id}`;
  const put: PlannedStep = {
    service: "Elasticsearch",
    subject,
    action: "create",
    request: { method: "PUT", path, body },
  };
  const stopFirst = running || failed ? [stopStep(id, failed)] : [];
  if (state.transform === undefined)
    return { steps: [put], stopFirst, running, failed };
  if (containsBody(state.transform, body))
    return { steps: [], stopFirst, running, failed };
  if (onlyUpdatableFieldsDiffer(state.transform, body)) {
    const update = pickUpdatable(body);
    return {
      steps: [
        {
          service: "Elasticsearch",
          subject,
          action: "update",
          request: { method: "POST", path: `${path}/_update`, body: update },
        },
      ],
      stopFirst,
      running,
      failed,
    };
  }
  return {
    steps: [
      {
        service: "Elasticsearch",
        subject,
        action: "delete",
        request: { method: "DELETE", path },
      },
      { ...put, action: "replace" },
    ],
    stopFirst,
    running,
    failed,
  };
}

export function isRunning(stats: TransformStats | undefined): boolean {
  return (
    stats !== undefined &&
    ["started", "indexing", "stopping"].includes(stats.state)
  );
}

function stopStep(id: string, force: boolean): PlannedStep {
  const query = force
    ? "force=true&wait_for_completion=true"
    : "wait_for_completion=true&timeout=5m";
  return {
    service: "Elasticsearch",
    subject: `transform ${id}`,
    action: "stop",
    request: { method: "POST", path: `/_transform/${id}/_stop?${query}` },
  };
}

function onlyUpdatableFieldsDiffer(
  installed: Record<string, unknown>,
  body: unknown,
): boolean {
  if (!isRecord(body)) return false;
  const fixed = Object.keys(body).filter(
    (key) => !(UPDATABLE_FIELDS as readonly string[]).includes(key),
  );
  return fixed.every((key) => containsBody(installed[key], body[key]));
}

function pickUpdatable(body: unknown): Record<string, unknown> {
  const record = body as Record<string, unknown>;
  return Object.fromEntries(
    UPDATABLE_FIELDS.filter((key) => record[key] !== undefined).map((key) => [
      key,
      record[key],
    ]),
  );
}

export function transformStartStep(id: string): PlannedStep {
  return {
    service: "Elasticsearch",
    subject: `transform ${id}`,
    action: "start",
    request: { method: "POST", path: `/_transform/${id}/_start` },
  };
}
