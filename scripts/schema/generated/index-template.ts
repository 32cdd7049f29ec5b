// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * Request body of PUT _index_template/<id> (Elasticsearch 8.x composable index template).
 */
export interface IndexTemplate {
  /**
   * @minItems 1
   */
  index_patterns: string[];
  priority?: number;
  version?: number;
  composed_of?: string[];
  allow_auto_create?: boolean;
  _meta?: {};
  template: {
    settings?: {};
    aliases?: {};
    mappings?: Mappings;
  };
}
export interface Mappings {
  dynamic?: true | false | "strict" | "runtime" | "true" | "false";
  _meta?: {};
  date_detection?: boolean;
  numeric_detection?: boolean;
  properties?: Properties;
}
export interface Properties {
  [k: string]: Field;
}
export interface Field {
  type?: "object" | "keyword" | "ip" | "date" | "boolean" | "long" | "integer" | "double" | "float" | "text";
  properties?: Properties;
  ignore_above?: number;
  format?: string;
  dynamic?: true | false | "strict" | "runtime" | "true" | "false";
}
