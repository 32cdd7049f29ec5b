// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * Request body of PUT _scripts/<id> (Elasticsearch 8.x create or update stored script API).
 */
export interface StoredScript {
  script: {
    lang: "painless";
    source: string;
    params?: {};
  };
}
