// Generated from schemas/ by `npm run generate:types`; do not edit.

/**
 * manifest.json at the top of an ML-Beaconing bundle: what the bundle is, what built it and every other file with its size and SHA-256.
 */
export interface BundleManifest {
  name: string;
  date: string;
  sequence: number;
  toolchainVersion: string;
  /**
   * Git commit of the sources, or null when they were not in a Git checkout.
   */
  sourceCommit: string | null;
  /**
   * True when the bundle's sources had changes not in sourceCommit.
   */
  sourceDirty: boolean;
  /**
   * Oldest Elastic Stack version every artifact works on, from the compatibility matrix.
   */
  minimumStackVersion: string;
  /**
   * Index patterns the transform reads.
   *
   * @minItems 1
   */
  sourceIndex: string[];
  /**
   * @minItems 1
   */
  spaces: string[];
  files: {
    path: string;
    size: number;
    sha256: string;
  }[];
  compatibility: Compatibility;
}
/**
 * The Stack compatibility matrix, computed from the features the built artifacts use.
 */
export interface Compatibility {
  minimumStackVersion: string;
  /**
   * Newest Stack minor line the toolchain has data for.
   */
  newestKnownLine: string;
  /**
   * Whether every artifact works in Serverless projects.
   */
  serverless: boolean;
  usages: Usage[];
  targets: Target[];
}
/**
 * One gated feature found in an artifact.
 */
export interface Usage {
  artifact: string;
  feature: string;
  /**
   * Path of the file inside the bundle.
   */
  file: string;
  /**
   * JSON pointer, after `line N ` for NDJSON.
   */
  pointer: string;
  /**
   * Version the usage needs when it differs from the feature's first version, as for a migration version.
   */
  requires?: string;
}
export interface Target {
  /**
   * Stack minor line such as 8.12, or serverless.
   */
  target: string;
  releaseDate?: string;
  endOfSupport?: string | null;
  supported: boolean;
  artifacts: ArtifactResult[];
}
export interface ArtifactResult {
  artifact: string;
  supported: boolean;
  blockedBy: Blocker[];
}
export interface Blocker {
  feature: string;
  /**
   * Version needed, or null when Serverless lacks the feature.
   */
  requires: string | null;
}
