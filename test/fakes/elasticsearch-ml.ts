// Fake routes for anomaly-detection jobs and datafeeds: create, open or
// start, stop or close, delete, and the state in _stats.
import { esError, missingResource } from "./elasticsearch-errors.ts";
import type { EsState } from "./elasticsearch-server.ts";
import { jsonBody, type Route } from "./http-fake.ts";

const ack = { status: 200, body: { acknowledged: true } };

export function mlRoutes(state: EsState): Route[] {
  const job = "/_ml/anomaly_detectors/([a-z0-9_-]+)";
  const feed = "/_ml/datafeeds/([a-z0-9_-]+)";
  const statsOf =
    (map: EsState["mlJobs"], key: string, idKey: string) =>
    (_: unknown, [id]: string[]) => {
      const entry = map.get(id as string);
      if (!entry)
        return missingResource(
          `No known ${key.slice(0, -1)} with id`,
          id as string,
        );
      return {
        status: 200,
        body: { count: 1, [key]: [{ [idKey]: id, state: entry.state }] },
      };
    };
  const put =
    (map: EsState["mlJobs"], initial: string) =>
    (r: Parameters<Route["handler"]>[0], [id]: string[]) => {
      if (map.has(id as string))
        return esError(
          400,
          "resource_already_exists_exception",
          `[${id}] already exists`,
        );
      map.set(id as string, { body: jsonBody(r), state: initial });
      return ack;
    };
  const setState =
    (map: EsState["mlJobs"], to: string) =>
    (_: unknown, [id]: string[]) => {
      const entry = map.get(id as string);
      if (!entry)
        return missingResource("No known resource with id", id as string);
      entry.state = to;
      return ack;
    };
  return [
    {
      method: "GET",
      pattern: new RegExp(`^${job}/_stats$`),
      handler: statsOf(state.mlJobs, "jobs", "job_id"),
    },
    {
      method: "PUT",
      pattern: new RegExp(`^${job}$`),
      handler: put(state.mlJobs, "closed"),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${job}/_open$`),
      handler: setState(state.mlJobs, "opened"),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${job}/_close$`),
      handler: setState(state.mlJobs, "closed"),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^${job}$`),
      handler: (_, [id]) =>
        state.mlJobs.delete(id as string)
          ? ack
          : missingResource("No known job with id", id as string),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${feed}/_stats$`),
      handler: statsOf(state.datafeeds, "datafeeds", "datafeed_id"),
    },
    {
      method: "PUT",
      pattern: new RegExp(`^${feed}$`),
      handler: put(state.datafeeds, "stopped"),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${feed}/_start$`),
      handler: setState(state.datafeeds, "started"),
    },
    {
      method: "POST",
      pattern: new RegExp(`^${feed}/_stop$`),
      handler: setState(state.datafeeds, "stopped"),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^${feed}$`),
      handler: (_, [id]) =>
        state.datafeeds.delete(id as string)
          ? ack
          : missingResource("No known datafeed with id", id as string),
    },
  ];
}
