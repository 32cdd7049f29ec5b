// Sends the planned requests in order and stops at the first failure, so
// the report can list which steps were done and which were not. A re-run
// plans again from what is installed and so continues where this one stopped.
import { ClusterError } from "./cluster-error.ts";
import type { HttpApi } from "./http-api.ts";
import type { PlannedStep } from "./install-plan.ts";
import { importProblems } from "./saved-objects.ts";

export interface ApplyResult {
  done: PlannedStep[];
  failed?: { step: PlannedStep; error: string };
  notDone: PlannedStep[];
}

export interface Services {
  Elasticsearch: HttpApi;
  Kibana: HttpApi;
}

export async function applySteps(
  steps: PlannedStep[],
  services: Services,
  onStep: (step: PlannedStep) => void = () => {},
): Promise<ApplyResult> {
  const done: PlannedStep[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      await sendStep(step, services[step.service]);
      done.push(step);
      onStep(step);
    } catch (error) {
      if (!(error instanceof ClusterError)) throw error;
      return {
        done,
        failed: { step, error: error.message },
        notDone: steps.slice(index + 1),
      };
    }
  }
  return { done, notDone: [] };
}

async function sendStep(step: PlannedStep, api: HttpApi): Promise<void> {
  const response = await api.request(step.request);
  // A 404 is only expected when deleting what is already gone.
  if (response.status === 404 && step.action !== "delete") {
    throw notFound(step, api);
  }
  if (step.action === "import") {
    const problems = importProblems(response.body);
    if (problems.length > 0) {
      throw new ClusterError(
        {
          service: "Kibana",
          method: step.request.method,
          path: step.request.path,
          status: response.status,
          reason: `${problems.length} saved object(s) not imported:\n      ${problems.join("\n      ")}`,
        },
        (text) => text,
      );
    }
  }
}

function notFound(step: PlannedStep, api: HttpApi): ClusterError {
  return new ClusterError(
    {
      service: api.service,
      method: step.request.method,
      path: step.request.path,
      status: 404,
      reason: `${step.subject} not found`,
    },
    (text) => text,
  );
}
