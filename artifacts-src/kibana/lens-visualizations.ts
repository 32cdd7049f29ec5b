// Builders of the Lens visualization states (XY chart and table) in the
// shape Lens 8.8 saves.

export type SeriesType = "bar_stacked" | "bar_horizontal" | "line";

export interface XyLayer {
  layerId: string;
  seriesType: SeriesType;
  xAccessor: string;
  accessors: string[];
  splitAccessor?: string;
}

const ALL_AXES = { x: true, yLeft: true, yRight: true };

export function xyVisualization(layer: XyLayer): Record<string, unknown> {
  return {
    legend: { isVisible: true, position: "right" },
    valueLabels: "hide",
    fittingFunction: "None",
    axisTitlesVisibilitySettings: ALL_AXES,
    tickLabelsVisibilitySettings: ALL_AXES,
    gridlinesVisibilitySettings: ALL_AXES,
    preferredSeriesType: layer.seriesType,
    layers: [
      {
        ...layer,
        layerType: "data",
        position: "top",
        showGridlines: false,
      },
    ],
  };
}

export function datatableVisualization(
  layerId: string,
  columnIds: string[],
): Record<string, unknown> {
  return {
    layerId,
    layerType: "data",
    columns: columnIds.map((columnId) => ({ columnId, isTransposed: false })),
  };
}
