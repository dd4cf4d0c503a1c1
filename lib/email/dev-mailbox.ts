import "server-only";

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import type { EmailMessage, SendResult } from "./message";
import { logger } from "@/lib/observability/logger";

export type DevMailboxMessage = EmailMessage & { from: string; createdAt: string };

export function devMailboxDir(): string {
  // The ignore comment keeps the build from tracing the whole project into the server bundle.
  return (
    env.KEEL_MAILBOX_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".keel", "mailbox")
  );
}

// Ids become file names: only a plain token can be one, never a path.
const safeId = /^[A-Za-z0-9_-]{1,128}$/;

// Created exclusively (`wx`): a retry of the same id keeps the first file and logs nothing.
export async function sendToDevMailbox(message: EmailMessage): Promise<SendResult> {
  if (!safeId.test(message.id)) {
    return { ok: false, error: "Message id is not a plain token", retryable: false };
  }
  const dir = devMailboxDir();
  const stored: DevMailboxMessage = {
    ...message,
    from: env.emailFrom,
    createdAt: new Date().toISOString(),
  };
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${message.id}.json`), JSON.stringify(stored, null, 2), {
      flag: "wx",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { ok: true };
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { ok: false, error: `Could not write to the dev mailbox (${code})`, retryable: true };
  }
  logger.info(
    `✉ to=${message.to} subject=${JSON.stringify(message.subject)} → ${env.appUrl}/dev/mailbox`,
  );
  return { ok: true };
}

function isDevMailboxMessage(value: unknown): value is DevMailboxMessage {
  if (typeof value !== "object" || value === null) return false;
  const fields = ["id", "to", "from", "subject", "html", "text", "createdAt"] as const;
  return fields.every((field) => typeof (value as Record<string, unknown>)[field] === "string");
}

export async function listDevMailbox(): Promise<DevMailboxMessage[]> {
  const dir = devMailboxDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const messages = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => {
        try {
          const parsed: unknown = JSON.parse(await readFile(path.join(dir, name), "utf8"));
          return isDevMailboxMessage(parsed) ? parsed : undefined;
        } catch {
          // A file being written right now, or one edited by hand.
          return undefined;
        }
      }),
  );
  return messages
    .filter((message): message is DevMailboxMessage => message !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
