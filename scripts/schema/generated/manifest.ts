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
}
