// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * One entry of a dashboard's panelsJSON as Kibana 8.8 stores it: a Lens visualization by value, or a saved search by reference.
 */
export interface KibanaDashboardPanel {
  /**
   * Kibana version that wrote the panel state.
   */
  version: string;
  type: "lens" | "search";
  /**
   * Position on the dashboard's 48-column grid.
   */
  gridData: {
    x: number;
    y: number;
    w: number;
    h: number;
    i: string;
  };
  panelIndex: string;
  title?: string;
  /**
   * Name of the dashboard reference, prefixed with panelIndex and a colon, that holds the id of a by-reference panel.
   */
  panelRefName?: string;
  embeddableConfig: {
    attributes?: LensAttributes;
    enhancements: PanelEnhancements;
    hidePanelTitles?: boolean;
  };
}
/**
 * Attributes of a Lens visualization stored by value inside the panel.
 */
export interface LensAttributes {
  title: string;
  description?: string;
  visualizationType: "lnsXY" | "lnsDatatable";
  type: "lens";
  /**
   * One index-pattern reference per form-based layer, named indexpattern-datasource-layer-<layerId>.
   */
  references: KibanaSavedObjectReference[];
  state: {
    datasourceStates: {
      formBased: {
        layers: {
          [k: string]: LensFormBasedLayer;
        };
      };
    };
    /**
     * State of the chart or table; its shape depends on visualizationType.
     */
    visualization: {
      [k: string]: unknown;
    };
    query: KibanaQuery;
    filters: {
      [k: string]: unknown;
    }[];
    internalReferences?: KibanaSavedObjectReference[];
    adHocDataViews?: {};
  };
}
export interface KibanaSavedObjectReference {
  name: string;
  type: string;
  id: string;
}
export interface LensFormBasedLayer {
  columns: {
    [k: string]: LensColumn;
  };
  /**
   * Column ids, bucket columns first.
   */
  columnOrder: string[];
  incompleteColumns: {};
  sampling?: number;
}
export interface LensColumn {
  label: string;
  customLabel?: boolean;
  dataType: "string" | "number" | "date" | "boolean" | "ip";
  operationType: "count" | "unique_count" | "max" | "last_value" | "terms" | "date_histogram";
  /**
   * Field the operation reads; ___records___ for count.
   */
  sourceField?: string;
  isBucketed: boolean;
  scale: "ordinal" | "interval" | "ratio";
  filter?: KibanaQuery;
  /**
   * Operation parameters; their shape depends on operationType.
   */
  params?: {
    [k: string]: unknown;
  };
}
export interface KibanaQuery {
  query: string;
  language: "kuery" | "lucene";
}
export interface PanelEnhancements {
  dynamicActions?: {
    events: DashboardDrilldownEvent[];
  };
}
/**
 * A dashboard-to-dashboard drilldown. The target dashboard id is not stored here: it is the dashboard reference named <panelIndex>:drilldown:DASHBOARD_TO_DASHBOARD_DRILLDOWN:<eventId>:dashboardId.
 */
export interface DashboardDrilldownEvent {
  eventId: string;
  /**
   * FILTER_TRIGGER is the id of the trigger that a click on a chart value fires.
   *
   * @minItems 1
   */
  triggers: "FILTER_TRIGGER"[];
  action: {
    factoryId: "DASHBOARD_TO_DASHBOARD_DRILLDOWN";
    name: string;
    config: {
      useCurrentFilters: boolean;
      useCurrentDateRange: boolean;
      openInNewTab: boolean;
    };
  };
}
