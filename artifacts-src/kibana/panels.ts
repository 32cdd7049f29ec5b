// Dashboard panels and the dashboard references they need. Kibana stores
// the reference of a panel on the dashboard under the name
// `<panelIndex>:<name inside the panel>`.
import type {
  KibanaDashboardPanel,
  KibanaSavedObjectReference,
  PanelEnhancements,
} from "../../scripts/schema/generated/kibana-dashboard-panel.ts";
import { PANEL_VERSION } from "./migration-versions.ts";

export interface Grid {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A dashboard-to-dashboard drilldown on a click of a chart value. */
export interface Drilldown {
  eventId: string;
  targetDashboardId: string;
  name: string;
}

/** A panel with the references the dashboard must carry for it. */
export interface BuiltPanel {
  panel: KibanaDashboardPanel;
  references: KibanaSavedObjectReference[];
}

export const DRILLDOWN_FACTORY_ID = "DASHBOARD_TO_DASHBOARD_DRILLDOWN";

export function panelReferenceName(panelIndex: string, name: string): string {
  return `${panelIndex}:${name}`;
}

export function drilldownReferenceName(eventId: string): string {
  return `drilldown:${DRILLDOWN_FACTORY_ID}:${eventId}:dashboardId`;
}

export function panelFrame(
  type: KibanaDashboardPanel["type"],
  panelIndex: string,
  grid: Grid,
): Pick<KibanaDashboardPanel, "version" | "type" | "gridData" | "panelIndex"> {
  return {
    version: PANEL_VERSION,
    type,
    gridData: { ...grid, i: panelIndex },
    panelIndex,
  };
}

/**
 * Builds the panel enhancements of an optional drilldown. The drilldown keeps the
 * current filters and time range, so the target dashboard opens on the
 * clicked host or process.
 */
export function drilldownEnhancements(
  panelIndex: string,
  drilldown: Drilldown | undefined,
): {
  enhancements: PanelEnhancements;
  references: KibanaSavedObjectReference[];
} {
  if (drilldown === undefined) {
    return { enhancements: {}, references: [] };
  }
  const event = {
    eventId: drilldown.eventId,
    triggers: ["FILTER_TRIGGER"] as ["FILTER_TRIGGER"],
    action: {
      factoryId: DRILLDOWN_FACTORY_ID,
      name: drilldown.name,
      config: {
        useCurrentFilters: true,
        useCurrentDateRange: true,
        openInNewTab: false,
      },
    },
  } as const;
  const reference = {
    name: panelReferenceName(
      panelIndex,
      drilldownReferenceName(drilldown.eventId),
    ),
    type: "dashboard",
    id: drilldown.targetDashboardId,
  };
  return {
    enhancements: { dynamicActions: { events: [event] } },
    references: [reference],
  };
}

export interface SearchPanelSpec {
  panelIndex: string;
  grid: Grid;
  title: string;
  searchId: string;
}

/** Builds a panel that shows a saved search by reference. */
export function searchPanel(spec: SearchPanelSpec): BuiltPanel {
  const refName = `panel_${spec.panelIndex}`;
  const panel: KibanaDashboardPanel = {
    ...panelFrame("search", spec.panelIndex, spec.grid),
    embeddableConfig: { enhancements: {} },
    title: spec.title,
    panelRefName: refName,
  };
  const reference = {
    name: panelReferenceName(spec.panelIndex, refName),
    type: "search",
    id: spec.searchId,
  };
  return { panel, references: [reference] };
}
