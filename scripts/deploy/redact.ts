// Removes secrets from text before it is printed. Every message, log line
// and error that may carry a request detail passes through a redactor.

export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

// Places that contain a credential whatever its value: the value of an
// Authorization header, the password in a URL's userinfo, and a
// `password` or `api_key` field of a request or configuration dump.
const CREDENTIAL_PATTERNS: [RegExp, string][] = [
  [
    /\b(authorization["']?\s*[:=]\s*["']?)(?:ApiKey|Basic|Bearer)\s+[^\s"',}]+/gi,
    `$1${REDACTED}`,
  ],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]*@/gi, `$1${REDACTED}@`],
  [
    /\b((?:password|passwd|api[_-]?key)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
    `$1${REDACTED}`,
  ],
];

/**
 * Creates a redactor for the given secrets. Each secret is removed in its
 * plain, Base64 and URL-encoded forms, because an Authorization header
 * carries `user:password` and API keys in Base64. A form is removed only as
 * a whole token, never inside a word or an identifier such as
 * `ml_beaconing_pivot_transform_secops`, because blanking part of a word
 * shows the reader the secret.
 *
 * `openValues` are values the user passed openly, such as the space id and
 * the URLs. A secret's plain form that is one of them, or a token in one of
 * them, is left in the text: redacting it there would point at the secret.
 *
 * NOTE: a password that is an ordinary word of the output, such as
 * `transform`, is still removed wherever that word is a whole token, so the
 * gaps in the text point at it.
 */
export function createRedactor(
  secrets: readonly string[],
  openValues: readonly string[] = [],
): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const encoded = encodeURIComponent(secret);
    if (!openValues.some((value) => tokenPattern(secret).test(value))) {
      forms.add(secret);
    }
    if (encoded !== secret) forms.add(encoded);
    forms.add(Buffer.from(secret, "utf8").toString("base64"));
  }
  // Longest first, so that a secret containing another is removed whole.
  const patterns = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((form) => new RegExp(tokenPattern(form).source, "g"));
  return (text) => {
    let result = text;
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) {
      result = result.replace(pattern, replacement);
    }
    for (const pattern of patterns) result = result.replace(pattern, REDACTED);
    return result;
  };
}

// A token is not preceded or followed by a letter, digit or `_`, nor by a
// `-` or `.` that joins it to one, as in `ml-beaconing` or `secops.json`.
// A `.` at the end of a sentence still ends the token.
function tokenPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return new RegExp(`(?<!\\w|\\w[.-])${escaped}(?!\\w|[.-]\\w)`);
}

export const noRedaction: Redactor = (text) => text;
