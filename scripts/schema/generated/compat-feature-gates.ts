// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * compat-data/feature-gates.json: the version-gated Elasticsearch and Kibana features that the artifacts can use.
 */
export interface FeatureGates {
  /**
   * @minItems 1
   */
  features: Feature[];
}
export interface Feature {
  id: string;
  /**
   * Name shown in messages and tables.
   */
  title: string;
  product: "elasticsearch" | "kibana";
  /**
   * First version with the feature, or null when it predates every tracked line.
   */
  since: string | null;
  /**
   * Whether Serverless projects offer the feature.
   */
  serverless: boolean;
  /**
   * False for a recorded fact that makes no version unsupported. Default true.
   */
  blocking?: boolean;
  /**
   * Where the version comes from, and what is not confirmed.
   */
  source: string;
}
