// Checks that the artifacts of one space folder are complete and agree on
// the space. Each id is compared with the one the space determines, so a
// wrong value is blamed on the file that has it. A folder checked on its
// own, without a known space, is compared with its transform instead.
import {
  CONSOLE_FILE,
  deriveSpaceIds,
  renderConsole,
  type SpaceIds,
} from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import {
  DASHBOARDS_FILE,
  ML_DATAFEED_FILE as DATAFEED_FILE,
  TRANSFORM_FILE,
} from "../../artifacts-src/index.ts";
import type { Problem } from "../errors.ts";
import type { MlDatafeed } from "../schema/generated/ml-datafeed.ts";
import { ARTIFACT_FILE_NAMES } from "./file-kinds.ts";
import { TEMPLATE_FOLDER } from "./templates.ts";
import { at, type SpaceArtifacts } from "./transform-checks.ts";

export function spaceProblems(space: SpaceArtifacts): Problem[] {
  const ids = space.space ? deriveSpaceIds(space.space) : undefined;
  const destIndex = ids?.destIndex ?? space.transform.dest.index;
  return [
    ...missingFileProblems(space),
    ...transformIdProblems(space, ids),
    ...dataViewProblems(space, destIndex),
    ...savedObjectIdProblems(space),
    ...datafeedProblems(space, destIndex, ids),
    ...consoleProblems(space),
  ];
}

function regenerate(space: SpaceArtifacts): string {
  return space.space && space.folder !== TEMPLATE_FOLDER
    ? `regenerate the folder with ml_beaconing_generate_scripts.mjs --space ${space.space}`
    : "restore the file from the release";
}

function missingFileProblems(space: SpaceArtifacts): Problem[] {
  const expected = [...ARTIFACT_FILE_NAMES.map(pathInFolder), CONSOLE_FILE];
  const isTemplates = space.folder === TEMPLATE_FOLDER;
  return expected
    .filter((file) => !(isTemplates && file === CONSOLE_FILE))
    .filter((file) => space.texts[file] === undefined)
    .map((file) => ({
      code: "space-file-missing",
      file: at(space, file),
      location: "",
      message:
        "the space folder has no such file, so its install would be incomplete",
      fix: regenerate(space),
    }));
}

// The ML files live in ml/ inside a space folder.
function pathInFolder(name: string): string {
  return name.startsWith("ml_beaconing_rare_process_") ? `ml/${name}` : name;
}

function transformIdProblems(
  space: SpaceArtifacts,
  ids: SpaceIds | undefined,
): Problem[] {
  const actual = space.transform.dest.index;
  if (!ids || actual === ids.destIndex) return [];
  return [
    {
      code: "space-dest-index-mismatch",
      file: at(space, TRANSFORM_FILE),
      location: "/dest/index",
      message: `the transform writes '${actual}', but the results index of space '${ids.space}' is '${ids.destIndex}'`,
      fix: regenerate(space),
    },
  ];
}

function dataViewProblems(space: SpaceArtifacts, destIndex: string): Problem[] {
  const objects = space.files[DASHBOARDS_FILE] as
    Record<string, unknown>[] | undefined;
  if (!objects) return [];
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
      message: `no data view has the title '${destIndex}', the results index of the space, so the dashboards show nothing`,
      fix: regenerate(space),
    },
  ];
}

function savedObjectIdProblems(space: SpaceArtifacts): Problem[] {
  const objects = space.files[DASHBOARDS_FILE] as
    Record<string, unknown>[] | undefined;
  const expected = space.expectedSavedObjectIds;
  if (!objects || !expected || !space.space) return [];
  const known = new Set(expected);
  return objects.flatMap((object, index) => {
    if (known.has(String(object.id))) return [];
    return [
      {
        code: "space-saved-object-id-mismatch",
        file: at(space, DASHBOARDS_FILE),
        location: `line ${index + 1} /id`,
        message: `${String(object.type)} '${String(object.id)}' does not have an id of space '${space.space}'; saved-object ids are unique across spaces, so importing it would clash with another space's object`,
        fix: regenerate(space),
      },
    ];
  });
}

function datafeedProblems(
  space: SpaceArtifacts,
  destIndex: string,
  ids: SpaceIds | undefined,
): Problem[] {
  const datafeed = space.files[DATAFEED_FILE] as MlDatafeed | undefined;
  if (!datafeed) return [];
  const problems: Problem[] = [];
  const problem = (location: string, message: string) =>
    problems.push({
      code: "space-datafeed-mismatch",
      file: at(space, DATAFEED_FILE),
      location,
      message,
      fix: regenerate(space),
    });
  if (!datafeed.indices.includes(destIndex)) {
    problem(
      "/indices",
      `the datafeed reads ${JSON.stringify(datafeed.indices)}, not '${destIndex}', the results index of the space`,
    );
  }
  if (ids && datafeed.job_id !== ids.mlJobId) {
    problem(
      "/job_id",
      `the datafeed feeds job '${datafeed.job_id}', but the job of space '${ids.space}' is '${ids.mlJobId}'`,
    );
  }
  return problems;
}

// console.txt repeats the bodies of the other files, so after a hand edit it
// still installs the old ones, which is worth a warning, not a failure.
function consoleProblems(space: SpaceArtifacts): Problem[] {
  const actual = space.texts[CONSOLE_FILE];
  if (!space.space || actual === undefined) return [];
  let expected: string;
  try {
    expected = renderConsole(space.space, space.texts);
  } catch {
    return [];
  }
  if (actual === expected) return [];
  return [
    {
      code: "space-console-stale",
      file: at(space, CONSOLE_FILE),
      location: "",
      message: "console.txt does not match the requests of the folder's files",
      fix: regenerate(space),
      severity: "warning",
    },
  ];
}
