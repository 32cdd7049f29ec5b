// Plans an install or upgrade of one space: compares the release with what
// is installed and lists the requests that change something, in the order
// of the generator's installSteps(). Pure: no I/O.
import {
  deriveSpaceIds,
  installSteps,
  type InstallStep,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import { containsBody, containsIndexTemplate } from "./compare.ts";
import type { InstalledState } from "./installed-state.ts";
import type { ApiRequest } from "./http-api.ts";
import { parseSavedObjects, refKey } from "./saved-objects.ts";
import type { SpaceRelease } from "./space-files.ts";
import { planTransform, transformStartStep } from "./transform-plan.ts";

export interface PlannedStep {
  service: "Elasticsearch" | "Kibana";
  /** What the step acts on, for example `stored script ml_beaconing_map_script`. */
  subject: string;
  action:
    | "create"
    | "update"
    | "replace"
    | "import"
    | "start"
    | "stop"
    | "delete"
    | "open"
    | "close";
  request: ApiRequest;
}

export interface InstallPlan {
  steps: PlannedStep[];
  /** Subjects that are installed with the release's content already. */
  unchanged: string[];
  warnings: string[];
}

export interface InstallOptions {
  withMlJob: boolean;
}

export function planInstall(
  release: SpaceRelease,
  state: InstalledState,
  options: InstallOptions,
): InstallPlan {
  const plan: InstallPlan = { steps: [], unchanged: [], warnings: [] };
  const ids = deriveSpaceIds(release.space);
  for (const step of installSteps(release.space)) {
    if (step.optional && !options.withMlJob) continue;
    const body = step.file === undefined ? undefined : bodyOf(release, step);
    planStep(plan, step, body, state, release);
  }
  const transform = planTransform(
    ids.transformId,
    bodyOf(release, transformStep(release.space)),
    state,
  );
  // Stop the space's transform before the shared scripts, pipeline or its
  // own configuration change, so that no checkpoint runs on a mix of old
  // and new code. A failed transform is force-stopped so it can restart.
  const changes = plan.steps.some(
    (step) => step.service === "Elasticsearch" && !isMlStep(step),
  );
  const mustStop =
    transform.failed ||
    (transform.running && (changes || transform.steps.length > 0));
  const stops = mustStop ? transform.stopFirst : [];
  plan.steps = [...stops, ...insertBeforeKibana(plan.steps, transform.steps)];
  if (transform.steps.length === 0)
    plan.unchanged.push(`transform ${ids.transformId}`);
  if (transform.running && !mustStop)
    plan.unchanged.push(`transform ${ids.transformId} started`);
  else
    plan.steps = insertBeforeMl(plan.steps, [
      transformStartStep(ids.transformId),
    ]);
  plan.warnings.push(...sharedCodeWarnings(plan, state, ids.transformId));
  return plan;
}

function transformStep(space: string): InstallStep {
  return installSteps(space).find(
    (step) => step.path.startsWith("_transform/") && step.method === "PUT",
  ) as InstallStep;
}

function bodyOf(release: SpaceRelease, step: InstallStep): unknown {
  const text = release.files[step.file as string];
  if (text === undefined)
    throw new Error(`the space folder has no ${step.file}`);
  return step.file === DASHBOARDS_FILE ? text : JSON.parse(text);
}

function planStep(
  plan: InstallPlan,
  step: InstallStep,
  body: unknown,
  state: InstalledState,
  release: SpaceRelease,
): void {
  const path = step.target === "kibana" ? step.path : `/${step.path}`;
  const [kind, id] = step.path.split("/") as [string, string];
  const add = (
    subject: string,
    installed: unknown,
    equal: boolean,
    request: ApiRequest,
  ) => {
    if (equal) plan.unchanged.push(subject);
    else {
      const service = step.target === "kibana" ? "Kibana" : "Elasticsearch";
      const action =
        step.target === "kibana"
          ? "import"
          : installed === undefined
            ? "create"
            : "update";
      plan.steps.push({ service, subject, action, request });
    }
  };
  if (kind === "_index_template") {
    add(
      `index template ${id}`,
      state.indexTemplate,
      containsIndexTemplate(state.indexTemplate, body),
      { method: "PUT", path, body },
    );
  } else if (kind === "_scripts") {
    add(
      `stored script ${id}`,
      state.scripts[id],
      containsBody(state.scripts[id], body),
      { method: "PUT", path, body },
    );
  } else if (kind === "_ingest") {
    add(
      `ingest pipeline ${step.path.split("/")[2]}`,
      state.pipeline,
      containsBody(state.pipeline, body),
      { method: "PUT", path, body },
    );
  } else if (step.target === "kibana") {
    const text = body as string;
    add(
      `saved objects of ${release.space}`,
      undefined,
      savedObjectsInstalled(text, state),
      {
        method: "POST",
        path,
        upload: { fileName: step.file as string, text },
      },
    );
  } else if (step.optional) {
    planMlStep(plan, step, body, state, path);
  }
  // The transform and its start are planned by transform-plan.ts.
}

function savedObjectsInstalled(ndjson: string, state: InstalledState): boolean {
  return parseSavedObjects(ndjson).every((object) => {
    const installed = state.savedObjects[refKey(object)];
    return (
      installed !== undefined &&
      containsBody(installed.attributes, object.attributes) &&
      containsBody(installed.references, object.references)
    );
  });
}

function planMlStep(
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
    // NOTE: an existing job or datafeed is left as it is; most of a job's
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
  const wanted = isDatafeed ? "started" : "opened";
  if (current === wanted) plan.unchanged.push(`${subject} ${wanted}`);
  else
    plan.steps.push({
      service: "Elasticsearch",
      subject,
      action: isDatafeed ? "start" : "open",
      request: { method: "POST", path },
    });
}

// The transform goes after the pipeline and before the Kibana import.
function insertBeforeKibana(
  steps: PlannedStep[],
  transformSteps: PlannedStep[],
): PlannedStep[] {
  const index = steps.findIndex(
    (step) => step.service === "Kibana" || isMlStep(step),
  );
  const at = index < 0 ? steps.length : index;
  return [...steps.slice(0, at), ...transformSteps, ...steps.slice(at)];
}

function insertBeforeMl(
  steps: PlannedStep[],
  starts: PlannedStep[],
): PlannedStep[] {
  const index = steps.findIndex(isMlStep);
  const at = index < 0 ? steps.length : index;
  return [...steps.slice(0, at), ...starts, ...steps.slice(at)];
}

function isMlStep(step: PlannedStep): boolean {
  return (
    step.subject.startsWith("anomaly") || step.subject.startsWith("datafeed")
  );
}

// Stored scripts and the pipeline are shared by every space, so changing
// them changes what the other spaces' transforms run from their next checkpoint.
function sharedCodeWarnings(
  plan: InstallPlan,
  state: InstalledState,
  transformId: string,
): string[] {
  const shared = plan.steps.some(
    (step) =>
      /^(stored script|ingest pipeline)/.test(step.subject) &&
      step.action === "update",
  );
  const others = state.allTransforms
    .map((t) => String(t.id))
    .filter((id) => id !== transformId);
  if (!shared || others.length === 0) return [];
  return [
    `the shared stored scripts or ingest pipeline change, and the transforms ${others.join(", ")} of other spaces use them; run install for those spaces too so their transforms match`,
  ];
}
