import "server-only";

import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

async function messageFileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function readMessage(file: string): Promise<DevMailboxMessage | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    return isDevMailboxMessage(parsed) ? parsed : undefined;
  } catch {
    // A file being written right now, or one edited by hand.
    return undefined;
  }
}

/** Every message, newest first. */
export async function listDevMailbox(): Promise<DevMailboxMessage[]> {
  const dir = devMailboxDir();
  const messages = await Promise.all(
    (await messageFileNames(dir)).map((name) => readMessage(path.join(dir, name))),
  );
  return messages
    .filter((message): message is DevMailboxMessage => message !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

export const DEV_MAILBOX_PAGE_SIZE = 20;

/** A message as the list shows it: the HTML body is only read to preview one message. */
export type DevMailboxListing = Omit<DevMailboxMessage, "html">;

export type DevMailboxPage = {
  messages: DevMailboxListing[];
  /** Clamped to the pages there are (1 when the mailbox is empty). */
  page: number;
  pageCount: number;
  total: number;
};

/**
 * One page of the mailbox, newest first, optionally only the messages to `to`. Reading the
 * files is cheap; what made a long mailbox slow was rendering every message's HTML at once.
 */
export async function readDevMailboxPage({
  page = 1,
  to,
  pageSize = DEV_MAILBOX_PAGE_SIZE,
}: { page?: number; to?: string; pageSize?: number } = {}): Promise<DevMailboxPage> {
  const wanted = to?.toLowerCase();
  const all = (await listDevMailbox()).filter(
    (message) => wanted === undefined || message.to.toLowerCase() === wanted,
  );
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const messages = all
    .slice((current - 1) * pageSize, current * pageSize)
    .map(({ html: _html, ...listing }) => listing);
  return { messages, page: current, pageCount, total: all.length };
}

/** One message with its HTML body, for its preview; undefined for an unknown or unsafe id. */
export async function readDevMailboxMessage(id: string): Promise<DevMailboxMessage | undefined> {
  if (!safeId.test(id)) return undefined;
  const message = await readMessage(path.join(devMailboxDir(), `${id}.json`));
  return message?.id === id ? message : undefined;
}

/** Deletes every message (only the mailbox's own files); returns how many. */
export async function clearDevMailbox(): Promise<number> {
  const dir = devMailboxDir();
  const names = await messageFileNames(dir);
  await Promise.all(names.map((name) => rm(path.join(dir, name), { force: true })));
  return names.length;
}
