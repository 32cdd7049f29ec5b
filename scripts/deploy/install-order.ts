// Names each install step the way the install report lists it, so that
// the report can print planned and unchanged steps in install order.
import {
  deriveSpaceIds,
  installSteps,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import type { PlannedStep } from "./install-plan.ts";
import { mappingSubject } from "./mapping-plan.ts";

/**
 * Returns the report label of each installSteps() entry, in install order:
 * the subject, with `started` or `opened` for a start or open request. The
 * labels match stepLabel() of planned steps and the `unchanged` entries.
 * The mapping update of an existing results index, which installSteps()
 * does not list, follows the index template.
 */
export function installOrder(space: string): string[] {
  const labels = installSteps(space).map((step) => {
    if (step.target === "kibana") return `saved objects of ${space}`;
    // `<api>/<id>` for a PUT, `<api>/<id>/_start` or `/_open` for a POST.
    const parts = step.path.split("/");
    const id = step.method === "POST" ? parts.at(-2) : parts.at(-1);
    const subject = SUBJECT_OF_API.find(([prefix]) =>
      step.path.startsWith(prefix),
    )?.[1];
    const label = `${subject} ${id}`;
    if (step.path.endsWith("/_start")) return `${label} started`;
    if (step.path.endsWith("/_open")) return `${label} opened`;
    return label;
  });
  const mapping = mappingSubject(deriveSpaceIds(space).destIndex);
  const template = labels.findIndex((label) =>
    label.startsWith("index template "),
  );
  labels.splice(template + 1, 0, mapping);
  return labels;
}

const SUBJECT_OF_API: [string, string][] = [
  ["_index_template/", "index template"],
  ["_scripts/", "stored script"],
  ["_ingest/pipeline/", "ingest pipeline"],
  ["_transform/", "transform"],
  ["_ml/anomaly_detectors/", "anomaly-detection job"],
  ["_ml/datafeeds/", "datafeed"],
];

/** Returns the label of a planned step as installOrder() names it. */
export function stepLabel(step: PlannedStep): string {
  if (step.action === "start") return `${step.subject} started`;
  if (step.action === "open") return `${step.subject} opened`;
  return step.subject;
}
