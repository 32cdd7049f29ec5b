// The command-line side of a deploy command: the connection options, the
// two services built from them, and output that passes through the
// connection's redactor.
import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "./apply.ts";
import {
  CONNECTION_ENV,
  describeConnection,
  resolveConnection,
  type Connection,
  type ConnectionFlags,
} from "./connection.ts";
import { createElasticsearchApi } from "./elasticsearch.ts";
import { createKibanaApi } from "./kibana.ts";
import type { Redactor } from "./redact.ts";

const env = (key: keyof ConnectionFlags) => `(env ${CONNECTION_ENV[key]})`;

/** Declares the connection options that every deploy command takes. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option("--es-url <url>", `Elasticsearch URL ${env("esUrl")}`)
    .option("--kibana-url <url>", `Kibana URL ${env("kibanaUrl")}`)
    .option(
      "--cloud-id <id>",
      `Elastic Cloud deployment id; sets both URLs unless given ${env("cloudId")}`,
    )
    .option(
      "--api-key <key>",
      `API key, Base64 or id:key; preferred over a password ${env("apiKey")}`,
    )
    .option(
      "--username <name>",
      `user for basic authentication ${env("username")}`,
    )
    .option(
      "--password <password>",
      `password of --username ${env("password")}`,
    )
    .option(
      "--ca-cert <file>",
      `PEM file of the CA that signed the cluster's certificates ${env("caCert")}`,
    );
}

export interface Session {
  connection: Connection;
  services: Services;
  logger: Logger;
  output(value: unknown, lines: string[]): void;
  close(): Promise<void>;
}

/**
 * Opens the connections of a deploy command. `openValues` are the other
 * values the user passed (space id, bundle path), which output keeps
 * readable even when a secret equals one of them.
 */
export function openSession(
  flags: ConnectionFlags,
  context: CommandContext,
  openValues: (string | undefined)[] = [],
): Session {
  const connection = resolveConnection(
    flags,
    process.env,
    openValues.filter((value): value is string => value !== undefined),
  );
  const redact = connection.redact;
  const logger = redactLogger(context.logger(), redact);
  const debug = context.debug
    ? (line: string) => process.stderr.write(`debug: ${redact(line)}\n`)
    : undefined;
  debug?.(describeConnection(connection));
  const services: Services = {
    Elasticsearch: createElasticsearchApi(connection, debug),
    Kibana: createKibanaApi(connection, debug),
  };
  return {
    connection,
    services,
    logger,
    output: (value, lines) =>
      context.output(
        JSON.parse(redact(JSON.stringify(value ?? null))),
        lines.map(redact),
      ),
    close: async () => {
      await services.Elasticsearch.close();
      await services.Kibana.close();
    },
  };
}

function redactLogger(logger: Logger, redact: Redactor): Logger {
  return {
    headline: (text) => logger.headline(redact(text)),
    step: (text) => logger.step(redact(text)),
    warn: (text) => logger.warn(redact(text)),
    summary: (lines) => logger.summary(lines.map(redact)),
  };
}

/**
 * Runs a deploy command and closes its connections. An unexpected error is
 * re-raised with its message and stack redacted, since a bug report prints them.
 */
export async function withSession<T>(
  session: Session,
  run: (session: Session) => Promise<T>,
): Promise<T> {
  try {
    return await run(session);
  } catch (error) {
    if (error instanceof UserError || !(error instanceof Error)) throw error;
    const redacted = new Error(session.connection.redact(error.message));
    redacted.stack = session.connection.redact(error.stack ?? "");
    throw redacted;
  } finally {
    await session.close();
  }
}
