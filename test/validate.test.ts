import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { FileTree } from "../scripts/load/read-bundle.ts";
import { errorsOf, validateFiles } from "../scripts/validate/index.ts";
import { assembleTestBundle, editJson } from "./helpers/bundle.ts";
import { runCli } from "./helpers/cli.ts";
import { writeTree } from "./helpers/files.ts";
import { tempDir } from "./helpers/temp.ts";

const TRANSFORM = "secops/ml_beaconing_pivot_transform.json";
const DASHBOARDS = "secops/ml_beaconing_dashboards.ndjson";
const TEMPLATE = "secops/ml_beaconing_index_template.json";

let bundle: FileTree;
beforeAll(() => {
  bundle = assembleTestBundle();
});

const codes = (files: FileTree) =>
  errorsOf(validateFiles(files)).map((problem) => problem.code);

function ndjsonObjects(files: FileTree, file: string): Record<string, any>[] {
  return (files[file] as string)
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
}

function withObjects(
  files: FileTree,
  file: string,
  objects: unknown[],
): FileTree {
  return {
    ...files,
    [file]: objects.map((object) => `${JSON.stringify(object)}\n`).join(""),
  };
}

describe("validateFiles", () => {
  test("built bundle has no errors or warnings", () => {
    expect(validateFiles(bundle)).toEqual([]);
  });

  test("dangling saved-object reference", () => {
    const objects = ndjsonObjects(bundle, DASHBOARDS);
    const last = objects.at(-1) as Record<string, any>;
    last.references = [
      ...(last.references ?? []),
      { type: "index-pattern", id: "missing-view", name: "x" },
    ];
    const problems = errorsOf(
      validateFiles(withObjects(bundle, DASHBOARDS, objects)),
    );
    const dangling = problems.find(
      (problem) => problem.code === "saved-object-ref-dangling",
    );
    expect(dangling?.file).toBe(DASHBOARDS);
    expect(dangling?.location).toMatch(
      new RegExp(`^line ${objects.length} /references/\\d+$`),
    );
    expect(dangling?.message).toContain("missing-view");
  });

  test("dangling reference inside a JSON-in-JSON string", () => {
    const objects = ndjsonObjects(bundle, DASHBOARDS);
    const view = objects[0] as Record<string, any>;
    view.attributes.fieldFormatMap = "{}";
    view.attributes.panelsJSON = JSON.stringify([
      { panelRefName: "panel_missing" },
    ]);
    const problems = errorsOf(
      validateFiles(withObjects(bundle, DASHBOARDS, objects)),
    );
    const missing = problems.find(
      (problem) => problem.code === "saved-object-ref-name-missing",
    );
    expect(missing?.location).toBe(
      "line 1 /attributes/panelsJSON/0/panelRefName",
    );
  });

  test("pretty-printed NDJSON", () => {
    const [first] = ndjsonObjects(bundle, DASHBOARDS);
    const problems = errorsOf(
      validateFiles({
        ...bundle,
        [DASHBOARDS]: `${JSON.stringify(first, null, 2)}\n`,
      }),
    );
    const line = problems.find(
      (problem) => problem.code === "ndjson-line-not-json",
    );
    expect(line?.file).toBe(DASHBOARDS);
    expect(line?.location).toMatch(/^lines 1-\d+$/);
    expect(
      problems.filter((p) => p.code === "ndjson-line-not-json"),
    ).toHaveLength(1);
    expect(problems.map((p) => p.code)).not.toContain(
      "saved-object-ref-dangling",
    );
  });

  test("NDJSON with a BOM and CRLF line ends", () => {
    const text = (bundle[DASHBOARDS] as string).replace(/\n/g, "\r\n");
    expect(codes({ ...bundle, [DASHBOARDS]: `\uFEFF${text}` })).toEqual(
      expect.arrayContaining(["ndjson-bom", "ndjson-crlf"]),
    );
  });

  test("query window disagrees with the parameters", () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      transform.pivot.aggregations.beacon_stats.scripted_metric.params.number_buckets_in_range = 300;
    });
    const problems = errorsOf(validateFiles(files));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe("transform-window-mismatch");
    expect(problems[0]?.location).toBe(
      "/source/query/bool/filter/0/range/@timestamp/gte",
    );
    expect(problems[0]?.message).toContain("300 x 60 = 18000 s");
  });

  test("unknown transform field", () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      transform.pivot.group_by_typo = {};
    });
    const [problem] = errorsOf(validateFiles(files));
    expect(problem?.code).toBe("schema-additionalProperties");
    expect(problem?.location).toBe("/pivot");
    expect(problem?.message).toContain("group_by_typo");
  });

  test("transform references a stored script the bundle lacks", () => {
    const files = { ...bundle };
    delete files["secops/ml_beaconing_map_script.json"];
    expect(codes(files)).toContain("transform-script-missing");
  });

  test("transform pipeline missing from the folder", () => {
    const files = { ...bundle };
    delete files["secops/ml_beaconing_ingest_pipeline.json"];
    expect(codes(files)).toContain("transform-pipeline-missing");
  });

  test("template misses a field the transform writes", () => {
    const files = editJson(bundle, TEMPLATE, (template) => {
      delete template.template.mappings.properties.beacon_stats.properties
        .periodic;
    });
    const problems = errorsOf(validateFiles(files));
    expect(problems.map((p) => p.message)).toContain(
      "the transform writes 'beacon_stats.periodic', which the template does not map",
    );
  });

  test("template maps a flag with the wrong type", () => {
    const files = editJson(bundle, TEMPLATE, (template) => {
      template.template.mappings.properties.beacon_stats.properties.is_beaconing.type =
        "keyword";
    });
    expect(codes(files)).toEqual(["template-field-type"]);
  });

  test("template pattern misses the destination index", () => {
    const files = editJson(bundle, TEMPLATE, (template) => {
      template.index_patterns = ["beaconing-*"];
    });
    expect(codes(files)).toEqual(["template-pattern-mismatch"]);
  });

  test("migration version newer than the oldest Kibana", () => {
    const objects = ndjsonObjects(bundle, DASHBOARDS);
    (objects[0] as Record<string, any>).coreMigrationVersion = "9.1.0";
    const problems = errorsOf(
      validateFiles(withObjects(bundle, DASHBOARDS, objects)),
    );
    expect(problems.map((p) => [p.code, p.location])).toEqual([
      ["saved-object-migration-too-new", "line 1 /coreMigrationVersion"],
    ]);
  });

  test("hand edit gives warnings only", () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      transform.description = "edited";
    });
    const problems = validateFiles(files);
    expect(errorsOf(problems)).toEqual([]);
    expect(problems.map((p) => p.code).sort()).toEqual([
      "manifest-checksum-mismatch",
      "space-console-stale",
    ]);
  });

  test("single transform file checks its window", () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      transform.source.query.bool.filter[0].range["@timestamp"].gte = "now-12h";
    });
    const single = {
      "ml_beaconing_pivot_transform.json": files[TRANSFORM] as string,
    };
    expect(codes(single)).toEqual(["transform-window-mismatch"]);
  });
});

