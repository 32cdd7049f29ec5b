// Lists the gated features every artifact file of a bundle uses, with the
// file and JSON pointer where each was found. Files that do not parse are
// left to validation, which reports them.
import type { Usage } from "../schema/generated/manifest.ts";
import type { FileTree } from "../load/read-bundle.ts";
import {
  datafeedFeatures,
  indexTemplateFeatures,
  mlJobFeatures,
  pipelineFeatures,
  transformFeatures,
  type Found,
} from "./detect-elasticsearch.ts";
import { savedObjectFeatures } from "./detect-kibana.ts";

export type { Usage };

export interface Artifact {
  /** Stable name used in the manifest and in messages. */
  name: string;
  /** Column heading of the README table. */
  label: string;
  files: string[];
  detect: (body: unknown) => Found[];
}

const none = (): Found[] => [];

export const ARTIFACTS: Artifact[] = [
  {
    name: "stored-scripts",
    label: "stored scripts",
    files: [
      "ml_beaconing_init_script.json",
      "ml_beaconing_map_script.json",
      "ml_beaconing_reduce_script.json",
    ],
    detect: none,
  },
  {
    name: "ingest-pipeline",
    label: "ingest pipeline",
    files: ["ml_beaconing_ingest_pipeline.json"],
    detect: pipelineFeatures,
  },
  {
    name: "index-template",
    label: "index template",
    files: ["ml_beaconing_index_template.json"],
    detect: indexTemplateFeatures,
  },
  {
    name: "transform",
    label: "transform",
    files: ["ml_beaconing_pivot_transform.json"],
    detect: transformFeatures,
  },
  {
    name: "dashboards",
    label: "dashboards",
    files: ["ml_beaconing_dashboards.ndjson"],
    detect: savedObjectFeatures,
  },
  {
    name: "ml-job",
    label: "ML job",
    files: ["ml_beaconing_rare_process_job.json"],
    detect: mlJobFeatures,
  },
  {
    name: "ml-datafeed",
    label: "ML datafeed",
    files: ["ml_beaconing_rare_process_datafeed.json"],
    detect: datafeedFeatures,
  },
];

export function artifactOf(filePath: string): Artifact | undefined {
  const base = filePath.slice(filePath.lastIndexOf("/") + 1);
  return ARTIFACTS.find((artifact) => artifact.files.includes(base));
}

/** Lists the feature uses of every artifact file, sorted by file path. */
export function detectUsages(files: FileTree): Usage[] {
  return Object.keys(files)
    .sort()
    .flatMap((file) => {
      const artifact = artifactOf(file);
      if (!artifact) return [];
      return fileUsages(artifact, file, files[file] as string);
    });
}

function fileUsages(artifact: Artifact, file: string, text: string): Usage[] {
  const usage = (found: Found, prefix = ""): Usage => ({
    artifact: artifact.name,
    file,
    ...found,
    pointer: `${prefix}${found.pointer}`,
  });
  if (file.endsWith(".ndjson")) {
    return ndjsonObjects(text).flatMap(({ line, value }) =>
      artifact.detect(value).map((found) => usage(found, `line ${line} `)),
    );
  }
  const value = parseOrUndefined(text);
  return value === undefined ? [] : artifact.detect(value).map((f) => usage(f));
}

function ndjsonObjects(text: string): { line: number; value: unknown }[] {
  return text.split("\n").flatMap((line, index) => {
    const value = line.trim() ? parseOrUndefined(line) : undefined;
    return value === undefined ? [] : [{ line: index + 1, value }];
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
