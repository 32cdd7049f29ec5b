// The build stage: render, validate the rendered files, zip, validate the
// zip, then rename it into place.
import { promises as fs } from "node:fs";
import path from "node:path";
import { UserError, ValidationError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { readZipBundle } from "../load/read-bundle.ts";
import { writeZip } from "../pack/zip.ts";
import { sha256 } from "../validate/manifest-checks.ts";
import { errorsOf, validateFiles } from "../validate/index.ts";
import { assembleBundle, type Bundle } from "./assemble.ts";
import type { BuildOptions } from "./options.ts";
import { sourceState } from "./source-info.ts";
import { DEFAULT_SPACE } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { checkDetectionOfFiles } from "../simulate/guard.ts";

export interface BuildResult {
  name: string;
  zipPath: string;
  zipSize: number;
  zipSha256: string;
  spaces: string[];
  files: number;
  bundle: Bundle;
}

export async function buildBundle(
  options: BuildOptions,
  logger: Logger,
): Promise<BuildResult> {
  await prepareOutDir(options.outDir);
  logger.step(`rendering spaces ${options.spaces.join(", ")}`);
  const source = await sourceState();
  if (source.warning) logger.warn(source.warning);
  if (source.dirty) {
    logger.warn(
      `the sources differ from commit ${source.commit?.slice(0, 12)}; the manifest records sourceDirty: true`,
    );
  }
  const bundle = assembleBundle(options, source);
  logger.step(`validating ${Object.keys(bundle.files).length} files`);
  failOnErrors(validateFiles(bundle.files), "the rendered bundle is invalid");
  logger.step("running the detection scripts over the built-in corpus");
  failOnErrors(
    detectionProblems(bundle.files),
    "the detection check failed: the scripts miss a known beacon or flag a benign flow",
  );
  const zipPath = path.join(options.outDir, `${bundle.name}.zip`);
  logger.step(`writing ${zipPath}`);
  const zipSize = await writeZip(
    zipPath,
    bundle.name,
    bundle.files,
    async (temporary) => {
      await checkZip(temporary, bundle);
    },
  );
  const zipSha256 = sha256(await fs.readFile(zipPath));
  return {
    name: bundle.name,
    zipPath,
    zipSize,
    zipSha256,
    spaces: options.spaces,
    files: Object.keys(bundle.files).length,
    bundle,
  };
}

// The scripts are the same in every space, so the default space's folder,
// which every bundle has, stands for all of them.
export function detectionProblems(files: Record<string, string>) {
  const prefix = `${DEFAULT_SPACE}/`;
  const space: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    if (file.startsWith(prefix)) space[file.slice(prefix.length)] = text;
  }
  return checkDetectionOfFiles(space).map((problem) => ({
    ...problem,
    file: `${prefix}${problem.file}`,
  }));
}

async function prepareOutDir(outDir: string): Promise<void> {
  const existing = await fs.stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new UserError(
      `--out ${outDir} is a file, not a folder; give a folder for the zip, such as dist`,
    );
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
    await fs.access(outDir, fs.constants.W_OK);
  } catch (error) {
    throw new UserError(
      `cannot write to the output folder ${outDir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function failOnErrors(
  problems: ReturnType<typeof validateFiles>,
  context: string,
): void {
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new ValidationError(errors, context);
}

// Reads the written zip back, so what ships is what was validated.
async function checkZip(zipPath: string, bundle: Bundle): Promise<void> {
  const files = await readZipBundle(zipPath);
  const expected = Object.keys(bundle.files).sort();
  const actual = Object.keys(files).sort();
  const same =
    expected.length === actual.length &&
    expected.every(
      (file, index) =>
        file === actual[index] && files[file] === bundle.files[file],
    );
  if (!same)
    throw new Error(
      `the zip ${zipPath} does not hold the files that were rendered`,
    );
  failOnErrors(validateFiles(files), "the written zip is invalid");
}
