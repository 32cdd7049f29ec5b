// Removes secrets from text before it is printed. Every message, log line
// and error that may carry a request detail passes through a redactor.

export const REDACTED = "[REDACTED]";

export type Redactor = (text: string) => string;

/**
 * Creates a redactor for the given secrets. The Base64 forms are included
 * because an Authorization header carries `user:password` and API keys
 * that way. Secrets of any length are removed, so a very short password
 * also blanks its letters inside ordinary words of the output.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    forms.add(secret);
    forms.add(Buffer.from(secret, "utf8").toString("base64"));
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so that a secret containing another is removed whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const form of ordered) result = result.split(form).join(REDACTED);
    return result.replace(
      /\b(authorization["']?\s*[:=]\s*["']?)(?:ApiKey|Basic|Bearer)\s+[^\s"',}]+/gi,
      `$1${REDACTED}`,
    );
  };
}

export const noRedaction: Redactor = (text) => text;
