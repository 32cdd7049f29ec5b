// Checks the cluster before anything is changed: versions, the Kibana
// space, the licence for the anomaly-detection job and the privileges of
// the credentials. Reading the facts is separate from judging them, so the
// rules are tested without a cluster.
import { ClusterError } from "./cluster-error.ts";
import type { FileTree } from "../load/read-bundle.ts";
import type { HttpApi } from "./http-api.ts";
import { identifyElasticsearch, identifyKibana } from "./identify.ts";
import { readResultsMapping, readSpaceExists } from "./installed-state.ts";
import {
  compareMappings,
  mappingConflictProblems,
  type MappingProperties,
} from "./mapping-plan.ts";
import { checkStackVersions } from "./version-check.ts";

export interface Requirements {
  space: string;
  /** Space-folder files that will be installed, for the compatibility check. */
  files: FileTree;
  withMlJob: boolean;
  sourceIndices: string[];
  destIndex: string;
  /** The index template's `mappings.properties`, to check the results index. */
  resultsProperties?: MappingProperties;
}

export interface ClusterFacts {
  esVersion: string;
  /** `serverless` on Elastic Cloud Serverless, `default` otherwise. */
  esBuildFlavor?: string;
  kibanaVersion: string;
  spaceExists: boolean;
  license: { type: string; status: string };
  /** The `_has_privileges` response, or undefined when security is disabled. */
  privileges?: PrivilegesResponse;
  /** Mapping properties of the results index; undefined when it does not exist. */
  resultsMapping?: MappingProperties;
}

export interface PrivilegesResponse {
  has_all_requested: boolean;
  cluster: Record<string, boolean>;
  index: Record<string, Record<string, boolean>>;
}

// Licences that include anomaly detection, which Basic and Gold do not.
const ML_LICENSES = new Set(["trial", "platinum", "enterprise"]);

/**
 * Lists the privileges that install needs. `updatesMapping` adds the
 * `manage` index privilege on the results index, which PUT <index>/_mapping
 * needs, and is true when an existing results index lacks release fields.
 */
export function requiredPrivileges(
  requirements: Requirements,
  updatesMapping = false,
) {
  // PUT _scripts needs the `manage` cluster privilege (stored script API
  // docs, 8.x). The create transform API docs (8.x) list read and
  // view_index_metadata on the sources and read, index and create_index on
  // the destination. Install also reads the destination's mapping.
  const cluster = [
    "manage",
    "manage_transform",
    "manage_ingest_pipelines",
    "manage_index_templates",
    ...(requirements.withMlJob ? ["manage_ml"] : []),
  ];
  return {
    cluster,
    index: [
      {
        names: requirements.sourceIndices,
        privileges: ["read", "view_index_metadata"],
      },
      {
        names: [requirements.destIndex],
        privileges: [
          "read",
          "index",
          "create_index",
          "view_index_metadata",
          ...(updatesMapping ? ["manage"] : []),
        ],
      },
    ],
  };
}

export async function gatherClusterFacts(
  es: HttpApi,
  kibana: HttpApi,
  requirements: Requirements,
): Promise<ClusterFacts> {
  const info = await identifyElasticsearch(es);
  const kibanaVersion = await identifyKibana(kibana);
  const spaceExists = await readSpaceExists(kibana, requirements.space);
  const resultsMapping = await readResultsMapping(es, requirements.destIndex);
  const license = (await es.request({ method: "GET", path: "/_license" }))
    .body as {
    license: { type: string; status: string };
  };
  return {
    esVersion: info.version,
    esBuildFlavor: info.buildFlavor,
    kibanaVersion,
    spaceExists,
    license: license.license,
    privileges: await readPrivileges(
      es,
      requiredPrivileges(
        requirements,
        updatesMapping(resultsMapping, requirements),
      ),
    ),
    resultsMapping,
  };
}

function updatesMapping(
  installed: MappingProperties | undefined,
  requirements: Requirements,
): boolean {
  if (installed === undefined) return false;
  const release = requirements.resultsProperties ?? {};
  return Object.keys(compareMappings(installed, release).missing).length > 0;
}

async function readPrivileges(
  es: HttpApi,
  privileges: ReturnType<typeof requiredPrivileges>,
): Promise<PrivilegesResponse | undefined> {
  try {
    const response = await es.request({
      method: "POST",
      path: "/_security/user/_has_privileges",
      body: privileges,
    });
    return response.body as PrivilegesResponse;
  } catch (error) {
    if (
      error instanceof ClusterError &&
      /security.*(disabled|not enabled|must be explicitly enabled)/i.test(
        error.details.reason,
      )
    ) {
      return undefined;
    }
    throw error;
  }
}

/** Returns every reason why the install cannot go ahead; empty when it can. */
export function checkClusterFacts(
  facts: ClusterFacts,
  requirements: Requirements,
): string[] {
  return [
    ...checkVersions(facts, requirements).problems,
    ...checkSpace(facts, requirements),
    ...checkLicense(facts, requirements),
    ...checkPrivileges(facts),
    ...checkResultsMapping(facts, requirements),
  ];
}

function checkResultsMapping(
  facts: ClusterFacts,
  requirements: Requirements,
): string[] {
  if (facts.resultsMapping === undefined) return [];
  return mappingConflictProblems(
    requirements.space,
    requirements.destIndex,
    facts.resultsMapping,
    requirements.resultsProperties ?? {},
  );
}

export function checkVersions(facts: ClusterFacts, requirements: Requirements) {
  return checkStackVersions(requirements.files, {
    elasticsearch: facts.esVersion,
    kibana: facts.kibanaVersion,
    serverless: facts.esBuildFlavor === "serverless",
  });
}

function checkSpace(facts: ClusterFacts, requirements: Requirements): string[] {
  if (facts.spaceExists) return [];
  return [
    `the Kibana space "${requirements.space}" does not exist; create it (Stack Management > Spaces) or pass the id of an existing space to --space`,
  ];
}

function checkLicense(
  facts: ClusterFacts,
  requirements: Requirements,
): string[] {
  if (!requirements.withMlJob) return [];
  const { type, status } = facts.license;
  if (ML_LICENSES.has(type) && status === "active") return [];
  return [
    `--with-ml-job needs an active Platinum, Enterprise or trial licence for anomaly detection, but the cluster's licence is ${type} (${status}); install without --with-ml-job`,
  ];
}

function checkPrivileges(facts: ClusterFacts): string[] {
  const privileges = facts.privileges;
  if (privileges === undefined || privileges.has_all_requested) return [];
  const missing = Object.entries(privileges.cluster)
    .filter(([, granted]) => !granted)
    .map(([name]) => `cluster privilege ${name}`);
  for (const [index, granted] of Object.entries(privileges.index)) {
    const names = Object.entries(granted)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    if (names.length > 0)
      missing.push(`index privileges ${names.join(", ")} on ${index}`);
  }
  return [
    `the credentials lack ${missing.join("; ")}; use a user or API key with these privileges`,
  ];
}
