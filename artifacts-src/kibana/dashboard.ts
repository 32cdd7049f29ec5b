import type { KibanaDashboard } from "../../scripts/schema/generated/kibana-dashboard.ts";
import {
  CORE_MIGRATION_VERSION,
  TYPE_MIGRATION_VERSIONS,
} from "./migration-versions.ts";
import type { BuiltPanel } from "./panels.ts";

export interface DashboardSpec {
  id: string;
  title: string;
  description: string;
  panels: BuiltPanel[];
  /** Time range restored when the dashboard opens, in date-math. */
  timeRange?: { from: string; to: string };
}

const OPTIONS = {
  useMargins: true,
  syncColors: false,
  syncCursor: true,
  syncTooltips: false,
  hidePanelTitles: false,
};

const EMPTY_SEARCH_SOURCE = {
  query: { query: "", language: "kuery" },
  filter: [],
};

function timeAttributes(
  timeRange: DashboardSpec["timeRange"],
): Pick<
  KibanaDashboard["attributes"],
  "timeRestore" | "timeFrom" | "timeTo" | "refreshInterval"
> {
  if (timeRange === undefined) {
    return { timeRestore: false };
  }
  return {
    timeRestore: true,
    timeFrom: timeRange.from,
    timeTo: timeRange.to,
    refreshInterval: { pause: true, value: 0 },
  };
}

export function dashboard(spec: DashboardSpec): KibanaDashboard {
  return {
    id: spec.id,
    type: "dashboard",
    attributes: {
      title: spec.title,
      description: spec.description,
      panelsJSON: JSON.stringify(spec.panels.map((built) => built.panel)),
      optionsJSON: JSON.stringify(OPTIONS),
      ...timeAttributes(spec.timeRange),
      version: 1,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify(EMPTY_SEARCH_SOURCE),
      },
    },
    references: spec.panels.flatMap((built) => built.references),
    coreMigrationVersion: CORE_MIGRATION_VERSION,
    typeMigrationVersion: TYPE_MIGRATION_VERSIONS.dashboard,
    managed: false,
  };
}
