// Dashboard "Network Beaconing": where beaconing signals come from. A click
// on a host, process or time bucket opens "Beaconing Drilldown" filtered to
// it.
import type { KibanaDashboard } from "../../scripts/schema/generated/kibana-dashboard.ts";
import { savedObjectId } from "../placeholders.ts";
import { dashboard } from "./dashboard.ts";
import { DRILLDOWN_EVENT, LAYER, LOGICAL_NAME, PANEL } from "./ids.ts";
import {
  countColumn,
  dateHistogramColumn,
  termsColumn,
  uniqueCountColumn,
} from "./lens-columns.ts";
import { lensPanel } from "./lens-panel.ts";
import {
  datatableVisualization,
  xyVisualization,
} from "./lens-visualizations.ts";
import type { BuiltPanel, Drilldown } from "./panels.ts";

export const NETWORK_BEACONING_TITLE = "Network Beaconing";

const SIGNALS_LABEL = "Beaconing signals";

function toDrilldown(eventId: string): Drilldown {
  return {
    eventId,
    targetDashboardId: savedObjectId(LOGICAL_NAME.beaconingDrilldown),
    name: "Open Beaconing Drilldown",
  };
}

function signalsOverTime(): BuiltPanel {
  return lensPanel({
    panelIndex: PANEL.signalsOverTime,
    layerId: LAYER.signalsOverTime,
    title: "Beaconing signals over time",
    grid: { x: 0, y: 0, w: 48, h: 12 },
    visualizationType: "lnsXY",
    columns: {
      timestamp: dateHistogramColumn(),
      process: termsColumn("process.name", {
        size: 10,
        orderBy: "signals",
        label: "Process",
      }),
      signals: countColumn(SIGNALS_LABEL),
    },
    visualization: xyVisualization({
      layerId: LAYER.signalsOverTime,
      seriesType: "bar_stacked",
      xAccessor: "timestamp",
      accessors: ["signals"],
      splitAccessor: "process",
    }),
    drilldown: toDrilldown(DRILLDOWN_EVENT.signalsOverTime),
  });
}

interface TopTermsSpec {
  panelIndex: string;
  layerId: string;
  eventId: string;
  field: "host.name" | "process.name";
  title: string;
  label: string;
  x: number;
}

function topTerms(spec: TopTermsSpec): BuiltPanel {
  return lensPanel({
    panelIndex: spec.panelIndex,
    layerId: spec.layerId,
    title: spec.title,
    grid: { x: spec.x, y: 12, w: 24, h: 15 },
    visualizationType: "lnsXY",
    columns: {
      term: termsColumn(spec.field, {
        size: 10,
        orderBy: "signals",
        label: spec.label,
      }),
      signals: countColumn(SIGNALS_LABEL),
    },
    visualization: xyVisualization({
      layerId: spec.layerId,
      seriesType: "bar_horizontal",
      xAccessor: "term",
      accessors: ["signals"],
    }),
    drilldown: toDrilldown(spec.eventId),
  });
}

function processTable(): BuiltPanel {
  const columns = {
    process: termsColumn("process.name", {
      size: 100,
      orderBy: "signals",
      label: "Process",
    }),
    hosts: uniqueCountColumn("host.name", "Hosts"),
    signals: countColumn(SIGNALS_LABEL),
  };
  return lensPanel({
    panelIndex: PANEL.processTable,
    layerId: LAYER.processTable,
    title: "Beaconing processes",
    grid: { x: 0, y: 27, w: 48, h: 15 },
    visualizationType: "lnsDatatable",
    columns,
    visualization: datatableVisualization(
      LAYER.processTable,
      Object.keys(columns),
    ),
    drilldown: toDrilldown(DRILLDOWN_EVENT.processTable),
  });
}

export function networkBeaconingDashboard(): KibanaDashboard {
  return dashboard({
    id: savedObjectId(LOGICAL_NAME.networkBeaconing),
    title: NETWORK_BEACONING_TITLE,
    description:
      "Hosts and processes whose network traffic looks like beaconing. " +
      "Click a value to open Beaconing Drilldown for it.",
    panels: [
      signalsOverTime(),
      topTerms({
        panelIndex: PANEL.topHosts,
        layerId: LAYER.topHosts,
        eventId: DRILLDOWN_EVENT.topHosts,
        field: "host.name",
        title: "Top beaconing hosts",
        label: "Host",
        x: 0,
      }),
      topTerms({
        panelIndex: PANEL.topProcesses,
        layerId: LAYER.topProcesses,
        eventId: DRILLDOWN_EVENT.topProcesses,
        field: "process.name",
        title: "Top beaconing processes",
        label: "Process",
        x: 24,
      }),
      processTable(),
    ],
  });
}
