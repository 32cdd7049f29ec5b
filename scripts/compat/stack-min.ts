// Adapts the rendered templates to an older Stack version for
// `build --stack-min`: features that version lacks are left out where the
// artifact works without them, and the build fails naming the others.
import { jsonText } from "../../artifacts-src/index.ts";
import { UserError } from "../errors.ts";
import { featureGate, newestLine, oldestLine } from "./data.ts";
import { detectUsages, type Usage } from "./detect.ts";
import { blockerOf } from "./matrix.ts";
import { describeBlocker } from "./render.ts";
import { isObject } from "./walk.ts";
import { lineVersion, parseStackTarget } from "./version.ts";
import semver from "semver";

type Body = Record<string, unknown>;

// Features the beaconing results do not depend on: metadata and operational
// settings. Each function removes its feature from a parsed body.
const DROPPABLE: Record<string, (body: Body) => void> = {
  "transform._meta": (body) => delete body._meta,
  "transform.dest.aliases": (body) => deleteIn(body, "dest", "aliases"),
  "transform.settings.unattended": (body) =>
    deleteIn(body, "settings", "unattended"),
  "transform.settings.num_failure_retries": (body) =>
    deleteIn(body, "settings", "num_failure_retries"),
  "transform.retention_policy": (body) => delete body.retention_policy,
};

// NOTE: the saved objects exist in the shape of Kibana 8.8.0 only
// (artifacts-src/kibana/migration-versions.ts), so an older target fails on
// the dashboards. Stamping for an older Kibana plugs in here once the
// sources can render that Kibana's object shapes and migration versions.
const NOT_DROPPABLE_BECAUSE: Record<string, string> = {
  "saved_object.migration_version":
    "the saved objects are written in the shape of Kibana 8.8.0 and no older shape is available",
  "saved_object.type_migration_version":
    "the saved objects are written in the shape of Kibana 8.8.0 and no older shape is available",
};

function deleteIn(body: Body, parent: string, key: string): void {
  const node = body[parent];
  if (isObject(node)) delete node[key];
}

/** Reads the --stack-min value, rejecting versions outside the data. */
export function parseStackMin(text: string): string {
  const target = parseStackTarget(text);
  if (target.kind === "serverless") {
    throw new UserError(
      `invalid --stack-min "${text}": expected a Stack version; Serverless always runs the newest release`,
    );
  }
  const oldest = oldestLine().line;
  if (semver.lt(target.version, lineVersion(oldest))) {
    throw new UserError(
      `invalid --stack-min ${target.version}: ml-beaconing has compatibility data from ${oldest} on (newest ${newestLine().line})`,
    );
  }
  return target.version;
}

/** Returns the templates with the features `version` lacks left out. */
export function adaptTemplates(
  templates: Record<string, string>,
  version: string,
): Record<string, string> {
  const usages = detectUsages(prefixed(templates)).filter((usage) =>
    blockerOf(usage, { kind: "stack", version }),
  );
  const undroppable = usages.filter((usage) => !DROPPABLE[usage.feature]);
  if (undroppable.length > 0) throw cannotDrop(undroppable, version);
  const adapted = { ...templates };
  for (const usage of usages) {
    const file = usage.file.slice("templates/".length);
    const body = JSON.parse(adapted[file] as string) as Body;
    DROPPABLE[usage.feature]?.(body);
    adapted[file] = jsonText(body);
  }
  return adapted;
}

function prefixed(templates: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templates).map(([file, text]) => [
      `templates/${file}`,
      text,
    ]),
  );
}

function cannotDrop(usages: Usage[], version: string): UserError {
  const lines = uniqueFeatures(usages).map((usage, index) => {
    const blocker = blockerOf(usage, { kind: "stack", version });
    const reason =
      NOT_DROPPABLE_BECAUSE[usage.feature] ??
      `the artifact does not work without ${featureGate(usage.feature).title}`;
    const where = `${usage.file.slice("templates/".length)} ${usage.pointer}`;
    return `${index + 1}. ${where}: ${blocker ? describeBlocker(blocker) : usage.feature}, and it cannot be left out: ${reason}`;
  });
  return new UserError(
    [
      `cannot build for Stack ${version}: ${lines.length} feature(s) the bundle needs are newer:`,
      ...lines,
      "Build for a newer --stack-min, or leave --stack-min out for the oldest version the full feature set supports.",
    ].join("\n"),
  );
}

function uniqueFeatures(usages: Usage[]): Usage[] {
  const seen = new Set<string>();
  return usages.filter((usage) => {
    if (seen.has(usage.feature)) return false;
    seen.add(usage.feature);
    return true;
  });
}
