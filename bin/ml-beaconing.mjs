#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a clean clone needs no compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli.ts");
process.exitCode = await main(process.argv);
