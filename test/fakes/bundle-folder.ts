// Writes a bundle folder for one space, rendered from the sources, with a
// change applied to its transform and, optionally, to its index template:
// a stand-in for a newer release.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderSpace } from "../../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";
import { INDEX_TEMPLATE_ID } from "../../artifacts-src/index-template.ts";
import { renderTemplates, TRANSFORM_FILE } from "../../artifacts-src/index.ts";
import type { IndexTemplate } from "../../scripts/schema/generated/index-template.ts";

export async function writeBundleFolder(
  name: string,
  space: string,
  changeTransform: (transform: Record<string, unknown>) => void,
  changeIndexTemplate: (template: IndexTemplate) => void = () => {},
): Promise<string> {
  const folder = await fs.mkdtemp(
    path.join(os.tmpdir(), "ml-beaconing-bundle-"),
  );
  const files = renderSpace(
    renderTemplates({ toolchainVersion: "0.2.0" }),
    space,
  );
  const transform = JSON.parse(files[TRANSFORM_FILE] as string) as Record<
    string,
    unknown
  >;
  changeTransform(transform);
  files[TRANSFORM_FILE] = `${JSON.stringify(transform, null, 2)}\n`;
  const templateFile = `${INDEX_TEMPLATE_ID}.json`;
  const template = JSON.parse(files[templateFile] as string) as IndexTemplate;
  changeIndexTemplate(template);
  files[templateFile] = `${JSON.stringify(template, null, 2)}\n`;
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(folder, space, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  }
  const manifest = { name, minimumStackVersion: "8.8.0" };
  await fs.writeFile(
    path.join(folder, "manifest.json"),
    JSON.stringify(manifest),
  );
  return folder;
}