describe("validate command", () => {
  const work = tempDir();

  async function validateFolder(name: string, files: FileTree) {
    const folder = path.join(work, name);
    writeTree(folder, files);
    return runCli(["validate", folder]);
  }

  test("exits 0 on the built bundle", async () => {
    const result = await validateFolder("valid", bundle);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 errors");
  });

  test("exits 1 naming file and pointer on a schema violation", async () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      transform.frequency_typo = "1h";
    });
    const result = await validateFolder("schema", files);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${TRANSFORM} /: unknown property 'frequency_typo'`,
    );
    expect(result.stderr).toMatch(/found 1 validation error and 1 warning:/);
  });

  test("exits 1 naming the line of a pretty-printed NDJSON", async () => {
    const [first] = ndjsonObjects(bundle, DASHBOARDS);
    const result = await validateFolder("pretty", {
      ...bundle,
      [DASHBOARDS]: JSON.stringify(first, null, 2),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${DASHBOARDS} lines 1-`);
  });
});

describe("validateFiles on templates", () => {
  test("unknown placeholder names the template", () => {
    const file = "templates/ml_beaconing_pivot_transform.json";
    const files = {
      ...bundle,
      [file]: (bundle[file] as string).replace(
        "{{dest_index}}",
        "{{dest_idx}}",
      ),
    };
    const problems = errorsOf(validateFiles(files));
    expect(problems.map((p) => [p.code, p.file])).toContainEqual([
      "template-render-failed",
      file,
    ]);
  });

  test("schema violation in a template is reported at its path", () => {
    const files = editJson(
      bundle,
      "templates/ml_beaconing_pivot_transform.json",
      (transform) => {
        transform.unknown_key = true;
      },
    );
    const problems = errorsOf(validateFiles(files));
    expect(problems.map((p) => [p.code, p.file])).toContainEqual([
      "schema-additionalProperties",
      "templates/ml_beaconing_pivot_transform.json",
    ]);
  });
});

