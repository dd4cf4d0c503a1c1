import type * as NextServer from "next/server";
import { fakeRequest } from "../integration/isolation/request";
import { tenantRequest } from "./tenant-request";

/**
 * Stand-ins for the Next.js request APIs, for integration tests that call actions, route
 * handlers and server code directly. A test file mocks the modules with them:
 *
 *   vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
 *   vi.mock("next/server", async (original) =>
 *     (await import("../support/next-mocks")).withoutAfter(original));
 */

type RequestSource = { headers: Headers; cookie: string | undefined };

/**
 * `next/headers` answering with what the test put in `source` (Host, forged headers, the
 * session cookie) before each call. The cookie is read when a call starts, so overlapping
 * calls keep their own caller.
 */
function headersFrom(source: RequestSource) {
  return {
    headers: async () => source.headers,
    cookies: () => {
      const cookie = source.cookie;
      return Promise.resolve({
        get: (name: string) =>
          name === "keel.session" && cookie ? { name, value: cookie } : undefined,
        set: () => undefined,
      });
    },
  };
}

/** The request `callAs` (tenant-request.ts) sets up. */
export const tenantHeaders = () => headersFrom(tenantRequest);

/** The request each isolation-matrix case sends (isolation/matrix.ts). */
export const isolationHeaders = () => headersFrom(fakeRequest);

/**
 * `next/server` without `after()`: nothing runs after a response in these tests, so
 * emails queued by a call stay in the outbox, where tests count them.
 */
export async function withoutAfter(importOriginal: <T>() => Promise<T>) {
  return { ...(await importOriginal<typeof NextServer>()), after: () => undefined };
}
