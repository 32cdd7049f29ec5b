// Kibana saved objects of the bundle, imported into each space through the
// saved objects _import API.
import type { KibanaDashboard } from "../../scripts/schema/generated/kibana-dashboard.ts";
import type { KibanaIndexPattern } from "../../scripts/schema/generated/kibana-index-pattern.ts";
import type { KibanaSearch } from "../../scripts/schema/generated/kibana-search.ts";
import { beaconingDrilldownDashboard } from "./beaconing-drilldown.ts";
import { logsDataView, resultsDataView } from "./data-views.ts";
import { hostsOverTimeDashboard } from "./hosts-over-time.ts";
import { networkBeaconingDashboard } from "./network-beaconing.ts";
import { rawEventsSearch } from "./saved-search.ts";

export type SavedObject = KibanaIndexPattern | KibanaSearch | KibanaDashboard;

export { BEACONING_DRILLDOWN_TITLE } from "./beaconing-drilldown.ts";
export { HOSTS_OVER_TIME_TITLE } from "./hosts-over-time.ts";
export { NETWORK_BEACONING_TITLE } from "./network-beaconing.ts";

/**
 * Returns the saved objects with placeholder ids, every object after the
 * objects it references, so an import never meets a dangling reference.
 */
export function savedObjects(): SavedObject[] {
  return [
    resultsDataView(),
    logsDataView(),
    rawEventsSearch(),
    beaconingDrilldownDashboard(),
    hostsOverTimeDashboard(),
    networkBeaconingDashboard(),
  ];
}

/** Renders the objects as _import NDJSON: one compact JSON object per LF-ended line. */
export function savedObjectsNdjson(
  objects: SavedObject[] = savedObjects(),
): string {
  return objects.map((object) => `${JSON.stringify(object)}\n`).join("");
}
