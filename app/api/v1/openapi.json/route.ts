import { openApiDocument } from "@/lib/api/openapi/document";

// Built from the schemas at build time; the same for every caller, so caches may keep it.
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument(), {
    headers: {
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300, s-maxage=3600",
    },
  });
}
