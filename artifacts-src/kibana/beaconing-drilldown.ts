// Dashboard "Beaconing Drilldown": why a host and process were flagged, and
// the raw network events behind the signal.
import type { KibanaDashboard } from "../../scripts/schema/generated/kibana-dashboard.ts";
import { savedObjectId } from "../placeholders.ts";
import { dashboard } from "./dashboard.ts";
import { LAYER, LOGICAL_NAME, PANEL } from "./ids.ts";
import {
  countColumn,
  lastValueColumn,
  maxColumn,
  termsColumn,
} from "./lens-columns.ts";
import { lensPanel } from "./lens-panel.ts";
import { datatableVisualization } from "./lens-visualizations.ts";
import { type BuiltPanel, searchPanel } from "./panels.ts";

export const BEACONING_DRILLDOWN_TITLE = "Beaconing Drilldown";

/**
 * Builds the table with one row per host and process: the latest result of each of the four
 * tests, the highest score, the period found by the autocovariance test
 * (in time buckets of the transform) and the top destination IPs.
 */
function signalDetails(): BuiltPanel {
  const columns = {
    host: termsColumn("host.name", {
      size: 100,
      orderBy: "score",
      label: "Host",
    }),
    process: termsColumn("process.name", {
      size: 100,
      orderBy: "score",
      label: "Process",
    }),
    score: maxColumn("beacon_stats.beaconing_score", "Beaconing score (0-3)"),
    lowCountVariation: lastValueColumn(
      "beacon_stats.low_count_variation",
      "Low count variation",
    ),
    periodic: lastValueColumn("beacon_stats.periodic", "Periodic"),
    lowSourceBytes: lastValueColumn(
      "beacon_stats.low_source_bytes_variation",
      "Low source bytes variation",
    ),
    lowDestinationBytes: lastValueColumn(
      "beacon_stats.low_destination_bytes_variation",
      "Low destination bytes variation",
    ),
    period: lastValueColumn(
      "beacon_stats.max_autocovariance_period",
      "Period (time buckets)",
    ),
    destinations: lastValueColumn(
      "beacon_stats.destination_ips",
      "Top destination IPs",
    ),
    signals: countColumn("Beaconing signals"),
  };
  return lensPanel({
    panelIndex: PANEL.signalDetails,
    layerId: LAYER.signalDetails,
    title: "Beaconing signal details",
    grid: { x: 0, y: 0, w: 48, h: 15 },
    visualizationType: "lnsDatatable",
    columns,
    visualization: datatableVisualization(
      LAYER.signalDetails,
      Object.keys(columns),
    ),
  });
}

export function beaconingDrilldownDashboard(): KibanaDashboard {
  return dashboard({
    id: savedObjectId(LOGICAL_NAME.beaconingDrilldown),
    title: BEACONING_DRILLDOWN_TITLE,
    description:
      "Which beaconing tests fired for a host and process, and the raw " +
      "network events behind the signal.",
    panels: [
      signalDetails(),
      searchPanel({
        panelIndex: PANEL.rawEvents,
        grid: { x: 0, y: 15, w: 48, h: 20 },
        title: "Raw network events",
        searchId: savedObjectId(LOGICAL_NAME.rawEventsSearch),
      }),
    ],
  });
}
