// Starts a fake Elasticsearch and Kibana pair and runs the CLI against them
// in this process, capturing what it writes.
import { vi } from "vitest";
import { main } from "../../scripts/cli.ts";
import { CONNECTION_ENV } from "../../scripts/deploy/connection.ts";
import {
  startElasticsearchFake,
  type EsFake,
  type EsFakeOptions,
} from "./elasticsearch-server.ts";
import {
  startKibanaFake,
  type KibanaFake,
  type KibanaFakeOptions,
} from "./kibana-server.ts";

export interface FakeCluster {
  es: EsFake;
  kibana: KibanaFake;
  /** Connection flags that reach the fakes. */
  flags: string[];
  /** Changing requests of both servers in arrival order, Kibana's prefixed. */
  timeline(): string[];
  close(): Promise<void>;
}

export async function startFakeCluster(
  options: { es?: EsFakeOptions; kibana?: KibanaFakeOptions } = {},
): Promise<FakeCluster> {
  const es = await startElasticsearchFake(options.es);
  const kibana = await startKibanaFake(options.kibana);
  return {
    es,
    kibana,
    flags: ["--es-url", es.url, "--kibana-url", kibana.url],
    timeline: () => {
      const fromEs = es.changedRequests().map((r) => ({ ...r, service: "" }));
      const fromKibana = kibana
        .changedRequests()
        .map((r) => ({ ...r, service: "Kibana " }));
      return [...fromEs, ...fromKibana]
        .sort((a, b) => a.sequence - b.sequence)
        .map((r) => `${r.service}${r.method} ${r.path}`);
    },
    close: async () => {
      await es.close();
      await kibana.close();
    },
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ml-beaconing <args>` with the connection variables of the environment cleared. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const saved = { ...process.env };
  for (const name of Object.values(CONNECTION_ENV)) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const code = await main(["node", "ml-beaconing", ...args]);
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
    out.mockRestore();
    err.mockRestore();
  }
}
