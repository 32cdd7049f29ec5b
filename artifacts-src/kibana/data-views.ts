import type { KibanaIndexPattern } from "../../scripts/schema/generated/kibana-index-pattern.ts";
import {
  DEST_INDEX,
  RESULTS_DATA_VIEW_ID,
  savedObjectId,
} from "../placeholders.ts";
import { LOGICAL_NAME } from "./ids.ts";
import {
  CORE_MIGRATION_VERSION,
  TYPE_MIGRATION_VERSIONS,
} from "./migration-versions.ts";

interface DataViewSpec {
  id: string;
  title: string;
  name: string;
  allowNoIndex: boolean;
}

function dataView(spec: DataViewSpec): KibanaIndexPattern {
  return {
    id: spec.id,
    type: "index-pattern",
    attributes: {
      title: spec.title,
      name: spec.name,
      timeFieldName: "@timestamp",
      allowNoIndex: spec.allowNoIndex,
      // Kibana reads the field list from Elasticsearch when the data view
      // loads, so none is stored.
      fields: "[]",
      fieldAttrs: "{}",
      fieldFormatMap: "{}",
      runtimeFieldMap: "{}",
      sourceFilters: "[]",
      typeMeta: "{}",
    },
    references: [],
    coreMigrationVersion: CORE_MIGRATION_VERSION,
    typeMigrationVersion: TYPE_MIGRATION_VERSIONS["index-pattern"],
    managed: false,
  };
}

/**
 * Returns the data view of the beaconing results of the space. Its id equals its title,
 * ml_beaconing_<space>. The import runs before the transform starts, so the
 * index may not exist yet.
 */
export function resultsDataView(): KibanaIndexPattern {
  return dataView({
    id: RESULTS_DATA_VIEW_ID,
    title: DEST_INDEX,
    name: `Network Beaconing results (${DEST_INDEX})`,
    allowNoIndex: true,
  });
}

/**
 * Returns the bundle-owned data view over logs-*. It has its own id, so importing the
 * bundle never overwrites a logs-* data view that the user made.
 */
export function logsDataView(): KibanaIndexPattern {
  return dataView({
    id: savedObjectId(LOGICAL_NAME.logsDataView),
    title: "logs-*",
    name: "Network Beaconing source events (logs-*)",
    allowNoIndex: false,
  });
}
