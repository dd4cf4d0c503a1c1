import { getCurrentSession } from "@/lib/auth/current-session";
import { exportUserData } from "@/lib/auth/flows/export-data";
import { clientInfoFrom } from "@/lib/http/client-info";

/** GET → "Download my data": everything held about the signed-in user, as a JSON file. */
export async function GET(request: Request) {
  const session = await getCurrentSession();
  if (!session) return Response.json({ error: "Sign in to download your data." }, { status: 401 });
  const data = await exportUserData(session.user.id, clientInfoFrom(request.headers));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keel-data-${date}.json"`,
      "cache-control": "no-store",
    },
  });
}

export const dynamic = "force-dynamic";
