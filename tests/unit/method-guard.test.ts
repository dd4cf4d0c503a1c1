import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseUnsupportedMethods } from "@/lib/http/method-guard";

/** The guard on a real Node HTTP server, the way `next start` serves requests. */

let server: http.Server;
let port = 0;

beforeAll(async () => {
  refuseUnsupportedMethods();
  server = http.createServer((_request, response) => response.end("reached the app"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: "/" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

describe("refuseUnsupportedMethods", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL"])("answers %s with 405 before the app", async (method) => {
    const response = await send(method);
    expect(response.status).toBe(405);
    expect(response.allow).toContain("GET");
    expect(response.body).not.toContain("reached the app");
  });

  it("lets the app's methods through", async () => {
    for (const method of ["GET", "POST", "DELETE", "OPTIONS"]) {
      expect((await send(method)).body, method).toBe("reached the app");
    }
  });
});
