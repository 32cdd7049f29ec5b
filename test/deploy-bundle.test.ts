import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildBundle } from "../scripts/build/build-bundle.ts";
import { resolveBuildOptions } from "../scripts/build/options.ts";
import { silentLogger } from "../scripts/logger.ts";
import { runCli, startFakeCluster, type FakeCluster } from "./fakes/cluster.ts";

let cluster: FakeCluster;
afterEach(async () => cluster?.close());

async function builtZip(): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "ml-beaconing-zip-"));
  const options = resolveBuildOptions({ date: "2026-03-01", out });
  return (await buildBundle(options, silentLogger)).zipPath;
}

describe("install from a bundle", () => {
  it("renders a missing space with the bundle's generator", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    const zip = await builtZip();
    const result = await runCli([
      "install",
      "--space",
      "secops",
      ...cluster.flags,
      zip,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Installed ML-Beaconing-20260301-1");
    expect(
      cluster.es.state.transforms.has("ml_beaconing_pivot_transform_secops"),
    ).toBe(true);
  });

  it("uses the space folder the bundle has", async () => {
    cluster = await startFakeCluster();
    const zip = await builtZip();
    const result = await runCli(["install", ...cluster.flags, zip]);
    expect(result.code).toBe(0);
    expect(cluster.kibana.changes()).toEqual([
      "POST /api/saved_objects/_import?overwrite=true",
    ]);
  });

  it("matches a source install of the same space", async () => {
    cluster = await startFakeCluster({ kibana: { spaces: ["secops"] } });
    await runCli(["install", "--space", "secops", ...cluster.flags]);
    const before = cluster.timeline().length;
    const zip = await builtZip();
    const result = await runCli([
      "install",
      "--space",
      "secops",
      ...cluster.flags,
      zip,
    ]);
    expect(result.code).toBe(0);
    expect(cluster.timeline().length).toBe(before);
  });

  it("prints the bundle's console.txt", async () => {
    const zip = await builtZip();
    const result = await runCli(["console", zip]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'install requests for the Kibana space "default"',
    );
  });
});
