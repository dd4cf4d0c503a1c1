import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as clearRoute } from "@/app/dev/mailbox/clear/route";
import {
  devMailboxDir,
  readDevMailboxMessage,
  readDevMailboxPage,
  sendToDevMailbox,
} from "@/lib/email/dev-mailbox";
import { env } from "@/lib/env";

// Read when lib/env.ts is first imported: before the imports above run.
vi.hoisted(() => {
  process.env.KEEL_MAILBOX_DIR = `${process.env.TMPDIR ?? "/tmp"}/dev-mailbox-test-${process.pid}`;
});

/**
 * The dev mailbox with a long history: a page of 20 at a time, newest first, only the
 * requested page read into the list (no HTML bodies), and a "Clear mailbox" that only
 * this site can trigger.
 */

const id = (n: number) => `msg_${String(n).padStart(3, "0")}`;

async function fill(count: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    for (let n = 0; n < count; n++) {
      vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 9, 0, n)));
      const result = await sendToDevMailbox({
        id: id(n),
        to: n % 10 === 0 ? "grace@acme.test" : "ada@acme.test",
        subject: `Message ${n}`,
        html: `<p>Body ${n}</p>`,
        text: `Body ${n} http://localhost:3000/x/${n}`,
      });
      expect(result).toEqual({ ok: true });
    }
  } finally {
    vi.useRealTimers();
  }
}

const clearRequest = (headers: Record<string, string>) =>
  new Request(`${env.appUrl}/dev/mailbox/clear`, { method: "POST", headers });

beforeEach(async () => {
  await rm(devMailboxDir(), { recursive: true, force: true });
});
afterAll(async () => {
  await rm(devMailboxDir(), { recursive: true, force: true });
});

describe("dev mailbox with 120 messages", () => {
  it("shows 20 a page, newest first, without the HTML bodies", async () => {
    await fill(120);

    const first = await readDevMailboxPage();
    expect(first).toMatchObject({ page: 1, pageCount: 6, total: 120 });
    expect(first.messages.map((m) => m.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => id(119 - i)),
    );
    expect(first.messages.every((m) => !("html" in m))).toBe(true);

    const last = await readDevMailboxPage({ page: 6 });
    expect(last.messages.map((m) => m.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => id(19 - i)),
    );
    // Past the end, or before the start, the nearest page.
    expect((await readDevMailboxPage({ page: 99 })).page).toBe(6);
    expect((await readDevMailboxPage({ page: 0 })).page).toBe(1);

    // One recipient's messages, case-insensitively.
    const grace = await readDevMailboxPage({ to: "Grace@Acme.test" });
    expect(grace).toMatchObject({ page: 1, pageCount: 1, total: 12 });
    expect(grace.messages[0]?.id).toBe(id(110));
  });

  it("reads one message with its HTML on demand, and nothing outside the mailbox", async () => {
    await fill(3);
    expect(await readDevMailboxMessage(id(1))).toMatchObject({
      id: id(1),
      subject: "Message 1",
      html: "<p>Body 1</p>",
    });
    expect(await readDevMailboxMessage("msg_404")).toBeUndefined();
    expect(await readDevMailboxMessage("../package")).toBeUndefined();
  });
});

describe("Clear mailbox", () => {
  it("empties the mailbox for a same-origin post and refuses other sites", async () => {
    await fill(120);
    // Something else in the folder is left alone.
    await writeFile(path.join(devMailboxDir(), "notes.txt"), "keep me");

    expect((await clearRoute(clearRequest({}))).status).toBe(403);
    expect((await clearRoute(clearRequest({ origin: "https://evil.example" }))).status).toBe(403);
    expect((await readDevMailboxPage()).total).toBe(120);

    const response = await clearRoute(clearRequest({ origin: env.appUrl }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dev/mailbox");
    expect(await readDevMailboxPage()).toMatchObject({ total: 0, page: 1, pageCount: 1 });
    expect(await readdir(devMailboxDir())).toEqual(["notes.txt"]);
  });
});
