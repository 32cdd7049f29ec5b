// Checks of the saved objects of one NDJSON file that no schema can express.
// Every reference resolves to an object of the same file, also those inside
// JSON-in-JSON strings such as panelsJSON and searchSourceJSON. No object
// claims a migration version newer than the oldest Kibana supported.
import semver from "semver";
import type { Problem } from "../errors.ts";
import { SAVED_OBJECT_SCHEMAS } from "./file-kinds.ts";
import type { NdjsonLine } from "./ndjson.ts";
import { schemaProblems } from "./schemas.ts";

interface Reference {
  type: string;
  id: string;
  name?: string;
}

export function savedObjectProblems(
  file: string,
  lines: NdjsonLine[],
  minimumKibanaVersion: string,
  options: { complete: boolean } = { complete: true },
): Problem[] {
  const known = new Set(
    lines.map(({ value }) => `${String(value.type)}:${String(value.id)}`),
  );
  return lines.flatMap((line) => [
    ...typeProblems(file, line),
    ...referenceProblems(file, line, known, options.complete),
    ...migrationProblems(file, line, minimumKibanaVersion),
  ]);
}

function typeProblems(file: string, { line, value }: NdjsonLine): Problem[] {
  const schema = SAVED_OBJECT_SCHEMAS[String(value.type)];
  if (schema) return schemaProblems(schema, file, value, `line ${line} `);
  return [
    {
      code: "saved-object-type-unknown",
      file,
      location: `line ${line} /type`,
      message: `saved-object type ${JSON.stringify(value.type)} is not one the bundle ships`,
      fix: `use one of ${Object.keys(SAVED_OBJECT_SCHEMAS).join(", ")}`,
    },
  ];
}

function referenceProblems(
  file: string,
  { line, value }: NdjsonLine,
  known: Set<string>,
  complete: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const topReferences = Array.isArray(value.references)
    ? (value.references as Reference[])
    : [];
  const names = new Set(topReferences.map((reference) => reference.name));
  const label = `${String(value.type)} ${String(value.id)}`;

  // Kibana 8.x stores the references of a dashboard panel under the name
  // `<panelIndex>:<name inside the panel>`, so a *RefName inside a panel may
  // name either form.
  const hasRefName = (name: string, panelIndex: string | undefined) =>
    names.has(name) ||
    (panelIndex !== undefined && names.has(`${panelIndex}:${name}`));

  const visit = (node: unknown, pointer: string, panelIndex?: string): void => {
    if (typeof node === "string") return;
    if (Array.isArray(node)) {
      node.forEach((child, index) =>
        visit(child, `${pointer}/${index}`, panelIndex),
      );
      return;
    }
    if (node === null || typeof node !== "object") return;
    const ownIndex = (node as { panelIndex?: unknown }).panelIndex;
    const scope = typeof ownIndex === "string" ? ownIndex : panelIndex;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (key === "references" && Array.isArray(child)) {
        checkReferences(child as Reference[], childPointer);
      } else if (
        key.endsWith("RefName") &&
        typeof child === "string" &&
        !hasRefName(child, scope)
      ) {
        problems.push({
          code: "saved-object-ref-name-missing",
          file,
          location: `line ${line} ${childPointer}`,
          message: `${label}: ${key} '${child}' names no entry of the object's references`,
          fix: `add a reference named '${child}' or correct the name`,
        });
      }
      if (key.endsWith("JSON") && typeof child === "string") {
        visit(parseEmbedded(child, childPointer), childPointer, scope);
      } else {
        visit(child, childPointer, scope);
      }
    }
  };

  const checkReferences = (references: Reference[], pointer: string) => {
    references.forEach((reference, index) => {
      if (!complete || known.has(`${reference.type}:${reference.id}`)) return;
      problems.push({
        code: "saved-object-ref-dangling",
        file,
        location: `line ${line} ${pointer}/${index}`,
        message: `${label} refers to ${reference.type} '${reference.id}', which is not in this file`,
        fix: "add the referenced object to the file or remove the reference",
      });
    });
  };

  const parseEmbedded = (text: string, pointer: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      problems.push({
        code: "saved-object-embedded-json",
        file,
        location: `line ${line} ${pointer}`,
        message: `${label}: the JSON string is not valid JSON (${(error as Error).message})`,
        fix: "write the attribute as a JSON.stringify() of its object",
      });
      return undefined;
    }
  };

  visit(value, "");
  return problems;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function migrationProblems(
  file: string,
  { line, value }: NdjsonLine,
  minimum: string,
): Problem[] {
  const claims: [string, unknown][] = [
    ["/coreMigrationVersion", value.coreMigrationVersion],
    ["/typeMigrationVersion", value.typeMigrationVersion],
  ];
  const legacy = value.migrationVersion;
  if (legacy && typeof legacy === "object") {
    for (const [type, version] of Object.entries(legacy)) {
      claims.push([`/migrationVersion/${escapePointer(type)}`, version]);
    }
  }
  return claims.flatMap(([pointer, version]) => {
    if (version === undefined) return [];
    if (typeof version !== "string" || !semver.valid(version)) {
      return [
        migrationProblem(
          file,
          line,
          pointer,
          `migration version ${JSON.stringify(version)} is not a version`,
          minimum,
        ),
      ];
    }
    if (semver.lte(version, minimum)) return [];
    return [
      migrationProblem(
        file,
        line,
        pointer,
        `migration version ${version} is newer than Kibana ${minimum}, the oldest the bundle supports, which would reject the import`,
        minimum,
      ),
    ];
  });
}

function migrationProblem(
  file: string,
  line: number,
  pointer: string,
  message: string,
  minimum: string,
): Problem {
  return {
    code: "saved-object-migration-too-new",
    file,
    location: `line ${line} ${pointer}`,
    message,
    fix: `stamp the object with the migration version of Kibana ${minimum} or older`,
  };
}
