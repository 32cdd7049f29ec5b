// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * compat-data/stack-lines.json: the Elastic Stack minor lines the compatibility matrix covers, oldest first.
 */
export interface StackLines {
  /**
   * @minItems 1
   */
  lines: Line[];
}
export interface Line {
  /**
   * Major and minor version, such as 8.12.
   */
  line: string;
  releaseDate: string;
  /**
   * Last day of support, or null when none is published.
   */
  endOfSupport: string | null;
  /**
   * Where the dates come from, and which of them are not confirmed.
   */
  source: string;
}
