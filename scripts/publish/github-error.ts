// The one place where Octokit errors become the project's own error type, so
// every GitHub failure reads the same way and keeps status, body and cause.
import { RequestError } from "@octokit/request-error";
import { UserError } from "../errors.ts";

export interface GitHubErrorDetail {
  resource?: string;
  code?: string;
  field?: string;
  message?: string;
}

export class GitHubError extends UserError {
  readonly status: number;
  readonly body: unknown;

  constructor(
    message: string,
    options: { status: number; body: unknown; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "GitHubError";
    this.status = options.status;
    this.body = options.body;
  }

  /** The `errors` list of a 422 Validation Failed body. */
  get details(): GitHubErrorDetail[] {
    const errors = (this.body as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as GitHubErrorDetail[]) : [];
  }

  /** True for a 422 whose errors report that the resource exists already. */
  get alreadyExists(): boolean {
    return (
      this.status === 422 &&
      this.details.some((detail) => detail.code === "already_exists")
    );
  }
}

export interface CallContext {
  /** Action of the request, for example `list the tags of o/r`. */
  action: string;
  repo: string;
  /** Removed from every message, in case a server echoes it back. */
  token?: string;
}

/** Runs one Octokit call and turns its RequestError into a GitHubError. */
export async function callGitHub<T>(
  context: CallContext,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubError(error, context);
  }
}

export function toGitHubError(error: unknown, context: CallContext): unknown {
  if (error instanceof GitHubError) return error;
  if (!(error instanceof RequestError)) return error;
  const body = error.response?.data ?? null;
  const message = redact(
    `failed to ${context.action}: GitHub returned ${error.status} ` +
      `${serverMessage(body, error.message)}. ${advice(error.status, context.repo)}`,
    context.token,
  );
  return new GitHubError(message.trim(), {
    status: error.status,
    body,
    cause: error,
  });
}

function serverMessage(body: unknown, fallback: string): string {
  const message = (body as { message?: unknown } | null)?.message;
  const details = (body as { errors?: GitHubErrorDetail[] } | null)?.errors;
  const text = typeof message === "string" ? message : fallback;
  if (!Array.isArray(details) || details.length === 0) return `(${text})`;
  const listed = details
    .map((d) => [d.resource, d.field, d.code ?? d.message].join(" "))
    .join("; ");
  return `(${text}: ${listed})`;
}

function advice(status: number, repo: string): string {
  switch (status) {
    case 401:
      return "The token in GITHUB_TOKEN is invalid or expired: create a new one.";
    case 403:
      return `The token has no write access to ${repo}: give it the "contents: write" permission (fine-grained) or the "repo" scope (classic).`;
    case 404:
      return `Repository ${repo} was not found, or the token cannot see it: check --repo or GITHUB_REPOSITORY, and that the token has access to ${repo}.`;
    case 422:
      return "GitHub rejected the request as invalid: check the tag name and that the commit has been pushed to the repository.";
    default:
      return status >= 500
        ? "GitHub had a server error and retries did not help: run the same command again later; it resumes where it stopped."
        : "";
  }
}

/** Replaces every occurrence of the token; tokens under 4 characters are test values. */
export function redact(text: string, token: string | undefined): string {
  if (!token || token.length < 4) return text;
  return text.split(token).join("[REDACTED]");
}
