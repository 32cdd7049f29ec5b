// Responses of the fake GitHub shaped like the REST API's: pagination,
// errors and rate-limit responses.

export type Reply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export const DOCS = "https://docs.github.com/rest";

export const RATE_LIMITS = {
  primary: (): Reply => ({
    status: 403,
    headers: {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)),
    },
    body: {
      message: "API rate limit exceeded for user ID 1.",
      documentation_url: DOCS,
    },
  }),
  secondary: (): Reply => ({
    status: 403,
    headers: { "retry-after": "1" },
    body: {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url: DOCS,
    },
  }),
  tooMany: (): Reply => ({
    status: 429,
    headers: { "retry-after": "1" },
    body: { message: "Too many requests", documentation_url: DOCS },
  }),
};

/** GitHub's pagination: 30 per page by default, per_page up to 100, Link header. */
export function pageReply(base: string, url: URL, items: unknown[]): Reply {
  const perPage = Math.min(
    Number(url.searchParams.get("per_page") ?? 30) || 30,
    100,
  );
  const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const target = new URL(url.pathname, base);
    target.searchParams.set("per_page", String(perPage));
    target.searchParams.set("page", String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
  const headers: Record<string, string> =
    links.length > 0 ? { link: links.join(", ") } : {};
  return {
    status: 200,
    headers,
    body: items.slice((page - 1) * perPage, page * perPage),
  };
}

export function notFound(): Reply {
  return {
    status: 404,
    body: { message: "Not Found", documentation_url: DOCS },
  };
}

export function validationFailed(resource: string, field: string): Reply {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ resource, code: "already_exists", field }],
      documentation_url: DOCS,
    },
  };
}
