import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "@/lib/env/schema";

/**
 * compose.yaml without Docker: the services and their order of start, and the app's
 * environment, interpolated from a .env as Compose would, passing the production checks.
 */

const root = path.resolve(import.meta.dirname, "../..");
const compose = parse(readFileSync(path.join(root, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");

type Service = {
  image?: string;
  build?: { target?: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
};

// What a self-hoster's .env beside compose.yaml holds.
const dotEnv: Record<string, string> = {
  POSTGRES_PASSWORD: "a-long-database-password",
  AUTH_SECRET: "bm90LWEtcmVhbC1zZWNyZXQtYnV0LWxvbmctZW5vdWdo",
  CRON_SECRET: "0123456789abcdef0123",
  RESEND_API_KEY: "re_123456789",
  EMAIL_FROM: "Keel <hello@mail.example.com>",
  UPSTASH_REDIS_REST_TOKEN: "0123456789abcdef0123",
};

/** ${NAME}, ${NAME:-default} and ${NAME:?error} as Compose interpolates them. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op, arg: string) => {
    const set = vars[name];
    if (set) return set;
    if (op === "?") throw new Error(`${name}: ${arg}`);
    return op === "-" ? arg : "";
  });
}

const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};
const appEnv = (vars: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(service("app").environment ?? {}).map(([k, v]) => [k, interpolate(v, vars)]),
  );

describe("compose.yaml", () => {
  it("runs the app with PostgreSQL, Redis behind Upstash's REST API, and a migration", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["app", "migrate", "postgres", "redis", "redis-rest"].sort(),
    );
  });

  it("starts the app only after the migration has succeeded and the REST API is healthy", () => {
    expect(service("app").depends_on).toEqual({
      migrate: { condition: "service_completed_successfully" },
      "redis-rest": { condition: "service_healthy" },
    });
    expect(service("migrate").depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    expect(service("redis-rest").depends_on).toEqual({ redis: { condition: "service_healthy" } });
    for (const name of ["postgres", "redis", "redis-rest"]) {
      expect(service(name).healthcheck?.test.length, name).toBeGreaterThan(1);
    }
  });

  it("builds Dockerfile targets that exist, migrating with the tools image's command", () => {
    for (const name of ["app", "migrate", "redis-rest"]) {
      const target = service(name).build?.target;
      expect(dockerfile, `${name}: target ${target}`).toMatch(
        new RegExp(`^FROM \\S+ AS ${target}$`, "m"),
      );
    }
    expect(service("app").build?.target).toBe("runner");
    expect(service("migrate").build?.target).toBe("tools");
    expect(service("migrate").command).toBeUndefined();
    expect(dockerfile).toMatch(/FROM deps AS tools\n[\s\S]*?CMD \["npm", "run", "db:migrate"\]/);
  });

  it("gives the app an environment that passes the production checks, with shared rate limits", () => {
    const env = parseEnv({ ...appEnv(dotEnv), NODE_ENV: "production" });
    expect(env.isProduction).toBe(true);
    expect(env.rateLimitStore).toBe("upstash");
    expect(env.DATABASE_URL).toBe(
      `postgresql://postgres:${dotEnv.POSTGRES_PASSWORD}@postgres:5432/keel`,
    );
  });

  it("refuses to start without each secret instead of starting with a blank one", () => {
    for (const name of ["AUTH_SECRET", "CRON_SECRET", "RESEND_API_KEY", "EMAIL_FROM"]) {
      const { [name]: _, ...rest } = dotEnv;
      expect(() => appEnv(rest), name).toThrow(new RegExp(`^${name}: set ${name}`));
    }
  });

  it("uses images pinned to a major version", () => {
    for (const [name, { image, build }] of Object.entries(compose.services)) {
      if (build) continue;
      expect(image, name).toMatch(/^[\w./-]+:\d+/);
    }
  });
});
