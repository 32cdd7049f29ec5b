// Checks that each address is the server it should be before any other
// request, because a 404 from the wrong server would otherwise read as
// "not installed" and a missing field as a crash.
import { UserError } from "../errors.ts";
import type { HttpApi } from "./http-api.ts";

export interface ElasticsearchInfo {
  version: string;
  /** `serverless` on Elastic Cloud Serverless, `default` otherwise. */
  buildFlavor?: string;
}

interface VersionBody {
  version?: { number?: unknown; build_flavor?: string };
}

/** Reads `GET /` and raises a UserError unless Elasticsearch sent it. */
export async function identifyElasticsearch(
  es: HttpApi,
): Promise<ElasticsearchInfo> {
  const response = await es.request({ method: "GET", path: "/", probe: true });
  const product = response.headers?.["x-elastic-product"];
  const version = (response.body as VersionBody | undefined)?.version;
  if (product !== "Elasticsearch") {
    throw new UserError(
      `${es.address} did not answer as Elasticsearch (GET / returned ${response.status} without the x-elastic-product header); check ${es.addressOptions}`,
    );
  }
  if (response.status !== 200 || typeof version?.number !== "string") {
    throw new UserError(
      `Elasticsearch at ${es.address} did not return its version (GET / returned ${response.status}); check that the cluster is ready and ${es.addressOptions}`,
    );
  }
  return { version: version.number, buildFlavor: version.build_flavor };
}

/** Reads `GET /api/status` and raises a UserError unless Kibana sent it. */
export async function identifyKibana(kibana: HttpApi): Promise<string> {
  const path = "/api/status";
  const response = await kibana.request({ method: "GET", path, probe: true });
  // Kibana 8.x sends its version with 200, and with 503 while unavailable.
  const version = (response.body as VersionBody | undefined)?.version?.number;
  if (typeof version === "string") return version;
  const server =
    response.headers?.["x-elastic-product"] === "Elasticsearch"
      ? " from Elasticsearch"
      : " without a Kibana version";
  throw new UserError(
    `${kibana.address} did not answer as Kibana (GET ${path} returned ${response.status}${server}); check ${kibana.addressOptions}`,
  );
}
