import type { IngestPipeline } from "../scripts/schema/generated/ingest-pipeline.ts";

export const INGEST_PIPELINE_ID = "ml_beaconing_ingest_pipeline";

// The document id hashes the group keys with the latest event time, so a
// re-run of a checkpoint overwrites its rows while each hourly checkpoint
// still adds a row of its own.
export const ID_SOURCE_FIELDS = ["host.name", "process.name", "@timestamp"];

export function ingestPipeline(): IngestPipeline {
  return {
    description:
      "ML-Beaconing: sets a deterministic _id per group and checkpoint and stamps event.ingested.",
    processors: [
      {
        fingerprint: {
          fields: ID_SOURCE_FIELDS,
          target_field: "_id",
          method: "SHA-256",
          tag: "ml_beaconing_document_id",
        },
      },
      {
        set: {
          field: "event.ingested",
          value: "{{{_ingest.timestamp}}}",
          tag: "ml_beaconing_event_ingested",
        },
      },
    ],
  };
}
