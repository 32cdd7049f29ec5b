// Builders of Lens form-based columns in the shape Lens 8.8 saves.
import type { LensColumn } from "../../scripts/schema/generated/kibana-dashboard-panel.ts";
import { lensDataType, type ResultsField } from "./results-fields.ts";

/** Pseudo-field that Lens counts documents with. */
export const RECORDS_FIELD = "___records___";

const TIME_FIELD: ResultsField = "@timestamp";

export function countColumn(label: string): LensColumn {
  return {
    label,
    customLabel: true,
    dataType: "number",
    operationType: "count",
    isBucketed: false,
    scale: "ratio",
    sourceField: RECORDS_FIELD,
    params: { emptyAsNull: true },
  };
}

export function uniqueCountColumn(
  field: ResultsField,
  label: string,
): LensColumn {
  return {
    label,
    customLabel: true,
    dataType: "number",
    operationType: "unique_count",
    isBucketed: false,
    scale: "ratio",
    sourceField: field,
    params: { emptyAsNull: true },
  };
}

export function maxColumn(field: ResultsField, label: string): LensColumn {
  return {
    label,
    customLabel: true,
    dataType: lensDataType(field),
    operationType: "max",
    isBucketed: false,
    scale: "ratio",
    sourceField: field,
    params: { emptyAsNull: true },
  };
}

/**
 * Builds a column of the latest value of a field by @timestamp. The
 * `field: *` filter skips documents without the field, and showArrayValues
 * keeps every value of an array field.
 */
export function lastValueColumn(
  field: ResultsField,
  label: string,
): LensColumn {
  const dataType = lensDataType(field);
  return {
    label,
    customLabel: true,
    dataType,
    operationType: "last_value",
    isBucketed: false,
    scale: dataType === "number" ? "ratio" : "ordinal",
    sourceField: field,
    filter: { query: `${field}: *`, language: "kuery" },
    params: { sortField: TIME_FIELD, showArrayValues: true },
  };
}

export interface TermsOptions {
  size: number;
  /** Column id of the metric that ranks the terms, highest first. */
  orderBy: string;
  label: string;
}

/**
 * Builds a column of the top values of a field. The "Other" bucket is off because a click on it
 * would carry a filter that excludes every listed value into a drilldown.
 */
export function termsColumn(
  field: ResultsField,
  options: TermsOptions,
): LensColumn {
  return {
    label: options.label,
    customLabel: true,
    dataType: lensDataType(field),
    operationType: "terms",
    isBucketed: true,
    scale: "ordinal",
    sourceField: field,
    params: {
      size: options.size,
      orderBy: { type: "column", columnId: options.orderBy },
      orderDirection: "desc",
      otherBucket: false,
      missingBucket: false,
      parentFormat: { id: "terms" },
      include: [],
      exclude: [],
      includeIsRegex: false,
      excludeIsRegex: false,
    },
  };
}

export function dateHistogramColumn(): LensColumn {
  return {
    label: TIME_FIELD,
    dataType: "date",
    operationType: "date_histogram",
    isBucketed: true,
    scale: "interval",
    sourceField: TIME_FIELD,
    params: { interval: "auto", includeEmptyRows: true, dropPartials: false },
  };
}
