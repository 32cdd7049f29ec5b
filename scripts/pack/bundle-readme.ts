// The README.md at the top of a bundle: what it holds and how to install it.
import { deriveSpaceIds } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
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
    `Built by ml-beaconing ${facts.toolchainVersion} from commit ${facts.sourceCommit ?? "(not a Git checkout)"}.`,
    `The transform reads ${facts.sourceIndex.map((index) => `\`${index}\``).join(", ")}.`,
  ].join("\n");
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
  const [space] = facts.spaces;
  return [
    "## Install",
    "",
    "1. Pick the folder of your Kibana space. For a space the bundle has no folder",
    "   for, create it (it appears beside the script as `./<space>/`):",
    "",
    "   ```sh",
    "   node ml_beaconing_generate_scripts.mjs --space <space-id>",
    "   ```",
    "",
    "   The space id is the one in the space's URL (`/s/<space-id>/app/...`).",
    `2. Open \`${space}/console.txt\` and paste its requests into Kibana Dev Tools >`,
    "   Console, in order: the index template, the three stored scripts, the ingest",
    "   pipeline and the transform.",
    "3. Import `ml_beaconing_dashboards.ndjson` into the space (Stack Management >",
    "   Saved objects > Import, overwriting conflicts). The command is in",
    "   `console.txt`.",
    "4. Start the transform with the `_start` request of `console.txt`. Its first",
    "   results appear after the first checkpoint, within an hour.",
    "5. Optional, experimental, Platinum or Enterprise licence: create the",
    "   anomaly-detection job in `ml/` with the last requests of `console.txt`.",
    "",
    "Every JSON file is the exact body of its request, so each can also be sent",
    "with `curl` or a client library.",
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
  return [
    "## Compatibility",
    "",
    `Elastic Stack ${facts.minimumStackVersion} or newer. The transform's`,
    "`scripted_metric` aggregation is not available to transforms in Serverless",
    "projects.",
  ].join("\n");
}
