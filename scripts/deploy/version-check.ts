// Checks the cluster's Elasticsearch and Kibana versions with the Stack
// compatibility matrix, computed from the very files that are about to be
// installed. Elasticsearch must run every artifact but the dashboards, and
// Kibana must import the dashboards.
import { checkCompatibility } from "../compat/check.ts";
import { releaseVersion } from "../compat/version.ts";
import type { FileTree } from "../load/read-bundle.ts";

export interface VersionCheck {
  problems: string[];
  /** Caveats of the matrix, such as a minor line newer than its data. */
  notes: string[];
}

const KIBANA_ARTIFACTS = new Set(["dashboards"]);

export function checkStackVersions(
  files: FileTree,
  versions: { elasticsearch: string; kibana: string; serverless: boolean },
): VersionCheck {
  if (versions.serverless) {
    const result = checkCompatibility(files, { kind: "serverless" });
    return { problems: blockers("Serverless", result.artifacts), notes: [] };
  }
  const es = checkProduct("Elasticsearch", versions.elasticsearch, files);
  const kibana = checkProduct("Kibana", versions.kibana, files);
  return {
    problems: [...es.problems, ...kibana.problems],
    notes: [...new Set([...es.notes, ...kibana.notes])],
  };
}

function checkProduct(
  product: string,
  version: string,
  files: FileTree,
): VersionCheck {
  const release = releaseVersion(version);
  if (release === null) {
    const problem = `${product} reports the version "${version}", which is not a version number`;
    return { problems: [problem], notes: [] };
  }
  // A pre-release such as 8.12.0-SNAPSHOT counts as the release it leads to.
  const target = { kind: "stack" as const, input: version, version: release };
  const result = checkCompatibility(files, target);
  const relevant = result.artifacts.filter(
    (artifact) =>
      KIBANA_ARTIFACTS.has(artifact.artifact) === (product === "Kibana"),
  );
  return {
    problems: blockers(`${product} ${version}`, relevant),
    notes: result.notes,
  };
}

function blockers(
  where: string,
  artifacts: { artifact: string; supported: boolean; reasons: string[] }[],
): string[] {
  return artifacts
    .filter((artifact) => !artifact.supported)
    .map(
      (artifact) =>
        `${where} cannot run the ${artifact.artifact} of this release: ${artifact.reasons.join("; ")}; upgrade the cluster or install an older bundle`,
    );
}
