import { preflight } from "@/lib/api/v1/cors";
import { apiRoute, json } from "@/lib/api/v1/handler";

export const GET = apiRoute("organization:read", async ({ caller }) =>
  json({ ...caller.organization, plan: caller.plan.id }),
);

export const OPTIONS = preflight;

export const dynamic = "force-dynamic";
