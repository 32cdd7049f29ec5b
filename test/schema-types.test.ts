import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  GENERATED_FOLDER,
  generateTypes,
} from "../scripts/schema/generate-types.ts";
import { schemaNames } from "../scripts/validate/schemas.ts";

describe("generated schema types", () => {
  test("committed types match the schemas", async () => {
    const fresh = await generateTypes();
    const committed = readdirSync(GENERATED_FOLDER).sort();
    expect(committed).toEqual([...fresh.keys()].sort());
    for (const [name, source] of fresh) {
      const current = readFileSync(path.join(GENERATED_FOLDER, name), "utf8");
      expect(current, `${name} is stale: run npm run generate:types`).toBe(
        source,
      );
    }
  });

  test("every schema compiles under Ajv strict mode", () => {
    expect(schemaNames()).toEqual(
      expect.arrayContaining([
        "stored-script.schema.json",
        "ingest-pipeline.schema.json",
        "index-template.schema.json",
        "transform.schema.json",
        "ml-job.schema.json",
        "ml-datafeed.schema.json",
        "manifest.schema.json",
      ]),
    );
  });
});
