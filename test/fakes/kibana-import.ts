// The saved objects import of the fake Kibana: multipart upload, per-object
// errors, conflicts without overwrite, and a new copy with a new id when the
// id is taken in another space, as Kibana 8.x does.
import { randomUUID } from "node:crypto";
import type { RecordedRequest, Reply } from "./http-fake.ts";
import type { StoredObject } from "./kibana-server.ts";

export interface ImportContext {
  objects: Map<string, Map<string, StoredObject>>;
  failingImports: Set<string>;
  space: string;
  overwrite: boolean;
  request: RecordedRequest;
}

export function importObjects(context: ImportContext): Reply {
  const ndjson = multipartFile(context.request);
  if (ndjson === undefined)
    return {
      status: 400,
      body: {
        statusCode: 400,
        error: "Bad Request",
        message: "[request body.file]: expected value of type [Stream]",
      },
    };
  const target =
    context.objects.get(context.space) ?? new Map<string, StoredObject>();
  context.objects.set(context.space, target);
  const errors: unknown[] = [];
  const successResults: unknown[] = [];
  for (const line of ndjson.split("\n").filter((l) => l.trim())) {
    const object = JSON.parse(line) as StoredObject;
    const key = `${object.type}/${object.id}`;
    const title = (object.attributes?.title as string | undefined) ?? object.id;
    if (context.failingImports.has(object.id)) {
      errors.push({
        id: object.id,
        type: object.type,
        title,
        meta: { title },
        error: {
          type: "unknown",
          message: "Saved object validation failed",
          statusCode: 400,
        },
      });
    } else if (target.has(key) && !context.overwrite) {
      errors.push({
        id: object.id,
        type: object.type,
        title,
        meta: { title },
        error: { type: "conflict" },
      });
    } else if (!target.has(key) && takenElsewhere(context, key)) {
      const copyId = randomUUID();
      target.set(`${object.type}/${copyId}`, { ...object, id: copyId });
      successResults.push({
        id: object.id,
        type: object.type,
        destinationId: copyId,
        meta: { title },
      });
    } else {
      target.set(key, {
        type: object.type,
        id: object.id,
        attributes: object.attributes,
        references: object.references ?? [],
      });
      successResults.push({
        id: object.id,
        type: object.type,
        ...(context.overwrite ? { overwrite: true } : {}),
        meta: { title },
      });
    }
  }
  return {
    status: 200,
    body: {
      success: errors.length === 0,
      successCount: successResults.length,
      successResults,
      ...(errors.length ? { errors } : {}),
    },
  };
}

function takenElsewhere(context: ImportContext, key: string): boolean {
  return [...context.objects.entries()].some(
    ([space, objects]) => space !== context.space && objects.has(key),
  );
}

function multipartFile(request: RecordedRequest): string | undefined {
  const type = String(request.headers["content-type"] ?? "");
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (!type.startsWith("multipart/form-data") || boundary === undefined)
    return undefined;
  const part = request.body
    .split(`--${boundary}`)
    .find((p) => p.includes('name="file"'));
  if (part === undefined) return undefined;
  return part.slice(part.indexOf("\r\n\r\n") + 4).replace(/\r\n$/, "");
}
