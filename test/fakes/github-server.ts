// A fake GitHub REST API on 127.0.0.1 for one repository: Link pagination,
// releases, tags, release assets on an upload path, 422 already_exists
// bodies, and switches that fail chosen requests (500, rate limits).
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  DOCS,
  notFound,
  pageReply,
  validationFailed,
  type Reply,
} from "./github-replies.ts";
import {
  assetJson,
  FakeRepository,
  releaseJson,
  tagJson,
} from "./github-state.ts";

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  status: number;
}

/** Fails matching requests `times` times with the given response. */
export interface FailureSwitch {
  method: string;
  url: RegExp;
  times: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** For uploads: leave a `starter` asset behind, as an upload cut short does. */
  leaveStarter?: boolean;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly failures: FailureSwitch[] = [];
  private readonly server = createServer(
    (req, res) => void this.handle(req, res),
  );
  base = "";

  constructor(
    readonly repo: FakeRepository,
    /** The only token accepted; anything else gets 401. */
    readonly token: string,
  ) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, "127.0.0.1", resolve),
    );
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Requests that change something: every method but GET and HEAD. */
  changingRequests(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method !== "GET" && r.method !== "HEAD",
    );
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const reply = this.route(req, body);
    this.requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body,
      status: reply.status,
    });
    const headers = {
      "x-ratelimit-remaining": "4999",
      "x-github-request-id": "FAKE:1",
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    res.writeHead(reply.status, {
      "content-type": "application/json; charset=utf-8",
      ...headers,
    });
    res.end(
      Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body),
    );
  }

  private route(req: IncomingMessage, body: Buffer): Reply {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", this.base);
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}`) {
      return {
        status: 401,
        body: { message: "Bad credentials", documentation_url: DOCS },
      };
    }
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.url.test(req.url ?? ""),
    );
    if (failure) {
      failure.times -= 1;
      if (failure.leaveStarter) this.upload(url, body, req, true);
      return {
        status: failure.status,
        headers: failure.headers,
        body: failure.body ?? { message: "Server Error" },
      };
    }
    const prefix = `/repos/${this.repo.owner}/${this.repo.name}`;
    const uploads = `/uploads${prefix}/releases/`;
    if (url.pathname.startsWith(uploads) && method === "POST")
      return this.upload(url, body, req, false);
    if (!url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
      return {
        status: 404,
        body: { message: "Not Found", documentation_url: DOCS },
      };
    }
    return this.repoRoute(method, url, url.pathname.slice(prefix.length), body);
  }

  private repoRoute(
    method: string,
    url: URL,
    path: string,
    body: Buffer,
  ): Reply {
    const { base, repo } = this;
    const id = Number(/\/(\d+)(?:\/|$)/.exec(path)?.[1]);
    const key = `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
    switch (key) {
      case "GET ":
        return {
          status: 200,
          body: { full_name: `${repo.owner}/${repo.name}` },
        };
      case "GET /tags":
        return pageReply(
          base,
          url,
          repo.tags.map((tag) => tagJson(base, repo, tag)),
        );
      case "GET /releases":
        return pageReply(
          base,
          url,
          repo.releases.map((r) => releaseJson(base, repo, r)),
        );
      case "POST /releases":
        return this.createRelease(JSON.parse(body.toString("utf8")));
      case "PATCH /releases/:id": {
        const release = repo.release(id);
        if (!release) return notFound();
        Object.assign(release, JSON.parse(body.toString("utf8")));
        return { status: 200, body: releaseJson(base, repo, release) };
      }
      case "GET /releases/:id/assets": {
        const release = repo.release(id);
        if (!release) return notFound();
        return pageReply(
          base,
          url,
          release.assets.map((a) => assetJson(base, repo, a)),
        );
      }
      case "DELETE /releases/assets/:id": {
        const found = repo.asset(id);
        if (!found) return notFound();
        found.release.assets.splice(
          found.release.assets.indexOf(found.asset),
          1,
        );
        return { status: 204 };
      }
      default:
        return notFound();
    }
  }

  private createRelease(input: { tag_name: string }): Reply {
    if (this.repo.releases.some((r) => r.tag_name === input.tag_name)) {
      return validationFailed("Release", "tag_name");
    }
    return {
      status: 201,
      body: releaseJson(this.base, this.repo, this.repo.createRelease(input)),
    };
  }

  private upload(
    url: URL,
    bytes: Buffer,
    req: IncomingMessage,
    starter: boolean,
  ): Reply {
    const release = this.repo.release(
      Number(/\/releases\/(\d+)\/assets$/.exec(url.pathname)?.[1]),
    );
    const name = url.searchParams.get("name");
    if (!release || !name) return notFound();
    if (!req.headers["content-type"]) {
      return {
        status: 400,
        body: {
          message: "Content-Type header is required",
          documentation_url: DOCS,
        },
      };
    }
    if (release.assets.some((asset) => asset.name === name))
      return validationFailed("ReleaseAsset", "name");
    const asset = this.repo.addAsset(release, {
      name,
      label: url.searchParams.get("label"),
      content_type: req.headers["content-type"],
      state: starter ? "starter" : "uploaded",
      // An upload cut short stores only part of the bytes.
      bytes: starter ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes,
    });
    return { status: 201, body: assetJson(this.base, this.repo, asset) };
  }
}
