// Resolves how to reach Elasticsearch and Kibana from the command-line flags
// and the environment variables that Elastic's own tools read. Flags take
// precedence over the environment. Nothing here opens a connection.
import { readFileSync } from "node:fs";
import { UserError } from "../errors.ts";
import { resolveCredentials, type Credentials } from "./credentials.ts";
import { createRedactor, type Redactor } from "./redact.ts";

export interface ConnectionFlags {
  esUrl?: string;
  kibanaUrl?: string;
  cloudId?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  caCert?: string;
}

/** Environment variable read for each flag when the flag is absent. */
export const CONNECTION_ENV: Record<keyof ConnectionFlags, string> = {
  esUrl: "ELASTICSEARCH_URL",
  kibanaUrl: "KIBANA_URL",
  cloudId: "ELASTIC_CLOUD_ID",
  apiKey: "ELASTIC_API_KEY",
  username: "ELASTIC_USERNAME",
  password: "ELASTIC_PASSWORD",
  caCert: "ELASTIC_CA_CERT",
};

export interface Connection {
  /** Elasticsearch URL without credentials; undefined with a cloud id. */
  esUrl?: string;
  cloudId?: string;
  kibanaUrl: string;
  credentials?: Credentials;
  /** PEM text of the CA certificate that signed the cluster's certificates. */
  caCert?: string;
  caCertPath?: string;
  redact: Redactor;
}

/**
 * Resolves the connection. `openValues` are other values the user passed
 * openly, such as the space id, which the redactor leaves readable.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
  openValues: readonly string[] = [],
): Connection {
  const merged = mergeWithEnv(flags, env);
  const problems: string[] = [];
  const es = resolveEsUrl(merged, problems);
  const kibanaUrl = resolveKibanaUrl(merged, problems);
  const redact = createRedactor(
    secretsOf(merged),
    [
      ...openValues,
      ...[es.url, kibanaUrl, merged.cloudId, merged.username, merged.caCert],
    ].filter((value): value is string => value !== undefined),
  );
  const credentials = resolveCredentials(merged, es.urlCredentials, problems);
  const caCert = readCaCert(merged.caCert, problems);
  if (problems.length > 0) {
    throw new UserError(
      redact(`invalid connection options:\n  ${problems.join("\n  ")}`),
    );
  }
  return {
    esUrl: es.url,
    cloudId: merged.cloudId,
    kibanaUrl: kibanaUrl as string,
    credentials,
    caCert,
    caCertPath: merged.caCert,
    redact,
  };
}

function mergeWithEnv(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): ConnectionFlags {
  const merged: ConnectionFlags = {};
  for (const key of Object.keys(CONNECTION_ENV) as (keyof ConnectionFlags)[]) {
    const value = flags[key] ?? env[CONNECTION_ENV[key]];
    if (value !== undefined && value !== "") merged[key] = value;
  }
  return merged;
}

function secretsOf(merged: ConnectionFlags): string[] {
  const secrets = [merged.apiKey, merged.password].filter(
    (value): value is string => value !== undefined,
  );
  if (merged.username !== undefined && merged.password !== undefined) {
    secrets.push(`${merged.username}:${merged.password}`);
  }
  for (const url of [merged.esUrl, merged.kibanaUrl]) {
    const parsed = url === undefined ? undefined : parseUrl(url);
    if (parsed?.password) secrets.push(decodeURIComponent(parsed.password));
  }
  return secrets;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

interface EsUrl {
  url?: string;
  urlCredentials?: { username: string; password: string };
}

function resolveEsUrl(merged: ConnectionFlags, problems: string[]): EsUrl {
  if (merged.esUrl === undefined) {
    if (merged.cloudId === undefined) {
      problems.push(
        "missing Elasticsearch address: give --es-url (or ELASTICSEARCH_URL) or --cloud-id (or ELASTIC_CLOUD_ID)",
      );
    }
    return {};
  }
  const url = checkHttpUrl("--es-url", merged.esUrl, problems);
  if (url === undefined) return {};
  const urlCredentials = url.username
    ? {
        username: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      }
    : undefined;
  url.username = "";
  url.password = "";
  return { url: url.toString().replace(/\/$/, ""), urlCredentials };
}

function resolveKibanaUrl(
  merged: ConnectionFlags,
  problems: string[],
): string | undefined {
  if (merged.kibanaUrl !== undefined) {
    const url = checkHttpUrl("--kibana-url", merged.kibanaUrl, problems);
    if (url === undefined) return undefined;
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  }
  if (merged.cloudId !== undefined) {
    const cloud = decodeCloudId(merged.cloudId);
    if (cloud === undefined) {
      problems.push(
        "invalid --cloud-id: expected <name>:<base64 of host$es-id$kibana-id>, as shown on the deployment page of Elastic Cloud",
      );
    }
    return cloud?.kibanaUrl;
  }
  problems.push(
    "missing Kibana address: give --kibana-url (or KIBANA_URL) or --cloud-id (or ELASTIC_CLOUD_ID)",
  );
  return undefined;
}

function checkHttpUrl(
  flag: string,
  text: string,
  problems: string[],
): URL | undefined {
  const url = parseUrl(text);
  if (url === undefined || !["http:", "https:"].includes(url.protocol)) {
    problems.push(
      `invalid ${flag}: expected an http:// or https:// URL such as https://localhost:9200`,
    );
    return undefined;
  }
  return url;
}

/** Decodes an Elastic Cloud id into the deployment's Elasticsearch and Kibana URLs. */
export function decodeCloudId(
  cloudId: string,
): { esUrl: string; kibanaUrl: string } | undefined {
  const encoded = cloudId.slice(cloudId.indexOf(":") + 1);
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const [hostAndPort, esId, kibanaId] = decoded.split("$");
  if (!hostAndPort || !esId || !kibanaId) return undefined;
  const [host, port] = hostAndPort.split(":");
  const suffix = port && port !== "443" ? `:${port}` : "";
  return {
    esUrl: `https://${esId}.${host}${suffix}`,
    kibanaUrl: `https://${kibanaId}.${host}${suffix}`,
  };
}

function readCaCert(
  file: string | undefined,
  problems: string[],
): string | undefined {
  if (file === undefined) return undefined;
  try {
    const text = readFileSync(file, "utf8");
    if (!text.includes("-----BEGIN CERTIFICATE-----")) {
      problems.push(`invalid --ca-cert ${file}: not a PEM certificate`);
    }
    return text;
  } catch (error) {
    problems.push(
      `cannot read --ca-cert ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return undefined;
  }
}

/** Describes the connection for logs: addresses and the kind of credentials only. */
export function describeConnection(connection: Connection): string {
  const es = connection.esUrl ?? "Elastic Cloud deployment (--cloud-id)";
  const auth =
    connection.credentials === undefined
      ? "no credentials"
      : "apiKey" in connection.credentials
        ? "API key"
        : `user ${connection.credentials.username}`;
  return connection.redact(
    `Elasticsearch ${es}, Kibana ${connection.kibanaUrl}, ${auth}`,
  );
}
