// Saved-object migration versions of Kibana 8.8.0, the oldest Kibana the
// bundle supports. An import runs every migration newer than an object's
// typeMigrationVersion and rejects an object whose version is newer than
// the latest migration of the running Kibana. So each value is the latest
// migration that 8.8.0 registers for the type.

/**
 * Core migration version of every saved object. The exports of later
 * Kibana versions that were read, up to 8.19, still carry 8.8.0.
 */
export const CORE_MIGRATION_VERSION = "8.8.0";

export const TYPE_MIGRATION_VERSIONS = {
  // 8.0.0 is the convertToMultiNamespaceTypeVersion of the type. Read in a
  // saved-objects export of Kibana 8.8 (created 2023-06-10) and in 8.8.0
  // .kibana documents of a third-party multi-tenancy test suite.
  "index-pattern": "8.0.0",
  // Same 8.0.0 conversion. The type's own migrations stop at 7.9.3 in
  // src/plugins/saved_search/server/saved_objects/search_migrations.ts, read
  // at the revision whose search.ts declares the 8.8.0 attribute schema.
  // The search-source migrations that the type merges in are empty.
  // NOTE: no 8.8 export of a saved search was found to confirm this value.
  search: "8.0.0",
  // Read in the same Kibana 8.8 export, on a dashboard whose panels carry
  // version 8.8.0 and embed Lens by value.
  dashboard: "8.7.0",
} as const;

/**
 * Kibana version written into each dashboard panel. Embeddable migrations
 * treat the panel state as written by this version.
 */
export const PANEL_VERSION = "8.8.0";
