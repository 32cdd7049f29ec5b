// Plans and runs the removal of a space's installation. The stored scripts,
// pipeline and index template are shared by every space, so they are
// deleted only with the last transform. The results index is deleted only
// with --delete-data.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { DASHBOARDS_FILE } from "../../artifacts-src/index.ts";
import { INDEX_TEMPLATE_ID } from "../../artifacts-src/index-template.ts";
import { INGEST_PIPELINE_ID } from "../../artifacts-src/ingest-pipeline.ts";
import { STORED_SCRIPT_IDS } from "../../artifacts-src/stored-scripts.ts";
import { applySteps, type ApplyResult, type Services } from "./apply.ts";
import type { ApiRequest } from "./http-api.ts";
import type { PlannedStep } from "./install-plan.ts";
import { identifyElasticsearch, identifyKibana } from "./identify.ts";
import {
  readInstalledState,
  readSpaceExists,
  type InstalledState,
} from "./installed-state.ts";
import { parseSavedObjects, type SavedObjectRef } from "./saved-objects.ts";
import type { SpaceRelease } from "./space-files.ts";

export interface UninstallPlan {
  steps: PlannedStep[];
  /** Artifacts left in place, each with the reason. */
  kept: string[];
}

export interface UninstallFacts {
  state: InstalledState;
  spaceExists: boolean;
  resultsIndexExists: boolean;
}

const es = (
  subject: string,
  action: PlannedStep["action"],
  request: ApiRequest,
): PlannedStep => ({
  service: "Elasticsearch",
  subject,
  action,
  request,
});

export function planUninstall(
  space: string,
  objects: SavedObjectRef[],
  facts: UninstallFacts,
  deleteData: boolean,
): UninstallPlan {
  const ids = deriveSpaceIds(space);
  const { state } = facts;
  const plan: UninstallPlan = { steps: mlSteps(space, state), kept: [] };
  if (state.transform !== undefined) {
    const subject = `transform ${ids.transformId}`;
    const path = `/_transform/${ids.transformId}`;
    plan.steps.push(
      es(subject, "stop", {
        method: "POST",
        path: `${path}/_stop?force=true&wait_for_completion=true`,
      }),
    );
    plan.steps.push(es(subject, "delete", { method: "DELETE", path }));
  }
  plan.steps.push(
    ...savedObjectSteps(
      ids.kibanaPathPrefix,
      objects,
      state,
      facts.spaceExists,
      plan.kept,
    ),
  );
  plan.steps.push(...sharedSteps(state, ids.transformId, plan.kept));
  if (deleteData && facts.resultsIndexExists) {
    plan.steps.push(
      es(`results index ${ids.destIndex}`, "delete", {
        method: "DELETE",
        path: `/${ids.destIndex}`,
      }),
    );
  } else if (facts.resultsIndexExists) {
    plan.kept.push(
      `results index ${ids.destIndex} (pass --delete-data to delete it)`,
    );
  }
  return plan;
}

function mlSteps(space: string, state: InstalledState): PlannedStep[] {
  const ids = deriveSpaceIds(space);
  const steps: PlannedStep[] = [];
  const feed = `/_ml/datafeeds/${ids.datafeedId}`;
  const job = `/_ml/anomaly_detectors/${ids.mlJobId}`;
  if (state.datafeedState !== undefined) {
    steps.push(
      es(`datafeed ${ids.datafeedId}`, "stop", {
        method: "POST",
        path: `${feed}/_stop?force=true`,
      }),
    );
    steps.push(
      es(`datafeed ${ids.datafeedId}`, "delete", {
        method: "DELETE",
        path: feed,
      }),
    );
  }
  if (state.mlJobState !== undefined) {
    steps.push(
      es(`anomaly-detection job ${ids.mlJobId}`, "close", {
        method: "POST",
        path: `${job}/_close?force=true`,
      }),
    );
    steps.push(
      es(`anomaly-detection job ${ids.mlJobId}`, "delete", {
        method: "DELETE",
        path: job,
      }),
    );
  }
  return steps;
}

function savedObjectSteps(
  prefix: string,
  objects: SavedObjectRef[],
  state: InstalledState,
  spaceExists: boolean,
  kept: string[],
): PlannedStep[] {
  if (!spaceExists) {
    kept.push("saved objects: the Kibana space does not exist");
    return [];
  }
  return objects
    .filter(
      (object) =>
        state.savedObjects[`${object.type}/${object.id}`] !== undefined,
    )
    .map((object) => ({
      service: "Kibana",
      subject: `saved object ${object.type} ${object.id}`,
      action: "delete",
      request: {
        method: "DELETE",
        path: `${prefix}/api/saved_objects/${object.type}/${encodeURIComponent(object.id)}`,
      },
    }));
}

function sharedSteps(
  state: InstalledState,
  transformId: string,
  kept: string[],
): PlannedStep[] {
  const others = state.allTransforms
    .map((t) => String(t.id))
    .filter((id) => id !== transformId);
  if (others.length > 0) {
    kept.push(
      `stored scripts, ingest pipeline and index template: used by ${others.join(", ")}`,
    );
    return [];
  }
  const steps: PlannedStep[] = [];
  if (state.pipeline !== undefined) {
    steps.push(
      es(`ingest pipeline ${INGEST_PIPELINE_ID}`, "delete", {
        method: "DELETE",
        path: `/_ingest/pipeline/${INGEST_PIPELINE_ID}`,
      }),
    );
  }
  for (const id of STORED_SCRIPT_IDS.filter(
    (id) => state.scripts[id] !== undefined,
  )) {
    steps.push(
      es(`stored script ${id}`, "delete", {
        method: "DELETE",
        path: `/_scripts/${id}`,
      }),
    );
  }
  if (state.indexTemplate !== undefined) {
    steps.push(
      es(`index template ${INDEX_TEMPLATE_ID}`, "delete", {
        method: "DELETE",
        path: `/_index_template/${INDEX_TEMPLATE_ID}`,
      }),
    );
  }
  return steps;
}

export interface UninstallReport {
  space: string;
  plan: UninstallPlan;
  result?: ApplyResult;
}

export async function runUninstall(
  release: SpaceRelease,
  services: Services,
  options: { deleteData: boolean; dryRun: boolean },
): Promise<UninstallReport> {
  const ids = deriveSpaceIds(release.space);
  const objects = parseSavedObjects(release.files[DASHBOARDS_FILE] ?? "");
  await identifyElasticsearch(services.Elasticsearch);
  await identifyKibana(services.Kibana);
  const spaceExists = await readSpaceExists(services.Kibana, release.space);
  const state = await readInstalledState(
    services.Elasticsearch,
    services.Kibana,
    release.space,
    spaceExists ? objects : [],
  );
  const index = await services.Elasticsearch.request({
    method: "HEAD",
    path: `/${ids.destIndex}`,
  });
  const facts = {
    state,
    spaceExists,
    resultsIndexExists: index.status === 200,
  };
  const plan = planUninstall(release.space, objects, facts, options.deleteData);
  if (options.dryRun) return { space: release.space, plan };
  return {
    space: release.space,
    plan,
    result: await applySteps(plan.steps, services),
  };
}
