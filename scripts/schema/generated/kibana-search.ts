// Generated from schemas/ by `npm run generate:types`; do not edit.

export type Version = string;

/**
 * A saved search (saved-object type search) as one line of a Kibana 8.8 saved objects _import NDJSON file. The attribute keys are a subset of those that the 8.8.0 attribute schema of the search type accepts.
 */
export interface KibanaSearch {
  id: string;
  type: "search";
  attributes: {
    title: string;
    description: string;
    /**
     * Fields shown as Discover columns, in order.
     *
     * @minItems 1
     */
    columns: string[];
    /**
     * Sort order as [field, direction] pairs.
     */
    sort: [string, "asc" | "desc"][];
    grid?: {};
    hideChart?: boolean;
    isTextBasedQuery?: boolean;
    kibanaSavedObjectMeta: {
      /**
       * Serialized search source: query, filters and indexRefName, the name of the reference that holds the data view id.
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
