// Generates the TypeScript types of scripts/schema/generated/ from the JSON
// Schemas in schemas/, which are the source of truth for artifact shapes.
// `npm run generate:types` writes them; a test compares the committed files
// with a fresh generation.
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
export const SCHEMA_FOLDER = path.join(root, "schemas");
export const GENERATED_FOLDER = path.join(root, "scripts/schema/generated");

const BANNER =
  "// Generated from schemas/ by `npm run generate:types`; do not edit.\n";

/** Maps `transform.schema.json` to `transform.ts`. */
export function typeFileName(schemaFile: string): string {
  return schemaFile.replace(/\.schema\.json$/, ".ts");
}

/** Returns the generated type files by name, rendered from every schema. */
export async function generateTypes(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const schemaFiles = (await fs.readdir(SCHEMA_FOLDER))
    .filter((name) => name.endsWith(".schema.json"))
    .sort();
  for (const schemaFile of schemaFiles) {
    const schemaPath = path.join(SCHEMA_FOLDER, schemaFile);
    const schema = JSON.parse(
      await fs.readFile(schemaPath, "utf8"),
    ) as JSONSchema;
    const source = await compile(schema, schema.title ?? schemaFile, {
      bannerComment: BANNER,
      cwd: SCHEMA_FOLDER,
      additionalProperties: false,
      // minItems would turn arrays into tuple types that plain arrays do
      // not satisfy; Ajv still enforces the bounds.
      ignoreMinAndMaxItems: true,
      style: { singleQuote: false },
    });
    files.set(typeFileName(schemaFile), source);
  }
  return files;
}

async function writeTypes(): Promise<void> {
  const files = await generateTypes();
  await fs.rm(GENERATED_FOLDER, { recursive: true, force: true });
  await fs.mkdir(GENERATED_FOLDER, { recursive: true });
  for (const [name, source] of files) {
    await fs.writeFile(path.join(GENERATED_FOLDER, name), source);
  }
  process.stdout.write(
    `wrote ${files.size} type files to ${GENERATED_FOLDER}\n`,
  );
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  await writeTypes();
}
