// Generated from schemas/ by `npm run generate:types`; do not edit.

export type Duration = string;
export type Script =
  | string
  | {
      id: string;
    }
  | {
      source: string;
      lang?: "painless";
    };

/**
 * Request body of PUT _transform/<id> for a pivot transform (Elasticsearch 8.x create transform API). Unknown keys are rejected here because Elasticsearch rejects them too.
 */
export interface Transform {
  description?: string;
  frequency?: Duration;
  _meta?: {};
  source: {
    /**
     * @minItems 1
     */
    index: string[];
    query?: {};
    runtime_mappings?: {};
  };
  dest: {
    index: string;
    pipeline?: string;
    aliases?: {
      alias: string;
      move_on_creation?: boolean;
    }[];
  };
  pivot: {
    group_by: {
      [k: string]: GroupBy;
    };
    aggregations: {
      [k: string]: Aggregation;
    };
  };
  sync?: {
    time: {
      field: string;
      delay?: Duration;
    };
  };
  retention_policy?: {
    time: {
      field: string;
      max_age: Duration;
    };
  };
  settings?: {
    max_page_search_size?: number;
    docs_per_second?: number;
    dates_as_epoch_millis?: boolean;
    align_checkpoints?: boolean;
    deduce_mappings?: boolean;
    use_point_in_time?: boolean;
    num_failure_retries?: number;
    unattended?: boolean;
  };
}
export interface GroupBy {
  terms?: {
    field: string;
    missing_bucket?: boolean;
  };
  date_histogram?: {};
  histogram?: {};
}
export interface Aggregation {
  max?: FieldMetric;
  min?: FieldMetric;
  avg?: FieldMetric;
  sum?: FieldMetric;
  value_count?: FieldMetric;
  cardinality?: FieldMetric;
  scripted_metric?: {
    init_script?: Script;
    map_script: Script;
    combine_script: Script;
    reduce_script: Script;
    params?: {};
  };
}
export interface FieldMetric {
  field: string;
}
