import type * as NextServer from "next/server";
import { vi } from "vitest";
import { isolationSuite } from "./isolation/suite";

// The request each case sends (Host, cookie, forged headers): see isolation/matrix.ts.
vi.mock("next/headers", async () => {
  const { fakeRequest } = await import("./isolation/request");
  return {
    headers: async () => fakeRequest.headers,
    cookies: async () => ({
      get: (name: string) =>
        name === "keel.session" && fakeRequest.cookie
          ? { name, value: fakeRequest.cookie }
          : undefined,
      set: () => undefined,
    }),
  };
});
// Emails queued by allowed calls stay in the outbox; nothing runs after a response here.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: () => undefined,
}));

isolationSuite("without the proxy");
