// Credentials for Elasticsearch and Kibana: an API key or a user and
// password, from the flags, the environment or the Elasticsearch URL.

export type CredentialFlags = {
  apiKey?: string;
  username?: string;
  password?: string;
};

export type Credentials =
  { apiKey: string } | { username: string; password: string };

export function resolveCredentials(
  merged: CredentialFlags,
  fromUrl: { username: string; password: string } | undefined,
  problems: string[],
): Credentials | undefined {
  if (merged.apiKey !== undefined) {
    if (merged.username !== undefined) {
      problems.push(
        "give either --api-key or --username/--password, not both (an API key is preferred)",
      );
    }
    return { apiKey: encodeApiKey(merged.apiKey) };
  }
  const username = merged.username ?? fromUrl?.username;
  const password = merged.password ?? fromUrl?.password;
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    problems.push(
      `missing ${username === undefined ? "--username (ELASTIC_USERNAME)" : "--password (ELASTIC_PASSWORD)"}: basic authentication needs both`,
    );
    return undefined;
  }
  return { username, password };
}

// Elasticsearch's Authorization header takes the Base64 of `id:api_key`,
// so a key given as `id:api_key` is encoded here.
function encodeApiKey(key: string): string {
  return key.includes(":") ? Buffer.from(key, "utf8").toString("base64") : key;
}

/** Builds the Authorization header value for the credentials. */
export function authorizationHeader(
  credentials: Credentials | undefined,
): string | undefined {
  if (credentials === undefined) return undefined;
  if ("apiKey" in credentials) return `ApiKey ${credentials.apiKey}`;
  const pair = `${credentials.username}:${credentials.password}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}
