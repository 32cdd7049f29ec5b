// Types of the bundle generator, which is plain JavaScript so that it runs
// inside a bundle without the toolchain.

export const DEFAULT_SPACE: "default";
export const SAVED_OBJECT_NAMESPACE: string;
export const CONSOLE_FILE: "console.txt";
export const TEMPLATES_FOLDER: "templates";

export interface SpaceIds {
  space: string;
  transformId: string;
  destIndex: string;
  resultsDataViewId: string;
  mlJobId: string;
  datafeedId: string;
  /** `""` for the default space, `/s/<space>` otherwise. */
  kibanaPathPrefix: string;
}

export interface InstallStep {
  target: "elasticsearch" | "kibana";
  method: "PUT" | "POST";
  /** Path without a leading slash for Elasticsearch, with one for Kibana. */
  path: string;
  /** Space-folder file whose text is the request body. */
  file?: string;
  /** True for the Platinum-only anomaly-detection job and its datafeed. */
  optional: boolean;
}

export function deriveSpaceIds(space: string): SpaceIds;
export function savedObjectId(space: string, logicalName: string): string;
export function uuidV5(namespace: string, name: string): string;
export function checkSpaceId(space: string): string[];
export function renderTemplate(
  text: string,
  space: string,
  templatePath?: string,
): string;
export function installSteps(space: string): InstallStep[];
export function renderConsole(
  space: string,
  files: Record<string, string>,
): string;
export function renderSpace(
  templates: Record<string, string>,
  space: string,
): Record<string, string>;
export function writeSpaceFolder(
  outFolder: string,
  files: Record<string, string>,
): Promise<void>;
