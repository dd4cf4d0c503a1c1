import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The development hand-off: a session on localhost carried to an organization's
 * *.localhost host with a one-time, one-minute token.
 */

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));

async function load() {
  const [{ db }, store, handoff, start, accept] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/session-store"),
    import("@/lib/auth/flows/handoff"),
    import("@/app/api/account/handoff/route"),
    import("@/app/api/account/handoff/accept/route"),
  ]);
  return { db, ...store, ...handoff, start, accept };
}
let app: Awaited<ReturnType<typeof load>>;
let userId: string;

beforeAll(async () => {
  app = await load();
  const user = await app.db.user.create({ data: { email: `handoff-${Date.now()}@example.test` } });
  userId = user.id;
});

afterAll(async () => {
  await app.db.$disconnect();
});

async function signedIn() {
  const session = await app.createSession(app.db, { userId });
  jar.clear();
  jar.set("keel.session", session.token);
  return session;
}

describe("session hand-off to organization subdomains (development)", () => {
  it("is needed on localhost, where browsers refuse a shared cookie", () => {
    expect(app.sessionHandoffNeeded()).toBe(true);
  });

  it("carries the session to the subdomain once, as a new session of its own", async () => {
    const original = await signedIn();
    const response = await app.start.GET(
      new Request(
        "http://localhost:3000/api/account/handoff?to=http://acme.localhost:3000/projects?page=2",
      ),
    );
    expect(response.status).toBe(303);
    const acceptUrl = new URL(response.headers.get("location")!);
    expect(acceptUrl.host).toBe("acme.localhost:3000");
    expect(acceptUrl.searchParams.get("next")).toBe("/projects?page=2");

    jar.clear();
    const accepted = await app.accept.GET(
      new Request(`http://localhost:3000${acceptUrl.pathname}${acceptUrl.search}`, {
        headers: { host: "acme.localhost:3000" },
      }),
    );
    expect(accepted.headers.get("location")).toBe("http://acme.localhost:3000/projects?page=2");
    const carried = jar.get("keel.session");
    expect(carried).toBeTruthy();
    expect(carried).not.toBe(original.token);
    expect((await app.readSession(app.db, carried!))?.user.id).toBe(userId);

    // The token is spent: a replay of the link signs nobody in.
    jar.clear();
    const replay = await app.accept.GET(
      new Request(`http://localhost:3000${acceptUrl.pathname}${acceptUrl.search}`, {
        headers: { host: "acme.localhost:3000" },
      }),
    );
    expect(replay.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=/);
    expect(jar.has("keel.session")).toBe(false);
  });

  it("expires after a minute", async () => {
    await signedIn();
    const target = app.handoffTarget("http://acme.localhost:3000/")!;
    const accept = await app.createHandoff({ userId, email: "x@example.test", target });
    const token = accept.searchParams.get("token")!;
    const later = new Date(Date.now() + 61_000);
    expect(
      await app.acceptHandoff(token, { ipAddress: null, userAgent: null, now: later }),
    ).toBeNull();
  });

  it("refuses targets that are not ours", async () => {
    await signedIn();
    for (const to of [
      "https://evil.example/",
      "http://localhost.evil.example:3000/",
      "javascript:alert(1)",
      "",
    ]) {
      const response = await app.start.GET(
        new Request(`http://localhost:3000/api/account/handoff?to=${encodeURIComponent(to)}`),
      );
      expect(response.status).toBe(400);
    }
  });

  it("keeps the user on the subdomain: `next` cannot point elsewhere", async () => {
    await signedIn();
    const target = app.handoffTarget("http://acme.localhost:3000/")!;
    const accept = await app.createHandoff({ userId, email: "x@example.test", target });
    accept.searchParams.set("next", "//evil.example/");
    const response = await app.accept.GET(
      new Request(`http://localhost:3000${accept.pathname}${accept.search}`, {
        headers: { host: "acme.localhost:3000" },
      }),
    );
    expect(response.headers.get("location")).toBe("http://acme.localhost:3000/");
  });

  // Browsers drop tabs and newlines from URLs: "/\t/evil.example/" would become
  // "//evil.example/", another site.
  it.each(["/\t/evil.example/", "/\n/evil.example/", "/\r\n/evil.example/", "/\\evil.example/"])(
    "keeps the user on the subdomain when `next` is %j",
    async (next) => {
      await signedIn();
      const target = app.handoffTarget("http://acme.localhost:3000/")!;
      const accept = await app.createHandoff({ userId, email: "x@example.test", target });
      accept.searchParams.set("next", next);
      const response = await app.accept.GET(
        new Request(`http://localhost:3000${accept.pathname}${accept.search}`, {
          headers: { host: "acme.localhost:3000" },
        }),
      );
      const location = new URL(response.headers.get("location")!);
      expect(location.host).toBe("acme.localhost:3000");
      expect(location.href).toBe("http://acme.localhost:3000/");
    },
  );

  it("mints nothing for Next's own RSC request that follows a server action's redirect", async () => {
    await signedIn();
    const tokens = await app.db.authToken.count({ where: { userId } });
    const response = await app.start.GET(
      new Request("http://localhost:3000/api/account/handoff?to=http://acme.localhost:3000/", {
        headers: { rsc: "1" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("content-type") ?? "").not.toContain("text/x-component");
    expect(await app.db.authToken.count({ where: { userId } })).toBe(tokens);
  });

  it("sends a signed-out visitor straight to the target", async () => {
    jar.clear();
    const response = await app.start.GET(
      new Request("http://localhost:3000/api/account/handoff?to=http://acme.localhost:3000/"),
    );
    expect(response.headers.get("location")).toBe("http://acme.localhost:3000/");
  });
});
