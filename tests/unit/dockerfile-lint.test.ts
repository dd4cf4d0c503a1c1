import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintDockerfile } from "@/scripts/lib/dockerfile-lint";
import { runnerCopies } from "@/scripts/lib/standalone-layout";

const root = path.resolve(import.meta.dirname, "../..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const messages = (source: string) => lintDockerfile(source).map((p) => p.message);

describe("Dockerfile lint", () => {
  it("finds no problem in the repository's Dockerfile", () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it("reports an instruction Docker would refuse", () => {
    const broken = dockerfile.replace("EXPOSE 3000", "EXPOSE 3000/sctpx");
    expect(messages(broken).join("\n")).toMatch(/Invalid proto: sctpx/);
    const oneArgument = dockerfile.replace("prisma ./prisma", "prisma");
    expect(messages(oneArgument)).toContain("COPY requires at least two arguments");
    // A warning in Docker's eyes, an error here: a relative WORKDIR depends on the base image.
    expect(messages(dockerfile.replace("WORKDIR /app", "WORKDIR app"))).toContain(
      "WORKDIR paths should be absolute",
    );
  });

  it("refuses a runtime image that runs as root", () => {
    const asRoot = dockerfile.replace(/(FROM base AS runner[\s\S]*)USER node\n/, "$1USER root\n");
    expect(asRoot).not.toBe(dockerfile);
    expect(messages(asRoot)).toContain("the final stage must run as an unprivileged USER");
  });

  it("refuses a runtime image without a health check", () => {
    const unchecked = dockerfile.replace(/HEALTHCHECK [\s\S]*?\n(?=CMD)/, "");
    expect(unchecked).not.toBe(dockerfile);
    expect(messages(unchecked)).toContain("the final stage must declare a HEALTHCHECK");
  });

  it("refuses a server that migrates on start", () => {
    const migrating = dockerfile.replace(
      'CMD ["node", "server.js"]',
      'CMD ["sh", "-c", "npx prisma migrate deploy && node server.js"]',
    );
    expect(migrating).not.toBe(dockerfile);
    expect(messages(migrating)).toContain(
      "the server must not migrate on start: migrations are a separate run",
    );
  });
});

describe("the runtime image's files", () => {
  it("are the standalone server, its static files and public/, copied where Next.js reads them", () => {
    expect(
      runnerCopies(dockerfile).map(({ source, destination }) => [source, destination]),
    ).toEqual([
      ["/app/.next/standalone", "./"],
      ["/app/.next/static", "./.next/static"],
      ["/app/public", "./public"],
    ]);
  });

  it("come only from the build stage", () => {
    const stray = dockerfile.replace(
      "COPY --from=build --chown=node:node /app/public",
      "COPY public",
    );
    expect(() => runnerCopies(stray)).toThrow(/COPY --from=build/);
  });
});
