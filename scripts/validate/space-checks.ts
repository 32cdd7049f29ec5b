// Checks that the artifacts of one space folder agree on the space: the
// dashboards' data view and the anomaly-detection datafeed read the index
// the transform writes, and the ids match the folder's space.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import type { Problem } from "../errors.ts";
import type { MlDatafeed } from "../schema/generated/ml-datafeed.ts";
import { TEMPLATE_FOLDER } from "./templates.ts";
import type { SpaceArtifacts } from "./transform-checks.ts";

const DASHBOARDS_FILE = "ml_beaconing_dashboards.ndjson";
const DATAFEED_FILE = "ml/ml_beaconing_rare_process_datafeed.json";

export function spaceProblems(space: SpaceArtifacts): Problem[] {
  return [
    ...folderIdProblems(space),
    ...dataViewProblems(space),
    ...datafeedProblems(space),
  ];
}

function at(space: SpaceArtifacts, file: string): string {
  return space.folder ? `${space.folder}/${file}` : file;
}

function folderIdProblems(space: SpaceArtifacts): Problem[] {
  const name = space.folder.split("/").pop() ?? "";
  // templates/ is rendered for a probe space, so its name is no space id.
  if (space.folder === TEMPLATE_FOLDER || !/^[a-z0-9_-]+$/.test(name))
    return [];
  const expected = deriveSpaceIds(name).destIndex;
  const actual = space.transform.dest.index;
  if (actual === expected) return [];
  return [
    {
      code: "space-dest-index-mismatch",
      file: at(space, "ml_beaconing_pivot_transform.json"),
      location: "/dest/index",
      message: `the folder is space '${name}', whose results index is '${expected}', but the transform writes '${actual}'`,
      fix: `regenerate the folder with ml_beaconing_generate_scripts.mjs --space ${name}`,
    },
  ];
}

function dataViewProblems(space: SpaceArtifacts): Problem[] {
  const objects = space.files[DASHBOARDS_FILE] as
    Record<string, unknown>[] | undefined;
  if (!objects) return [];
  const destIndex = space.transform.dest.index;
  const found = objects.some(
    (object) =>
      object.type === "index-pattern" &&
      (object.attributes as Record<string, unknown> | undefined)?.title ===
        destIndex,
  );
  if (found) return [];
  return [
    {
      code: "space-results-data-view-missing",
      file: at(space, DASHBOARDS_FILE),
      location: "",
      message: `no data view has the title '${destIndex}', the index the transform writes, so the dashboards show nothing`,
      fix: `add or correct the results data view so that its title is '${destIndex}'`,
    },
  ];
}

function datafeedProblems(space: SpaceArtifacts): Problem[] {
  const datafeed = space.files[DATAFEED_FILE] as MlDatafeed | undefined;
  if (!datafeed) return [];
  const destIndex = space.transform.dest.index;
  if (datafeed.indices.includes(destIndex)) return [];
  return [
    {
      code: "space-datafeed-index-mismatch",
      file: at(space, DATAFEED_FILE),
      location: "/indices",
      message: `the datafeed reads ${JSON.stringify(datafeed.indices)}, not '${destIndex}', the index the transform writes`,
      fix: `set indices to ["${destIndex}"]`,
    },
  ];
}
