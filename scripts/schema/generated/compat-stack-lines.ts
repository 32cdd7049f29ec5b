// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * compat-data/stack-lines.json: the Elastic Stack minor lines the compatibility matrix covers, oldest first.
 */
export interface StackLines {
  /**
   * Which date endOfSupport holds, stated once for every line.
   */
  endOfSupportMeaning: string;
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
   * Elastic's product end-of-life date of the line (see endOfSupportMeaning), or null when none is known.
   */
  endOfSupport: string | null;
  /**
   * Where the dates come from, and which of them are not confirmed.
   */
  source: string;
}
