// Lens visualizations stored by value inside a dashboard panel, the form
// Kibana 8.8 writes when a Lens panel is not saved to the library.
import type {
  KibanaDashboardPanel,
  LensAttributes,
  LensColumn,
} from "../../scripts/schema/generated/kibana-dashboard-panel.ts";
import { RESULTS_DATA_VIEW_ID } from "../placeholders.ts";
import {
  type BuiltPanel,
  type Drilldown,
  type Grid,
  drilldownEnhancements,
  panelFrame,
  panelReferenceName,
} from "./panels.ts";
import { SIGNAL_QUERY } from "./results-fields.ts";

export interface LensPanelSpec {
  panelIndex: string;
  layerId: string;
  title: string;
  grid: Grid;
  visualizationType: LensAttributes["visualizationType"];
  /** Columns by id; their order is the layer's columnOrder. */
  columns: Record<string, LensColumn>;
  visualization: Record<string, unknown>;
  drilldown?: Drilldown;
}

/** Name of the reference that holds the data view of a form-based layer. */
export function layerReferenceName(layerId: string): string {
  return `indexpattern-datasource-layer-${layerId}`;
}

/**
 * Lens attributes of one layer over the results data view. Every Lens panel
 * of the bundle charts beaconing signals only, so the query selects them.
 */
function lensAttributes(spec: LensPanelSpec): LensAttributes {
  const layer = {
    columns: spec.columns,
    columnOrder: Object.keys(spec.columns),
    incompleteColumns: {},
    sampling: 1,
  };
  return {
    title: spec.title,
    description: "",
    visualizationType: spec.visualizationType,
    type: "lens",
    references: [
      {
        name: layerReferenceName(spec.layerId),
        type: "index-pattern",
        id: RESULTS_DATA_VIEW_ID,
      },
    ],
    state: {
      datasourceStates: { formBased: { layers: { [spec.layerId]: layer } } },
      visualization: spec.visualization,
      query: { query: SIGNAL_QUERY, language: "kuery" },
      filters: [],
      internalReferences: [],
      adHocDataViews: {},
    },
  };
}

export function lensPanel(spec: LensPanelSpec): BuiltPanel {
  const attributes = lensAttributes(spec);
  const drilldown = drilldownEnhancements(spec.panelIndex, spec.drilldown);
  const panel: KibanaDashboardPanel = {
    ...panelFrame("lens", spec.panelIndex, spec.grid),
    embeddableConfig: {
      attributes,
      enhancements: drilldown.enhancements,
      hidePanelTitles: false,
    },
    title: spec.title,
  };
  // The dashboard carries the layer references too, prefixed with the
  // panel index, as a Kibana 8.8 export of a by-value Lens panel does.
  const layerReferences = attributes.references.map((reference) => ({
    ...reference,
    name: panelReferenceName(spec.panelIndex, reference.name),
  }));
  return { panel, references: [...layerReferences, ...drilldown.references] };
}
