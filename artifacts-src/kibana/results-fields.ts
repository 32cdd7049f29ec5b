// Fields of the beaconing results index that the dashboards read, with
// their Elasticsearch types. The pivot transform writes these names and
// types, which are those of the results of Elastic's Network Beaconing
// integration, so rules written for those results read them unchanged.
// NOTE: when the index template source exists, derive this list from its
// mappings so that the two cannot drift.

export const RESULTS_FIELD_TYPES = {
  "@timestamp": "date",
  "event.ingested": "date",
  "host.name": "keyword",
  "process.name": "keyword",
  "source.ip": "ip",
  destination_ips: "keyword",
  "beacon_stats.autocovariance": "float",
  "beacon_stats.beaconing_score": "long",
  "beacon_stats.counts_percentiles": "float",
  "beacon_stats.destination_bytes_percentiles": "float",
  "beacon_stats.destination_ips": "keyword",
  "beacon_stats.interval": "long",
  "beacon_stats.is_beaconing": "boolean",
  "beacon_stats.low_count_variation": "boolean",
  "beacon_stats.low_destination_bytes_variation": "boolean",
  "beacon_stats.low_source_bytes_variation": "boolean",
  "beacon_stats.max_autocovariance_period": "long",
  "beacon_stats.mean_counts": "float",
  "beacon_stats.mean_destination_bytes": "float",
  "beacon_stats.mean_source_bytes": "float",
  "beacon_stats.non_empty_buckets": "long",
  "beacon_stats.periodic": "boolean",
  "beacon_stats.source_bytes_percentiles": "float",
  "beacon_stats.std_dev_destination_bytes": "float",
  "beacon_stats.std_dev_source_bytes": "float",
  "beacon_stats.variance_counts": "float",
} as const;

export type ResultsField = keyof typeof RESULTS_FIELD_TYPES;

type EsType = (typeof RESULTS_FIELD_TYPES)[ResultsField];

/** Lens data type of each Elasticsearch field type used above. */
const LENS_DATA_TYPES = {
  date: "date",
  keyword: "string",
  ip: "ip",
  boolean: "boolean",
  long: "number",
  float: "number",
} as const satisfies Record<EsType, string>;

export type LensDataType = (typeof LENS_DATA_TYPES)[EsType];

export function lensDataType(field: ResultsField): LensDataType {
  return LENS_DATA_TYPES[RESULTS_FIELD_TYPES[field]];
}

/** KQL that selects the result documents that are beaconing signals. */
export const SIGNAL_QUERY = "beacon_stats.is_beaconing: true";
