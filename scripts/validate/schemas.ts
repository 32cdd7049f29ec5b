// Ajv in strict mode over the JSON Schemas of schemas/. Schema errors become
// Problems with the file, the JSON pointer and a fix.
import { readdirSync, readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Problem } from "../errors.ts";

const SCHEMA_FOLDER = new URL("../../schemas/", import.meta.url);

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let compiled: Map<string, ValidateFunction> | undefined;

function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  const files = readdirSync(SCHEMA_FOLDER).filter((name) =>
    name.endsWith(".schema.json"),
  );
  for (const name of files) {
    ajv.addSchema(
      JSON.parse(readFileSync(new URL(name, SCHEMA_FOLDER), "utf8")),
    );
  }
  compiled = new Map();
  for (const name of files) {
    const validate = ajv.getSchema(name);
    if (!validate)
      throw new Error(`schema ${name} has no $id equal to its file name`);
    compiled.set(name, validate);
  }
  return compiled;
}

/** Lists the schema file names, such as `transform.schema.json`. */
export function schemaNames(): string[] {
  return [...validators().keys()];
}

/**
 * Validates a value against one schema. `location` prefixes the JSON
 * pointers (for NDJSON, `line 3 ` before the pointer inside the object).
 */
export function schemaProblems(
  schemaName: string,
  file: string,
  value: unknown,
  location = "",
): Problem[] {
  const validate = validators().get(schemaName);
  if (!validate) throw new Error(`unknown schema ${schemaName}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).filter(isUseful).map((error) => ({
    code: `schema-${error.keyword}`,
    file,
    location: `${location}${error.instancePath || "/"}`,
    message: describe(error, schemaName),
    fix: fixFor(error),
  }));
}

// oneOf and if/then report a summary besides the branch errors, which
// already describe what is wrong.
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== "oneOf" && error.keyword !== "if";
}

function describe(error: ErrorObject, schemaName: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown property '${String(params.additionalProperty)}', not allowed by ${schemaName}`;
    case "required":
      return `missing required property '${String(params.missingProperty)}'`;
    case "enum":
    case "const":
      return `${error.message ?? "invalid value"}: ${JSON.stringify(
        params.allowedValues ?? params.allowedValue,
      )}`;
    default:
      return `${error.message ?? "invalid value"} (${schemaName})`;
  }
}

function fixFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `remove '${String(params.additionalProperty)}' or correct its spelling; the API rejects unknown fields`;
    case "required":
      return `add '${String(params.missingProperty)}'`;
    default:
      return "change the value to match the schema";
  }
}
