// The install stage: load the release, check the cluster, read what is
// installed, plan, and apply unless it is a dry run.
import {
  checkSpaceId,
  deriveSpaceIds,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { INDEX_TEMPLATE_ID } from "../../artifacts-src/index-template.ts";
import { DASHBOARDS_FILE, TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import { PreflightError, UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { applySteps, type ApplyResult, type Services } from "./apply.ts";
import { planInstall, type InstallPlan } from "./install-plan.ts";
import { readInstalledState } from "./installed-state.ts";
import { templateProperties } from "./mapping-plan.ts";
import {
  checkClusterFacts,
  checkVersions,
  gatherClusterFacts,
  type ClusterFacts,
  type Requirements,
} from "./preflight.ts";
import { parseSavedObjects } from "./saved-objects.ts";
import { loadSpaceRelease, type SpaceRelease } from "./space-files.ts";

export interface InstallRequest {
  space: string;
  bundle?: string;
  dryRun: boolean;
  withMlJob: boolean;
}

export interface InstallReport {
  space: string;
  release: string;
  dryRun: boolean;
  facts: ClusterFacts;
  plan: InstallPlan;
  /** Undefined on a dry run. */
  result?: ApplyResult;
}

export function checkSpaceOption(space: string): void {
  const problems = checkSpaceId(space);
  if (problems.length > 0) throw new UserError(problems.join("\n"));
}

export async function runInstall(
  request: InstallRequest,
  services: Services,
  logger: Logger,
): Promise<InstallReport> {
  checkSpaceOption(request.space);
  const release = await loadSpaceRelease(request.space, request.bundle);
  logger.step(`release ${release.release}, space ${request.space}`);
  const facts = await checkCluster(release, request, services, logger);
  const objects = parseSavedObjects(release.files[DASHBOARDS_FILE] ?? "");
  const state = await readInstalledState(
    services.Elasticsearch,
    services.Kibana,
    request.space,
    objects,
  );
  const plan = planInstall(release, state, { withMlJob: request.withMlJob });
  const base = { space: request.space, release: release.release, facts, plan };
  if (request.dryRun) return { ...base, dryRun: true };
  const result = await applySteps(plan.steps, services, (step) =>
    logger.step(`${step.action} ${step.subject}`),
  );
  return { ...base, dryRun: false, result };
}

async function checkCluster(
  release: SpaceRelease,
  request: InstallRequest,
  services: Services,
  logger: Logger,
): Promise<ClusterFacts> {
  const requirements = requirementsOf(release, request.withMlJob);
  const facts = await gatherClusterFacts(
    services.Elasticsearch,
    services.Kibana,
    requirements,
  );
  logger.step(
    `Elasticsearch ${facts.esVersion}, Kibana ${facts.kibanaVersion}, licence ${facts.license.type}`,
  );
  for (const note of checkVersions(facts, requirements).notes) {
    logger.warn(note);
  }
  if (facts.privileges === undefined) {
    logger.warn("privileges not checked: Elasticsearch security is disabled");
  }
  const problems = checkClusterFacts(facts, requirements);
  if (problems.length > 0) {
    throw new PreflightError(
      `cannot install into the space "${request.space}"; nothing was changed`,
      problems,
    );
  }
  return facts;
}

function requirementsOf(
  release: SpaceRelease,
  withMlJob: boolean,
): Requirements {
  const transform = JSON.parse(release.files[TRANSFORM_FILE] as string) as {
    source: { index: string | string[] };
  };
  return {
    space: release.space,
    files: filesToInstall(release, withMlJob),
    withMlJob,
    sourceIndices: [transform.source.index].flat(),
    destIndex: deriveSpaceIds(release.space).destIndex,
    resultsProperties: templateProperties(indexTemplateOf(release)),
  };
}

function indexTemplateOf(release: SpaceRelease): unknown {
  const text = release.files[`${INDEX_TEMPLATE_ID}.json`];
  return text === undefined ? undefined : JSON.parse(text);
}

// The optional ML files count only when the ML job is installed, so that
// their version needs do not block an install without it.
function filesToInstall(release: SpaceRelease, withMlJob: boolean) {
  return Object.fromEntries(
    Object.entries(release.files).filter(
      ([file]) => withMlJob || !file.startsWith("ml/"),
    ),
  );
}
