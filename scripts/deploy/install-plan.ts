// Plans an install or upgrade of one space: compares the release with what
// is installed and lists the requests that change something, in the order
// of the generator's installSteps(). Pure: no I/O.
import {
  deriveSpaceIds,
  installSteps,
  type InstallStep,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import { UserError } from "../errors.ts";
import { containsBody, containsIndexTemplate } from "./compare.ts";
import type { InstalledState } from "./installed-state.ts";
import type { ApiRequest } from "./http-api.ts";
import { parseSavedObjects, refKey } from "./saved-objects.ts";
import type { SpaceRelease } from "./space-files.ts";
import {
  mappingSubject,
  planMappingUpdate,
  templateProperties,
} from "./mapping-plan.ts";
import { insertBeforeMl, isMlStep, planMlStep } from "./ml-plan.ts";
import { planTransform, transformStartStep } from "./transform-plan.ts";

export interface PlannedStep {
  service: "Elasticsearch" | "Kibana";
  /** Target of the step, for example `stored script ml_beaconing_map_script`. */
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
  for (const step of installSteps(release.space)) {
    if (step.optional && !options.withMlJob) continue;
    const body = step.file === undefined ? undefined : bodyOf(release, step);
    planStep(plan, step, body, state, release);
    if (step.path.startsWith("_index_template/")) {
      addMappingStep(plan, body, state, release.space);
    }
  }

  const transformId = deriveSpaceIds(release.space).transformId;
  addTransformSteps(plan, release, state, transformId);
  plan.warnings.push(...sharedCodeWarnings(plan, state, transformId));
  return plan;
}

// A changed template applies only to indices created later, so fields that
// the release adds are put into an existing results index right after the
// template, before the transform can write them.
function addMappingStep(
  plan: InstallPlan,
  template: unknown,
  state: InstalledState,
  space: string,
): void {
  if (state.resultsMapping === undefined) return;
  const index = deriveSpaceIds(space).destIndex;
  const properties = templateProperties(template);
  const step = planMappingUpdate(index, state.resultsMapping, properties);
  if (step === undefined) plan.unchanged.push(mappingSubject(index));
  else plan.steps.push(step);
}

function addTransformSteps(
  plan: InstallPlan,
  release: SpaceRelease,
  state: InstalledState,
  transformId: string,
): void {
  const body = bodyOf(release, transformStep(release.space));
  const transform = planTransform(transformId, body, state);
  // Stop the space's transform before the shared scripts, pipeline or its
  // own configuration change, so that no checkpoint runs on a mix of old
  // and new code. A failed transform is force-stopped so it can restart.
  const changes = plan.steps.some(
    (step) => step.service === "Elasticsearch" && !isMlStep(step),
  );
  const changesTransform = transform.steps.length > 0;
  const mustStop =
    transform.failed || (transform.running && (changes || changesTransform));
  const stops = mustStop ? transform.stopFirst : [];
  plan.steps = [...stops, ...insertBeforeKibana(plan.steps, transform.steps)];

  const subject = `transform ${transformId}`;
  if (!changesTransform) plan.unchanged.push(subject);
  if (transform.running && !mustStop) {
    plan.unchanged.push(`${subject} started`);
  } else {
    const start = transformStartStep(transformId);
    plan.steps = insertBeforeMl(plan.steps, [start]);
  }
}

function transformStep(space: string): InstallStep {
  return installSteps(space).find(
    (step) => step.path.startsWith("_transform/") && step.method === "PUT",
  ) as InstallStep;
}

function bodyOf(release: SpaceRelease, step: InstallStep): unknown {
  const text = release.files[step.file as string];
  if (text === undefined) {
    throw new UserError(
      `the space folder of "${release.space}" has no ${step.file}; rebuild the bundle or pass a complete one`,
    );
  }
  return step.file === DASHBOARDS_FILE ? text : JSON.parse(text);
}

interface Comparison {
  subject: string;
  installed: unknown;
  equal: boolean;
}

// The transform and its start are planned by transform-plan.ts, the ML
// steps by ml-plan.ts.
function planStep(
  plan: InstallPlan,
  step: InstallStep,
  body: unknown,
  state: InstalledState,
  release: SpaceRelease,
): void {
  const path = step.target === "kibana" ? step.path : `/${step.path}`;
  if (step.optional) {
    planMlStep(plan, step, body, state, path);
    return;
  }
  const comparison = compareStep(step, body, state, release.space);
  if (comparison === undefined) return;
  if (comparison.equal) {
    plan.unchanged.push(comparison.subject);
  } else if (step.target === "kibana") {
    const upload = { fileName: step.file as string, text: body as string };
    const request: ApiRequest = { method: "POST", path, upload };
    plan.steps.push({
      service: "Kibana",
      subject: comparison.subject,
      action: "import",
      request,
    });
  } else {
    const action = comparison.installed === undefined ? "create" : "update";
    const request: ApiRequest = { method: "PUT", path, body };
    plan.steps.push({
      service: "Elasticsearch",
      subject: comparison.subject,
      action,
      request,
    });
  }
}

function compareStep(
  step: InstallStep,
  body: unknown,
  state: InstalledState,
  space: string,
): Comparison | undefined {
  const [kind, id, rest] = step.path.split("/") as [string, string, string];
  if (step.target === "kibana") {
    const equal = savedObjectsInstalled(body as string, state);
    return {
      subject: `saved objects of ${space}`,
      installed: undefined,
      equal,
    };
  }
  if (kind === "_index_template") {
    const installed = state.indexTemplate;
    const equal = containsIndexTemplate(installed, body);
    return { subject: `index template ${id}`, installed, equal };
  }
  if (kind === "_scripts") {
    const installed = state.scripts[id];
    return {
      subject: `stored script ${id}`,
      installed,
      equal: containsBody(installed, body),
    };
  }
  if (kind === "_ingest") {
    const installed = state.pipeline;
    return {
      subject: `ingest pipeline ${rest}`,
      installed,
      equal: containsBody(installed, body),
    };
  }
  return undefined;
}

// NOTE: a Kibana newer than the objects' typeMigrationVersion migrates them
// on import, so they may never compare equal there. Each re-run then imports
// them again, which overwrites the same ids and creates no copies.
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
