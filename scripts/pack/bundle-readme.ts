// Renders the README.md at the top of a bundle: its contents, install steps,
// ids per space and compatibility table.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { compatibilityMarkdown } from "../compat/render.ts";
import type { BundleFacts } from "./manifest.ts";

export function bundleReadme(facts: BundleFacts): string {
  const sections = [
    header(facts),
    contents(facts),
    install(facts),
    ids(facts),
    compatibility(facts),
  ];
  return `${sections.join("\n\n")}\n`;
}

function header(facts: BundleFacts): string {
  return [
    `# ${facts.name}`,
    "",
    "Network Beaconing detection for Elasticsearch and Kibana: a pivot transform",
    "groups recent network events by `host.name` and `process.name` and tests each",
    "group's traffic for the regular call-home pattern of malware; dashboards show",
    "the hosts and processes that beacon.",
    "",
    `Built by ml-beaconing ${facts.toolchainVersion} from commit ${sourceDescription(facts)}.`,
    `The transform reads ${facts.sourceIndex.map((index) => `\`${index}\``).join(", ")}.`,
  ].join("\n");
}

function sourceDescription(facts: BundleFacts): string {
  if (facts.sourceCommit === null) return "(not a Git checkout)";
  return facts.sourceDirty
    ? `${facts.sourceCommit} with uncommitted changes`
    : facts.sourceCommit;
}

function contents(facts: BundleFacts): string {
  return [
    "## Contents",
    "",
    "| path | what it is |",
    "| --- | --- |",
    "| `manifest.json` | name, build facts and the size and SHA-256 of every file |",
    "| `templates/` | the artifacts with `{{...}}` placeholders for the space |",
    "| `ml_beaconing_generate_scripts.mjs` | renders `templates/` for a Kibana space (Node.js 18 or newer, no dependencies) |",
    ...facts.spaces.map(
      (space) =>
        `| \`${space}/\` | the artifacts for the Kibana space \`${space}\`, and \`console.txt\` |`,
    ),
  ].join("\n");
}

function install(facts: BundleFacts): string {
  return [
    "## Install",
    "",
    "1. Pick the folder of your Kibana space, `<space>/`. For a space the bundle",
    "   has no folder for, create it beside the script:",
    "",
    "   ```sh",
    "   node ml_beaconing_generate_scripts.mjs --space <space-id>",
    "   ```",
    "",
    "   The space id is the one in the space's URL (`/s/<space-id>/app/...`).",
    "2. Open `<space>/console.txt` and paste its requests into Kibana Dev Tools >",
    "   Console, in order: the index template, the three stored scripts, the ingest",
    "   pipeline and the transform.",
    "3. Import `<space>/ml_beaconing_dashboards.ndjson` into the space (Stack",
    "   Management > Saved objects > Import, overwriting conflicts). The `curl`",
    "   command for it is in `console.txt`.",
    "4. Start the transform with the `_start` request of `console.txt`. Its first",
    "   results appear after the first checkpoint, within an hour.",
    `   This bundle has folders for ${facts.spaces.map((space) => `\`${space}\``).join(", ")}.`,
    "5. Optional, experimental, Platinum, Enterprise or trial licence: create the",
    "   anomaly-detection job in `ml/` with the last requests of `console.txt`.",
    "",
    "Every JSON file is the exact body of its request, so each can also be sent",
    "with `curl` or a client library.",
    "",
    "### Privileges",
    "",
    "The user who creates the transform needs the cluster privileges",
    "`manage_transform`, `manage_ingest_pipelines` and `manage_index_templates`",
    "(`manage_ml` for the optional job); `read` and `view_index_metadata` on the",
    "source indices; `read`, `index` and `create_index` on `ml_beaconing_*`; and",
    "saved-objects management in the Kibana space. The transform runs with the",
    "privileges of that user, captured when it is created.",
    "",
    "### Upgrade",
    "",
    "Re-send the index template, stored scripts and pipeline requests (they",
    "replace the old ones), re-import the saved objects with overwrite, then",
    "replace the transform; its results index stays:",
    "",
    "```",
    "POST _transform/<transform-id>/_stop?wait_for_completion=true",
    "DELETE _transform/<transform-id>",
    "```",
    "",
    "and send the transform's `PUT` and `_start` requests of `console.txt`.",
    "",
    "### Uninstall",
    "",
    "Stop and delete the space's transform as above and delete its saved objects",
    "in Stack Management. Delete the shared stored scripts, pipeline and index",
    "template only when no other space's transform uses them, and the results",
    "index `ml_beaconing_<space>` only to drop its data.",
  ].join("\n");
}

function ids(facts: BundleFacts): string {
  const rows = facts.spaces.map((space) => {
    const derived = deriveSpaceIds(space);
    return `| \`${space}\` | \`${derived.transformId}\` | \`${derived.destIndex}\` | \`${derived.mlJobId}\` |`;
  });
  return [
    "## Ids per space",
    "",
    "The stored scripts, the ingest pipeline and the index template are shared by",
    "all spaces. Each space has its own transform, results index and data view;",
    "the other saved objects get UUID v5 ids derived from the space id, so a",
    "re-import of a later release overwrites them in place.",
    "",
    "| space | transform | results index and data view | anomaly-detection job |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function compatibility(facts: BundleFacts): string {
  return `## Compatibility\n\n${compatibilityMarkdown(facts.compatibility)}`;
}