describe("validateFiles inputs", () => {
  const only = (file: string, text: string) => ({ [file]: text });

  test("tree without artifacts is an error", () => {
    expect(codes({ "notes.txt": "x", "a/b.md": "y" })).toEqual([
      "no-artifacts",
    ]);
  });

  test("single file with an unknown name", () => {
    const [problem] = errorsOf(validateFiles(only("my_transform.json", "{")));
    expect(problem?.code).toBe("file-kind-unknown");
    expect(problem?.fix).toContain("ml_beaconing_pivot_transform.json");
  });

  test("invalid JSON names line and column", () => {
    const text = '{\n  "script": {\n    "lang": "painless",,\n  }\n}\n';
    const [problem] = errorsOf(
      validateFiles(only("ml_beaconing_map_script.json", text)),
    );
    expect(problem?.code).toBe("json-invalid");
    expect(problem?.location).toBe("line 3 column 24");
  });

  test("JSON with a BOM", () => {
    const text = `\uFEFF${bundle["secops/ml_beaconing_map_script.json"]}`;
    expect(codes(only("ml_beaconing_map_script.json", text))).toEqual([
      "json-bom",
    ]);
  });

  test("manifest alone has no file errors", () => {
    expect(
      codes(only("manifest.json", bundle["manifest.json"] as string)),
    ).toEqual([]);
  });

  test("templates folder on its own", () => {
    const templates: FileTree = {};
    for (const [file, text] of Object.entries(bundle)) {
      if (file.startsWith("templates/"))
        templates[file.slice("templates/".length)] = text;
    }
    expect(validateFiles(templates)).toEqual([]);
  });
});

describe("validateFiles space folders", () => {
  test("missing files are named", () => {
    const files = { ...bundle };
    delete files["secops/ml/ml_beaconing_rare_process_job.json"];
    delete files["secops/console.txt"];
    const missing = errorsOf(validateFiles(files))
      .filter((p) => p.code === "space-file-missing")
      .map((p) => p.file);
    expect(missing.sort()).toEqual([
      "secops/console.txt",
      "secops/ml/ml_beaconing_rare_process_job.json",
    ]);
  });

  test("default folder copied over secops", () => {
    const files = { ...bundle };
    for (const [file, text] of Object.entries(bundle)) {
      if (file.startsWith("default/"))
        files[`secops/${file.slice("default/".length)}`] = text;
    }
    const problems = errorsOf(validateFiles(files));
    const byCode = (code: string) =>
      problems.filter((p) => p.code === code).map((p) => p.file);
    expect(byCode("space-dest-index-mismatch")).toEqual([TRANSFORM]);
    expect(byCode("space-datafeed-mismatch")).toEqual([
      "secops/ml/ml_beaconing_rare_process_datafeed.json",
      "secops/ml/ml_beaconing_rare_process_datafeed.json",
    ]);
    const ids = byCode("space-saved-object-id-mismatch");
    expect(ids.length).toBe(ndjsonObjects(bundle, DASHBOARDS).length);
  });

  test("stale console.txt is a warning", () => {
    const files = { ...bundle, "secops/console.txt": "" };
    const problems = validateFiles(files).filter(
      (p) => p.code === "space-console-stale",
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe("warning");
  });
});

describe("validateFiles parameters", () => {
  test("init script rejects a 12 h window at P 6", () => {
    const files = editJson(bundle, TRANSFORM, (transform) => {
      const params =
        transform.pivot.aggregations.beacon_stats.scripted_metric.params;
      params.number_buckets_in_range = 720;
      transform.source.query.bool.filter[0].range["@timestamp"].gte =
        "now-43200s";
    });
    const problems = errorsOf(validateFiles(files)).filter(
      (p) => p.file === TRANSFORM,
    );
    expect(problems.map((p) => p.code)).toEqual(["transform-params-rejected"]);
    expect(problems[0]?.message).toContain("number_buckets_in_range [720]");
  });
});

describe("validateFiles lone space folder", () => {
  test("stale console.txt warns as in a bundle", () => {
    const folder: FileTree = {};
    for (const [file, text] of Object.entries(bundle)) {
      if (file.startsWith("secops/"))
        folder[file.slice("secops/".length)] = text;
    }
    expect(validateFiles(folder)).toEqual([]);
    const edited = editJson(
      folder,
      "ml_beaconing_pivot_transform.json",
      (transform) => {
        transform.frequency = "2h";
      },
    );
    expect(validateFiles(edited).map((p) => p.code)).toEqual([
      "space-console-stale",
    ]);
  });
});
