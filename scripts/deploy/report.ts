// Text of the install report: what was done, what failed and what was not
// done, or with --dry-run the requests that would be sent.
import type { ApiRequest } from "./http-api.ts";
import type { PlannedStep } from "./install-plan.ts";
import type { InstallReport } from "./install.ts";
import type { UninstallReport } from "./uninstall.ts";

const describe = (step: PlannedStep) => `${step.action} ${step.subject}`;

export function installLines(report: InstallReport): string[] {
  const lines = [
    `${report.dryRun ? "Would install" : "Installed"} ${report.release} into the space "${report.space}"`,
  ];
  if (report.dryRun) {
    lines.push(...dryRunLines(report.plan.steps));
  } else if (report.result !== undefined) {
    const { done, failed, notDone } = report.result;
    lines.length = 0;
    lines.push(
      failed
        ? `Install of ${report.release} into the space "${report.space}" stopped at a failure`
        : `Installed ${report.release} into the space "${report.space}"`,
    );
    lines.push(...done.map((step) => `  done: ${describe(step)}`));
    if (failed) {
      lines.push(`  FAILED: ${describe(failed.step)}: ${failed.error}`);
      lines.push(...notDone.map((step) => `  not done: ${describe(step)}`));
      lines.push(
        "Fix the cause and run the same install again; it continues from what is installed.",
      );
    }
  }
  lines.push(
    ...report.plan.unchanged.map((subject) => `  unchanged: ${subject}`),
  );
  lines.push(...report.plan.warnings.map((warning) => `  warning: ${warning}`));
  if (report.plan.steps.length === 0)
    lines.push("Nothing to change: the release is installed.");
  return lines;
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
