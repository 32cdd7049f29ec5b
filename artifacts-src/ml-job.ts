// The optional anomaly-detection job: finds processes that do not usually
// beacon out, from the beaconing results of one space. It needs a Platinum
// or Enterprise licence and is experimental, so installers skip it on Basic.
import type { MlDatafeed } from "../scripts/schema/generated/ml-datafeed.ts";
import type { MlAnomalyDetectionJob } from "../scripts/schema/generated/ml-job.ts";
import { DEST_INDEX, ML_JOB_ID } from "./placeholders.ts";

export function rareProcessJob(): MlAnomalyDetectionJob {
  return {
    description:
      "ML-Beaconing (experimental): processes that rarely beacon out, from the beaconing results of one Kibana space.",
    groups: ["ml-beaconing"],
    analysis_config: {
      // One bucket per transform checkpoint, which runs every hour.
      bucket_span: "1h",
      detectors: [
        {
          function: "rare",
          by_field_name: "process.name",
          detector_description: "rare process.name among beaconing signals",
        },
      ],
      influencers: ["host.name", "process.name"],
    },
    // The time a result was written, not the latest event time of its group,
    // which can be hours old when the transform writes it: a datafeed reading
    // @timestamp in real time would pass such results by.
    data_description: { time_field: "event.ingested" },
    analysis_limits: { model_memory_limit: "64mb" },
    allow_lazy_open: true,
    custom_settings: { created_by: "ml-beaconing", experimental: true },
  };
}

export function rareProcessDatafeed(): MlDatafeed {
  return {
    job_id: ML_JOB_ID,
    indices: [DEST_INDEX],
    query: {
      bool: { filter: [{ term: { "beacon_stats.is_beaconing": true } }] },
    },
    // Results are searchable about a second after the ingest pipeline
    // stamps event.ingested; two minutes leave room for a slow refresh.
    query_delay: "2m",
  };
}
