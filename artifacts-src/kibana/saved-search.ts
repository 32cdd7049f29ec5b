import type { KibanaSearch } from "../../scripts/schema/generated/kibana-search.ts";
import { savedObjectId } from "../placeholders.ts";
import { LOGICAL_NAME } from "./ids.ts";
import {
  CORE_MIGRATION_VERSION,
  TYPE_MIGRATION_VERSIONS,
} from "./migration-versions.ts";

/** Reference name that searchSourceJSON.indexRefName points to. */
export const SEARCH_INDEX_REF_NAME =
  "kibanaSavedObjectMeta.searchSourceJSON.index";

/**
 * KQL of the events the pivot transform analyses: closed network
 * connections that have a destination IP.
 */
export const RAW_EVENTS_QUERY =
  "event.category: network and event.action: disconnect_received " +
  "and destination.ip: *";

const RAW_EVENT_COLUMNS: KibanaSearch["attributes"]["columns"] = [
  "host.name",
  "process.name",
  "source.ip",
  "destination.ip",
  "destination.port",
  "source.bytes",
  "destination.bytes",
];

/**
 * Returns the saved search of the raw network events behind a beaconing signal, on the
 * bundle-owned logs-* data view. The Beaconing Drilldown dashboard narrows
 * it to one host and process through the filters a drilldown carries.
 */
export function rawEventsSearch(): KibanaSearch {
  const searchSource = {
    query: { query: RAW_EVENTS_QUERY, language: "kuery" },
    filter: [],
    indexRefName: SEARCH_INDEX_REF_NAME,
  };
  return {
    id: savedObjectId(LOGICAL_NAME.rawEventsSearch),
    type: "search",
    attributes: {
      title: "Network Beaconing raw events",
      description:
        "Network disconnect events (event.action: disconnect_received) " +
        "that the beaconing transform analyses.",
      columns: RAW_EVENT_COLUMNS,
      sort: [["@timestamp", "desc"]],
      grid: {},
      hideChart: false,
      isTextBasedQuery: false,
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify(searchSource) },
    },
    references: [
      {
        name: SEARCH_INDEX_REF_NAME,
        type: "index-pattern",
        id: savedObjectId(LOGICAL_NAME.logsDataView),
      },
    ],
    coreMigrationVersion: CORE_MIGRATION_VERSION,
    typeMigrationVersion: TYPE_MIGRATION_VERSIONS.search,
    managed: false,
  };
}
