#!/usr/bin/env node
// Renders the space-neutral ML-Beaconing templates into the folder of one
// Kibana space. This file ships inside every bundle and needs only Node.js 18
// or newer. The ml-beaconing toolchain imports the same functions, so a space
// folder made here is byte-identical to the one the toolchain puts in the
// bundle.
//
// Usage: node ml_beaconing_generate_scripts.mjs --space <id> [--out <dir>]
//        node ml_beaconing_generate_scripts.mjs --space <a> --space <b>
// Without --out each space is written to ./<space>/ beside this file.

import { createHash, randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SPACE = "default";

// Namespace of the UUID v5 saved-object ids. Changing it changes every id and
// breaks re-imports over earlier releases, so it is fixed for good.
export const SAVED_OBJECT_NAMESPACE = "3f6c2d1e-8b7a-5c4d-9e0f-a1b2c3d4e5f6";

// Kibana's rule for space ids (Kibana 8.x spaces API).
const SPACE_ID_PATTERN = /^[a-z0-9_-]+$/;
// Transform, anomaly-detection job and datafeed ids (Elasticsearch 8.x): at
// most 64 characters, lowercase alphanumerics, `-` and `_`, and starting and
// ending with a letter or digit. Transform ids may also contain `.`.
const TRANSFORM_ID_PATTERN = /^[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?$/;
const ML_ID_PATTERN = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;
const MAX_ID_LENGTH = 64;
// Index names (Elasticsearch 8.x): lowercase, at most 255 bytes, not starting
// with `-`, `_` or `+`, and none of the characters below.
const INDEX_FORBIDDEN = /[\\/*?"<>| ,#:A-Z]/;
const MAX_INDEX_BYTES = 255;

/** Returns every id that the space id determines (the ids table of the bundle README). */
export function deriveSpaceIds(space) {
  const suffix = space === DEFAULT_SPACE ? "" : `_${space}`;
  const mlJobId = `ml_beaconing_rare_process_${space}`;
  return {
    space,
    transformId: `ml_beaconing_pivot_transform${suffix}`,
    destIndex: `ml_beaconing_${space}`,
    resultsDataViewId: `ml_beaconing_${space}`,
    mlJobId,
    datafeedId: `datafeed-${mlJobId}`,
    kibanaPathPrefix: space === DEFAULT_SPACE ? "" : `/s/${space}`,
  };
}

/** Returns the saved-object id of a logical object name in a space (UUID v5). */
export function savedObjectId(space, logicalName) {
  return uuidV5(SAVED_OBJECT_NAMESPACE, `${space}/${logicalName}`);
}

export function uuidV5(namespace, name) {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1")
    .update(namespaceBytes)
    .update(Buffer.from(name, "utf8"))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join("-");
}

/**
 * Checks a space id and every id derived from it. Returns one message per
 * broken rule, each naming the rule and the offending id; empty when valid.
 */
export function checkSpaceId(space) {
  if (typeof space !== "string" || !SPACE_ID_PATTERN.test(space)) {
    return [
      `invalid space id ${JSON.stringify(space)}: Kibana space ids may contain only ` +
        "lowercase letters, digits, '_' and '-' (pattern ^[a-z0-9_-]+$); " +
        "use the space's URL identifier, for example 'secops', not its display name",
    ];
  }
  const ids = deriveSpaceIds(space);
  const derived = [
    {
      kind: "transform id",
      id: ids.transformId,
      pattern: TRANSFORM_ID_PATTERN,
    },
    {
      kind: "anomaly-detection job id",
      id: ids.mlJobId,
      pattern: ML_ID_PATTERN,
    },
    { kind: "datafeed id", id: ids.datafeedId, pattern: ML_ID_PATTERN },
  ];
  return [
    ...checkIdLengths(derived, space),
    ...checkIdEnds(derived),
    ...checkIndexName(ids.destIndex),
  ].map((message) => `invalid space id ${JSON.stringify(space)}: ${message}`);
}

// One message for every derived id over the limit, with the longest space
// id that fits all of them.
function checkIdLengths(derived, space) {
  const tooLong = derived.filter(({ id }) => id.length > MAX_ID_LENGTH);
  if (tooLong.length === 0) return [];
  const longestPrefix = Math.max(
    ...derived.map(({ id }) => id.length - space.length),
  );
  const names = tooLong.map(
    ({ kind, id }) => `${kind} '${id}' (${id.length} characters)`,
  );
  const verb = tooLong.length === 1 ? "exceeds" : "exceed";
  return [
    `the derived ${names.join(", ")} ${verb} Elasticsearch's limit of ` +
      `${MAX_ID_LENGTH} characters; use a space id of at most ` +
      `${MAX_ID_LENGTH - longestPrefix} characters`,
  ];
}

function checkIdEnds(derived) {
  const broken = derived.filter(({ id, pattern }) => !pattern.test(id));
  if (broken.length === 0) return [];
  const names = broken.map(({ kind, id }) => `${kind} '${id}'`);
  const verb = broken.length === 1 ? "breaks" : "break";
  return [
    `the derived ${names.join(", ")} ${verb} Elasticsearch's rule that ids start ` +
      "and end with a lowercase letter or digit; remove the leading or " +
      "trailing '-' or '_' from the space id",
  ];
}

function checkIndexName(index) {
  const problems = [];
  if (INDEX_FORBIDDEN.test(index) || /^[-_+]/.test(index)) {
    problems.push(
      `the derived index name '${index}' breaks Elasticsearch's index name ` +
        'rules (lowercase, no spaces or \\/*?"<>|,#:)',
    );
  }
  if (Buffer.byteLength(index, "utf8") > MAX_INDEX_BYTES) {
    problems.push(
      `the derived index name '${index}' is longer than ${MAX_INDEX_BYTES} bytes`,
    );
  }
  return problems;
}

const PLACEHOLDER = /\{\{([a-z_]+)(?::([a-z0-9_-]+))?\}\}/g;

/** Replaces the `{{...}}` placeholders of one template with the space's values. */
export function renderTemplate(text, space, templatePath = "template") {
  const ids = deriveSpaceIds(space);
  const values = {
    space: ids.space,
    transform_id: ids.transformId,
    dest_index: ids.destIndex,
    results_data_view_id: ids.resultsDataViewId,
    ml_job_id: ids.mlJobId,
    datafeed_id: ids.datafeedId,
  };
  const lineAt = (offset) => text.slice(0, offset).split("\n").length;
  const rendered = text.replace(
    PLACEHOLDER,
    (match, name, argument, offset) => {
      if (name === "saved_object_id" && argument) {
        return savedObjectId(space, argument);
      }
      if (argument === undefined && Object.hasOwn(values, name)) {
        return values[name];
      }
      throw new Error(
        `${templatePath} line ${lineAt(offset)}: unknown placeholder ${match}; the generator knows ` +
          `${Object.keys(values).join(", ")} and saved_object_id:<name>`,
      );
    },
  );
  // Two braces before a letter that survived the replacement are a broken
  // placeholder. Triple braces are left alone: the ingest pipeline's
  // {{{_ingest.timestamp}}} is Elasticsearch's own template.
  const broken = MALFORMED_PLACEHOLDER.exec(text);
  if (broken) {
    throw new Error(
      `${templatePath} line ${lineAt(broken.index)}: malformed placeholder near ${JSON.stringify(broken[0])}; ` +
        "placeholders are written {{name}} or {{saved_object_id:<name>}}",
    );
  }
  return rendered;
}

const MALFORMED_PLACEHOLDER =
  /(?<!\{)\{\{(?!\{)(?![a-z_]+(?::[a-z0-9_-]+)?\}\})[^"\n]{0,30}/;

export const CONSOLE_FILE = "console.txt";
// Folder of the space-neutral templates beside this script in a bundle.
export const TEMPLATES_FOLDER = "templates";

/**
 * Returns the install requests of a space in order: what the bundle README
 * and console.txt show and what an installer sends.
 */
export function installSteps(space) {
  const ids = deriveSpaceIds(space);
  const es = (method, apiPath, file, optional = false) => ({
    target: "elasticsearch",
    method,
    path: apiPath,
    file,
    optional,
  });
  const ml = `_ml/anomaly_detectors/${ids.mlJobId}`;
  return [
    es(
      "PUT",
      "_index_template/ml_beaconing_index_template",
      "ml_beaconing_index_template.json",
    ),
    es(
      "PUT",
      "_scripts/ml_beaconing_init_script",
      "ml_beaconing_init_script.json",
    ),
    es(
      "PUT",
      "_scripts/ml_beaconing_map_script",
      "ml_beaconing_map_script.json",
    ),
    es(
      "PUT",
      "_scripts/ml_beaconing_reduce_script",
      "ml_beaconing_reduce_script.json",
    ),
    es(
      "PUT",
      "_ingest/pipeline/ml_beaconing_ingest_pipeline",
      "ml_beaconing_ingest_pipeline.json",
    ),
    es(
      "PUT",
      `_transform/${ids.transformId}`,
      "ml_beaconing_pivot_transform.json",
    ),
    {
      target: "kibana",
      method: "POST",
      path: `${ids.kibanaPathPrefix}/api/saved_objects/_import?overwrite=true`,
      file: "ml_beaconing_dashboards.ndjson",
      optional: false,
    },
    es("POST", `_transform/${ids.transformId}/_start`),
    es("PUT", ml, "ml/ml_beaconing_rare_process_job.json", true),
    es(
      "PUT",
      `_ml/datafeeds/${ids.datafeedId}`,
      "ml/ml_beaconing_rare_process_datafeed.json",
      true,
    ),
    es("POST", `${ml}/_open`, undefined, true),
    es("POST", `_ml/datafeeds/${ids.datafeedId}/_start`, undefined, true),
  ];
}

/** Writes console.txt: the Dev Tools requests of a space, in install order. */
export function renderConsole(space, files) {
  const lines = [
    `# ML-Beaconing install requests for the Kibana space "${space}".`,
    "# Paste them into Kibana Dev Tools > Console and run them in order.",
    "",
  ];
  let optionalHeaderWritten = false;
  for (const step of installSteps(space)) {
    if (step.optional && !optionalHeaderWritten) {
      lines.push(
        "# Optional, experimental, needs a Platinum, Enterprise or trial licence:",
        "# the anomaly-detection job for processes that rarely beacon.",
        "",
      );
      optionalHeaderWritten = true;
    }
    if (step.target === "kibana") {
      lines.push(...kibanaImportComment(step), "");
      continue;
    }
    lines.push(`${step.method} ${step.path}`);
    if (step.file !== undefined) {
      const body = files[step.file];
      if (body === undefined) throw new Error(`missing template ${step.file}`);
      lines.push(body.trimEnd());
    }
    lines.push("");
  }
  return lines.join("\n");
}

function kibanaImportComment(step) {
  return [
    `# Import ${step.file} into the space (Console cannot upload files):`,
    "# Stack Management > Saved objects > Import, with 'Automatically overwrite",
    "# conflicts', or from a shell:",
    `#   curl -X POST "$KIBANA_URL${step.path}" \\`,
    '#     -H "Authorization: ApiKey $ELASTIC_API_KEY" -H "kbn-xsrf: true" \\',
    `#     --form file=@${step.file}`,
  ];
}

/**
 * Renders every template of a bundle for one space. `templates` maps
 * template paths (with `/` separators) to their text; the result maps the
 * space folder's paths to their text, console.txt included.
 */
export function renderSpace(templates, space) {
  const problems = checkSpaceId(space);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const files = {};
  for (const templatePath of Object.keys(templates).sort()) {
    files[templatePath] = renderTemplate(
      templates[templatePath],
      space,
      templatePath,
    );
  }
  files[CONSOLE_FILE] = renderConsole(space, files);
  return files;
}

async function readTemplates(folder) {
  const templates = {};
  async function walk(relative) {
    const entries = await fs.readdir(path.join(folder, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else
        templates[child] = await fs.readFile(path.join(folder, child), "utf8");
    }
  }
  await walk("");
  return templates;
}

/**
 * Writes a space folder through a temporary sibling, so a failure leaves the
 * old one intact. An existing folder is replaced only when every file in it
 * is one the space folder has, so no file of the user's is ever deleted.
 */
export async function writeSpaceFolder(outFolder, files) {
  const target = path.resolve(outFolder);
  await checkReplaceable(target, files);
  const temporary = `${target}.tmp-${randomBytes(4).toString("hex")}`;
  try {
    for (const [relative, text] of Object.entries(files)) {
      const file = path.join(temporary, ...relative.split("/"));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
    }
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(temporary, target);
  } finally {
    await fs.rm(temporary, { recursive: true, force: true });
  }
}

async function checkReplaceable(target, files) {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  if (!stat.isDirectory()) {
    throw new Error(
      `${target} exists and is not a folder; choose a new or empty folder for --out`,
    );
  }
  const foreign = (await listFiles(target)).filter(
    (file) => !Object.hasOwn(files, file),
  );
  if (foreign.length > 0) {
    const shown =
      foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", ..." : "");
    throw new Error(
      `${target} has files that are not part of a space folder (${shown}); ` +
        "nothing was written. Choose a new or empty folder, or move those files away",
    );
  }
}

async function listFiles(folder, relative = "") {
  const entries = await fs.readdir(path.join(folder, relative), {
    withFileTypes: true,
  });
  const files = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(folder, child)));
    else files.push(child);
  }
  return files;
}

function parseArguments(argv) {
  const options = { spaces: [], out: undefined, templates: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") return { help: true };
    if (!["--space", "--out", "--templates"].includes(flag)) {
      throw new Error(`unknown argument ${JSON.stringify(flag)}; see --help`);
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--space") options.spaces.push(value);
    else options[flag.slice(2)] = value;
    i += 1;
  }
  if (options.spaces.length === 0) options.spaces.push(DEFAULT_SPACE);
  if (options.out !== undefined && options.spaces.length > 1) {
    throw new Error(
      "--out names the folder of one space; give a single --space with it",
    );
  }
  return options;
}

const HELP = `Usage: node ml_beaconing_generate_scripts.mjs [--space <id>]... [--out <dir>]

Renders the bundle's templates/ for a Kibana space.
  --space <id>       Kibana space id (repeatable; default "default")
  --out <dir>        folder to write the space into (one space only);
                     default ./<space>/ beside this file
  --templates <dir>  templates folder; default ./templates/ beside this file
`;

async function main(argv) {
  const options = parseArguments(argv);
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const problems = options.spaces.flatMap(checkSpaceId);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const templates = await readTemplates(
    options.templates ?? path.join(here, "templates"),
  );
  for (const space of options.spaces) {
    if (options.out === undefined && space === TEMPLATES_FOLDER) {
      throw new Error(
        `the space id '${space}' is the name of the bundle's templates folder; ` +
          "give --out <dir> to render this space elsewhere",
      );
    }
    const out = options.out ?? path.join(here, space);
    await writeSpaceFolder(out, renderSpace(templates, space));
    process.stdout.write(`wrote ${out}\n`);
  }
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
