import { brand } from "@/brand.config";
import { isValidExportLink } from "@/lib/account/export/link";
import { readExport } from "@/lib/account/export/store";
import { getCurrentSession } from "@/lib/auth/current-session";
import { databaseUnavailableResponse } from "@/lib/db/unavailable";

export const dynamic = "force-dynamic";

const notFound = () =>
  Response.json({ error: "This link is not valid or has expired." }, { status: 404 });

/**
 * GET → the stored export, through the link emailed when it was ready: only for the user
 * it was made for, signed in, while the link is valid (24 hours).
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    return await download(request, await context.params);
  } catch (error) {
    const unavailable = databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}

async function download(request: Request, { id }: { id: string }): Promise<Response> {
  const session = await getCurrentSession();
  if (!session) {
    return Response.json(
      { error: "Sign in to download your data, then open the link again." },
      { status: 401 },
    );
  }
  const query = new URL(request.url).searchParams;
  if (!isValidExportLink(id, session.user.id, query)) return notFound();
  const stored = await readExport(id, session.user.id);
  if (!stored) return notFound();
  const date = stored.createdAt.toISOString().slice(0, 10);
  return new Response(JSON.stringify(stored.data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${brand.fileSlug}-data-${date}.json"`,
      "cache-control": "no-store",
    },
  });
}
