// Placeholders of the space-neutral templates. The bundle generator
// (generator/ml_beaconing_generate_scripts.mjs) replaces them per space;
// every name used here must be one it knows.

export const SPACE = "{{space}}";
export const TRANSFORM_ID = "{{transform_id}}";
export const DEST_INDEX = "{{dest_index}}";
export const RESULTS_DATA_VIEW_ID = "{{results_data_view_id}}";
export const ML_JOB_ID = "{{ml_job_id}}";
export const DATAFEED_ID = "{{datafeed_id}}";

/** Placeholder of the space-specific UUID v5 id of a bundle-owned saved object. */
export function savedObjectId(logicalName: string): string {
  if (!/^[a-z0-9_-]+$/.test(logicalName)) {
    throw new Error(
      `invalid saved-object logical name ${JSON.stringify(logicalName)}`,
    );
  }
  return `{{saved_object_id:${logicalName}}}`;
}
