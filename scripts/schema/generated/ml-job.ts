// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * Request body of PUT _ml/anomaly_detectors/<job_id> (Elasticsearch 8.x).
 */
export interface MlAnomalyDetectionJob {
  description?: string;
  groups?: string[];
  custom_settings?: {};
  results_index_name?: string;
  allow_lazy_open?: boolean;
  model_snapshot_retention_days?: number;
  results_retention_days?: number;
  analysis_limits?: {
    model_memory_limit?: string;
    categorization_examples_limit?: number;
  };
  analysis_config: {
    bucket_span: string;
    influencers?: string[];
    /**
     * @minItems 1
     */
    detectors: {
      function: "rare" | "freq_rare" | "count" | "high_count" | "low_count";
      by_field_name?: string;
      over_field_name?: string;
      partition_field_name?: string;
      detector_description?: string;
      use_null?: boolean;
    }[];
  };
  data_description: {
    time_field: string;
    time_format?: string;
  };
  model_plot_config?: {};
}
