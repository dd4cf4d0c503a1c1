import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { contextFields } from "./context";
import { prettyLine } from "./pretty";
import { redact, redactString } from "./redact";

type Sink = (line: string) => void;

const defaultSink: Sink =
  env.NODE_ENV === "production"
    ? (line) => process.stdout.write(line)
    : env.NODE_ENV === "development"
      ? (line) => process.stdout.write(prettyLine(line))
      : () => undefined;

// On globalThis: a test that re-imports the app's modules still captures their lines.
const globalForLogs = globalThis as unknown as { keelLogCapture?: Sink | null };

export function setLogSink(capture: Sink): () => void {
  globalForLogs.keelLogCapture = capture;
  return () => {
    globalForLogs.keelLogCapture = null;
  };
}

export const logger: Logger = pino(
  {
    level: env.LOG_LEVEL,
    base: undefined,
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => contextFields(),
    serializers: { err: (value: unknown) => value },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redact(object) as Record<string, unknown>,
    },
    hooks: {
      // The message itself may quote a link or a key.
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg));
        return method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  },
  { write: (line: string) => (globalForLogs.keelLogCapture ?? defaultSink)(line) },
);

export function logError(message: string, error?: unknown): void {
  logger.error(error === undefined ? {} : { err: error }, message);
}
