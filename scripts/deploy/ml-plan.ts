// Plans the optional anomaly-detection job and datafeed of a space: create
// them when missing, then open the job and start the datafeed.
import type { InstallStep } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import type { InstallPlan, PlannedStep } from "./install-plan.ts";
import type { InstalledState } from "./installed-state.ts";

export function planMlStep(
  plan: InstallPlan,
  step: InstallStep,
  body: unknown,
  state: InstalledState,
  path: string,
): void {
  const isDatafeed = step.path.includes("datafeeds");
  const subject = `${isDatafeed ? "datafeed" : "anomaly-detection job"} ${step.path.split("/")[2]}`;
  const current = isDatafeed ? state.datafeedState : state.mlJobState;
  if (step.method === "PUT") {
    // NOTE: an existing job or datafeed is left as it is, because most of a job's
    // analysis settings cannot be changed after creation.
    if (current !== undefined) plan.unchanged.push(subject);
    else
      plan.steps.push({
        service: "Elasticsearch",
        subject,
        action: "create",
        request: { method: "PUT", path, body },
      });
    return;
  }
  const expected = isDatafeed ? "started" : "opened";
  if (current === expected) plan.unchanged.push(`${subject} ${expected}`);
  else
    plan.steps.push({
      service: "Elasticsearch",
      subject,
      action: isDatafeed ? "start" : "open",
      request: { method: "POST", path },
    });
}

export function insertBeforeMl(
  steps: PlannedStep[],
  starts: PlannedStep[],
): PlannedStep[] {
  const index = steps.findIndex(isMlStep);
  const at = index < 0 ? steps.length : index;
  return [...steps.slice(0, at), ...starts, ...steps.slice(at)];
}

export function isMlStep(step: PlannedStep): boolean {
  return (
    step.subject.startsWith("anomaly") || step.subject.startsWith("datafeed")
  );
}
