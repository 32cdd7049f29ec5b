// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * A JSON array serialized into a string, as Kibana stores it.
 */
export type JsonArrayString = string;
/**
 * A JSON object serialized into a string, as Kibana stores it.
 */
export type JsonObjectString = string;
export type Version = string;

/**
 * A data view (saved-object type index-pattern) as one line of a Kibana 8.8 saved objects _import NDJSON file.
 */
export interface KibanaIndexPattern {
  id: string;
  type: "index-pattern";
  attributes: {
    /**
     * Index pattern the data view matches, for example logs-*.
     */
    title: string;
    /**
     * Display name of the data view.
     */
    name: string;
    timeFieldName: string;
    /**
     * Keeps the data view usable while no index matches its title yet.
     */
    allowNoIndex?: boolean;
    fields?: JsonArrayString;
    fieldAttrs?: JsonObjectString;
    fieldFormatMap?: JsonObjectString;
    runtimeFieldMap?: JsonObjectString;
    sourceFilters?: JsonArrayString;
    typeMeta?: JsonObjectString;
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
