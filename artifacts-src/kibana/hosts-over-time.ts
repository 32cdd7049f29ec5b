// Dashboard "Hosts Affected Over Time By Process Name": how far each
// beaconing process spreads across hosts over the last two weeks.
import type { KibanaDashboard } from "../../scripts/schema/generated/kibana-dashboard.ts";
import { savedObjectId } from "../placeholders.ts";
import { dashboard } from "./dashboard.ts";
import { DRILLDOWN_EVENT, LAYER, LOGICAL_NAME, PANEL } from "./ids.ts";
import {
  dateHistogramColumn,
  termsColumn,
  uniqueCountColumn,
} from "./lens-columns.ts";
import { lensPanel } from "./lens-panel.ts";
import { xyVisualization } from "./lens-visualizations.ts";

export const HOSTS_OVER_TIME_TITLE = "Hosts Affected Over Time By Process Name";

export function hostsOverTimeDashboard(): KibanaDashboard {
  const panel = lensPanel({
    panelIndex: PANEL.hostsOverTime,
    layerId: LAYER.hostsOverTime,
    title: "Unique hosts per beaconing process",
    grid: { x: 0, y: 0, w: 48, h: 20 },
    visualizationType: "lnsXY",
    columns: {
      timestamp: dateHistogramColumn(),
      process: termsColumn("process.name", {
        size: 10,
        orderBy: "hosts",
        label: "Process",
      }),
      hosts: uniqueCountColumn("host.name", "Hosts affected"),
    },
    visualization: xyVisualization({
      layerId: LAYER.hostsOverTime,
      seriesType: "line",
      xAccessor: "timestamp",
      accessors: ["hosts"],
      splitAccessor: "process",
    }),
    drilldown: {
      eventId: DRILLDOWN_EVENT.hostsOverTime,
      targetDashboardId: savedObjectId(LOGICAL_NAME.beaconingDrilldown),
      name: "Open Beaconing Drilldown",
    },
  });
  return dashboard({
    id: savedObjectId(LOGICAL_NAME.hostsOverTime),
    title: HOSTS_OVER_TIME_TITLE,
    description:
      "Number of distinct hosts on which each process beacons, over the " +
      "last two weeks.",
    panels: [panel],
    timeRange: { from: "now-14d", to: "now" },
  });
}
