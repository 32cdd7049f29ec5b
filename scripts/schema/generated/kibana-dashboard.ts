// Generated from schemas/ by `npm run generate:types`; do not edit.

export type Version = string;

/**
 * A dashboard (saved-object type dashboard) as one line of a Kibana 8.8 saved objects _import NDJSON file. Its panels are serialized in panelsJSON; schemas/kibana-dashboard-panel.schema.json describes one panel.
 */
export interface KibanaDashboard {
  id: string;
  type: "dashboard";
  attributes: {
    title: string;
    description: string;
    /**
     * Serialized array of panels.
     */
    panelsJSON: string;
    /**
     * Serialized dashboard options such as useMargins and hidePanelTitles.
     */
    optionsJSON: string;
    /**
     * True when the dashboard stores its own time range in timeFrom and timeTo.
     */
    timeRestore: boolean;
    timeFrom?: string;
    timeTo?: string;
    refreshInterval?: {
      pause: boolean;
      /**
       * Refresh interval in milliseconds.
       */
      value: number;
    };
    version: 1;
    kibanaSavedObjectMeta: {
      /**
       * Serialized query and filters of the dashboard.
       */
      searchSourceJSON: string;
    };
  };
  references: KibanaSavedObjectReference[];
  coreMigrationVersion: Version;
  typeMigrationVersion: Version;
  managed: boolean;
}
export interface KibanaSavedObjectReference {
  name: string;
  type: string;
  id: string;
}
