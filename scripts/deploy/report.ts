// Text of the install report: each step in install order with its outcome
// (done, unchanged, FAILED, not done), and with --dry-run the requests
// that would be sent.
import type { ApiRequest } from "./http-api.ts";
import type { PlannedStep } from "./install-plan.ts";
import { installOrder, stepLabel } from "./install-order.ts";
import type { InstallReport } from "./install.ts";
import type { UninstallReport } from "./uninstall.ts";

const describe = (step: PlannedStep) => `${step.action} ${step.subject}`;

export function installLines(report: InstallReport): string[] {
  const failed = report.result?.failed;
  const lines = [headline(report)];
  lines.push(...outcomes(report).map(outcomeLine));
  lines.push(...report.plan.warnings.map((warning) => `  warning: ${warning}`));
  if (failed)
    lines.push(
      "Fix the cause and run the same install again; it continues from what is installed.",
    );
  if (report.plan.steps.length === 0)
    lines.push("Nothing to change: the release is installed.");
  if (report.dryRun) lines.push(...dryRunLines(report.plan.steps));
  return lines;
}

function headline(report: InstallReport): string {
  const what = `${report.release} into the space "${report.space}"`;
  if (report.dryRun) return `Would install ${what}`;
  if (report.result?.failed) return `Install of ${what} stopped at a failure`;
  return `Installed ${what}`;
}

type Outcome = "done" | "unchanged" | "FAILED" | "not done" | "would";

interface StepOutcome {
  outcome: Outcome;
  /** The planned step, or undefined for an unchanged subject. */
  step?: PlannedStep;
  subject: string;
  error?: string;
}

/**
 * Lists every step with its outcome in the order of installSteps(). A stop
 * of the running transform comes first, because it is sent first.
 */
function outcomes(report: InstallReport): StepOutcome[] {
  const order = installOrder(report.space);
  const rank = (label: string, action?: PlannedStep["action"]) => {
    if (action === "stop") return -1;
    const index = order.indexOf(label);
    return index < 0 ? order.length : index;
  };
  const entries = [
    ...report.plan.steps.map((step) => ({
      ...stepOutcome(report, step),
      rank: rank(stepLabel(step), step.action),
    })),
    ...report.plan.unchanged.map((subject) => ({
      outcome: "unchanged" as const,
      subject,
      rank: rank(subject),
    })),
  ];
  // Array.prototype.sort is stable, so steps of one label keep their order.
  return entries.sort((a, b) => a.rank - b.rank);
}

function stepOutcome(report: InstallReport, step: PlannedStep): StepOutcome {
  const result = report.result;
  const base = { step, subject: step.subject };
  if (result === undefined) return { ...base, outcome: "would" };
  if (result.failed?.step === step)
    return { ...base, outcome: "FAILED", error: result.failed.error };
  if (result.done.includes(step)) return { ...base, outcome: "done" };
  return { ...base, outcome: "not done" };
}

function outcomeLine(entry: StepOutcome): string {
  if (entry.step === undefined) return `  unchanged: ${entry.subject}`;
  const text = describe(entry.step);
  if (entry.outcome === "would") return `  would ${text}`;
  if (entry.outcome === "FAILED") return `  FAILED: ${text}: ${entry.error}`;
  return `  ${entry.outcome}: ${text}`;
}

function dryRunLines(steps: PlannedStep[]): string[] {
  if (steps.length === 0) return [];
  return [
    "Requests (dry run, nothing sent):",
    "",
    ...steps.flatMap((step) => [...requestText(step), ""]),
  ];
}

function requestText(step: PlannedStep): string[] {
  const request: ApiRequest = step.request;
  const head = `# ${describe(step)}\n${step.service === "Kibana" ? "Kibana " : ""}${request.method} ${request.path}`;
  if (request.upload !== undefined)
    return [head, `(multipart upload of ${request.upload.fileName})`];
  if (request.body === undefined) return [head];
  return [head, JSON.stringify(request.body, null, 2)];
}

/** The JSON form of a report, for --json. */
export function installJson(report: InstallReport): unknown {
  const summarize = (step: PlannedStep) => ({
    service: step.service,
    subject: step.subject,
    action: step.action,
    method: step.request.method,
    path: step.request.path,
  });
  return {
    space: report.space,
    release: report.release,
    dryRun: report.dryRun,
    elasticsearchVersion: report.facts.esVersion,
    kibanaVersion: report.facts.kibanaVersion,
    planned: report.plan.steps.map(summarize),
    done: report.result?.done.map(summarize),
    failed: report.result?.failed
      ? {
          ...summarize(report.result.failed.step),
          error: report.result.failed.error,
        }
      : undefined,
    notDone: report.result?.notDone.map(summarize),
    steps: outcomes(report).map((entry) => ({
      subject: entry.subject,
      action: entry.step?.action,
      outcome: entry.outcome === "would" ? "planned" : entry.outcome,
    })),
    unchanged: report.plan.unchanged,
    warnings: report.plan.warnings,
  };
}

export function uninstallLines(report: UninstallReport): string[] {
  const describe = (step: PlannedStep) => `${step.action} ${step.subject}`;
  const lines = [
    `Uninstall of ML-Beaconing from the space "${report.space}"${report.result ? "" : " (dry run)"}`,
  ];
  const result = report.result;
  if (result === undefined)
    lines.push(
      ...report.plan.steps.map(
        (s) => `  would ${describe(s)}: ${s.request.method} ${s.request.path}`,
      ),
    );
  else {
    lines.push(...result.done.map((s) => `  done: ${describe(s)}`));
    if (result.failed)
      lines.push(
        `  FAILED: ${describe(result.failed.step)}: ${result.failed.error}`,
      );
    lines.push(...result.notDone.map((s) => `  not done: ${describe(s)}`));
  }
  lines.push(...report.plan.kept.map((item) => `  kept: ${item}`));
  if (report.plan.steps.length === 0) lines.push("Nothing to remove.");
  return lines;
}
