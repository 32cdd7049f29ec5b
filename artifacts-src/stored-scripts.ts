// The stored Painless scripts of the beacon_stats scripted metric. Their
// sources are the .painless files beside this module; combine is inlined in
// the transform because it only hands the shard state on.
import { readFileSync } from "node:fs";
import type { StoredScript } from "../scripts/schema/generated/stored-script.ts";

export const STORED_SCRIPT_IDS = [
  "ml_beaconing_init_script",
  "ml_beaconing_map_script",
  "ml_beaconing_reduce_script",
] as const;

export type StoredScriptId = (typeof STORED_SCRIPT_IDS)[number];

const PAINLESS_FOLDER = new URL("./painless/", import.meta.url);

/** Reads a Painless source of artifacts-src/painless/ by script name. */
export function readPainless(name: string): string {
  return readFileSync(new URL(`${name}.painless`, PAINLESS_FOLDER), "utf8");
}

export function storedScript(id: StoredScriptId): StoredScript {
  return { script: { lang: "painless", source: readPainless(id) } };
}

export function combineScriptSource(): string {
  return readPainless("ml_beaconing_combine_script");
}
