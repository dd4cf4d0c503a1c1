import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What Vercel reads at deploy time: a schedule Hobby refuses, or a path or script that does not
// exist, fails the deployment of every fork on that plan (docs/DEPLOY_VERCEL.md).
const root = path.resolve(import.meta.dirname, "../..");
const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as {
  buildCommand?: string;
  crons?: { path: string; schedule: string }[];
};
const scripts = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

describe("vercel.json", () => {
  it("builds with the script that migrates production after the build", () => {
    expect(config.buildCommand).toBe("npm run vercel:build");
    expect(scripts["vercel:build"]).toBe("tsx scripts/vercel-build.ts");
  });

  it("schedules the job queue and billing reconciliation at most once a day (Hobby's limit)", () => {
    const crons = config.crons ?? [];
    expect(crons.map((cron) => cron.path).sort()).toEqual(["/api/cron/billing", "/api/cron/jobs"]);
    for (const { schedule } of crons) {
      const [minute, hour, ...rest] = schedule.split(" ");
      expect(minute, schedule).toMatch(/^\d{1,2}$/);
      expect(hour, schedule).toMatch(/^\d{1,2}$/);
      expect(rest, schedule).toEqual(["*", "*", "*"]);
    }
  });

  it("points every cron at a route that answers GET, the method Vercel Cron sends", () => {
    for (const { path: route } of config.crons ?? []) {
      const file = path.join(root, "app", route, "route.ts");
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/export (const|async function) GET\b/);
    }
  });
});
