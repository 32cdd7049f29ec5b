// The fields of the results index with their Elasticsearch field types. They
// are every field the pivot transform and its ingest pipeline write, plus
// `source.ip` and the top-level `destination_ips`. Elastic's own beaconing
// results map those two (packages/beaconing, fields.yml), although this
// transform does not write them. The names are Elastic's, so detection rules written for Elastic's
// results read these unchanged. The statistics are `double` here, where
// fields.yml has `float`: both are numbers to Kibana and to queries, and
// double keeps the precision the scripts compute with.

export type OutputFieldType =
  "date" | "keyword" | "boolean" | "long" | "double" | "ip";

export const OUTPUT_FIELDS: Readonly<Record<string, OutputFieldType>> = {
  "@timestamp": "date",
  "event.ingested": "date",
  "host.name": "keyword",
  "process.name": "keyword",
  "source.ip": "ip",
  destination_ips: "keyword",
  "beacon_stats.is_beaconing": "boolean",
  "beacon_stats.beaconing_score": "long",
  "beacon_stats.low_count_variation": "boolean",
  "beacon_stats.low_source_bytes_variation": "boolean",
  "beacon_stats.low_destination_bytes_variation": "boolean",
  "beacon_stats.periodic": "boolean",
  "beacon_stats.interval": "long",
  "beacon_stats.non_empty_buckets": "long",
  "beacon_stats.max_autocovariance_period": "long",
  "beacon_stats.autocovariance": "double",
  "beacon_stats.mean_counts": "double",
  "beacon_stats.variance_counts": "double",
  "beacon_stats.counts_percentiles": "double",
  "beacon_stats.mean_source_bytes": "double",
  "beacon_stats.std_dev_source_bytes": "double",
  "beacon_stats.source_bytes_percentiles": "double",
  "beacon_stats.mean_destination_bytes": "double",
  "beacon_stats.std_dev_destination_bytes": "double",
  "beacon_stats.destination_bytes_percentiles": "double",
  "beacon_stats.destination_ips": "keyword",
};
