// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * Request body of PUT _ml/datafeeds/<datafeed_id> (Elasticsearch 8.x).
 */
export interface MlDatafeed {
  job_id: string;
  /**
   * @minItems 1
   */
  indices: string[];
  query?: {};
  query_delay?: string;
  frequency?: string;
  scroll_size?: number;
  chunking_config?: {};
  indices_options?: {};
  max_empty_searches?: number;
}
