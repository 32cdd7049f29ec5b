// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * Request body of PUT _ingest/pipeline/<id> (Elasticsearch 8.x). Each processor is an object with exactly one key, the processor type.
 */
export interface IngestPipeline {
  description?: string;
  version?: number;
  _meta?: {};
  /**
   * @minItems 1
   */
  processors: Processor[];
  on_failure?: Processor[];
}
export interface Processor {
  [k: string]: ProcessorOptions;
}
export interface ProcessorOptions {
  tag?: string;
  description?: string;
  if?: string;
  ignore_failure?: boolean;
  ignore_missing?: boolean;
  field?: string;
  /**
   * @minItems 1
   */
  fields?: string[];
  target_field?: string;
  method?: "MD5" | "SHA-1" | "SHA-256" | "SHA-512" | "MurmurHash3";
  salt?: string;
  value?: unknown;
  copy_from?: string;
  override?: boolean;
  lang?: "painless";
  source?: string;
  id?: string;
  params?: {};
}
