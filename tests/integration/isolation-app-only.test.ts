import { vi } from "vitest";
import { isolationSuite } from "./isolation/suite";

// The request each case sends (Host, cookie, forged headers): see isolation/matrix.ts.
vi.mock("next/headers", async () => (await import("../support/next-mocks")).isolationHeaders());
// Emails queued by allowed calls stay in the outbox; nothing runs after a response here.
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

isolationSuite("app checks only");
