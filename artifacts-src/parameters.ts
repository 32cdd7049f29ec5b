// Parameters of the beacon_stats scripted metric, passed to the stored
// scripts as `params`. The defaults are those of the public Network Beaconing
// integration's transform (elastic/integrations, packages/beaconing).

export interface BeaconingParameters {
  time_field: string;
  /** Length of one time bucket, in seconds. */
  time_bucket_length: number;
  /** Buckets in the analysed window; the window is this times the bucket length. */
  number_buckets_in_range: number;
  /** Destination IPs reported per group, the most frequent first. */
  number_destination_ips: number;
  source_bytes: string;
  destination_bytes: string;
  destination_ip: string;
  /** Minimum number of periods a signal must span. */
  min_number_periods: number;
  /** Minimum fraction of non-empty buckets for the count-variation test. */
  min_not_empty: number;
  /** Lower and upper percentiles between which values are kept, as fractions. */
  truncate_at: [number, number];
  max_beaconing_bytes_cov: number;
  max_beaconing_count_rv: number;
  min_beaconing_count_autocovariance: number;
  /** Largest shift between consecutive periods, as a fraction of the period. */
  max_jitter: number;
}

export const DEFAULT_PARAMETERS: BeaconingParameters = {
  time_field: "@timestamp",
  time_bucket_length: 60,
  number_buckets_in_range: 360,
  number_destination_ips: 10,
  source_bytes: "source.bytes",
  destination_bytes: "destination.bytes",
  destination_ip: "destination.ip",
  min_number_periods: 6,
  min_not_empty: 0.5,
  truncate_at: [0.1, 0.8],
  max_beaconing_bytes_cov: 0.05,
  max_beaconing_count_rv: 0.1,
  min_beaconing_count_autocovariance: 0.7,
  max_jitter: 0,
};

/** Returns the analysed window in seconds: buckets times bucket length. */
export function windowSeconds(parameters: BeaconingParameters): number {
  return parameters.number_buckets_in_range * parameters.time_bucket_length;
}
