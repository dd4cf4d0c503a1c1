import { attachmentDownloadAction } from "@/lib/attachments/actions";

/**
 * A project file: members of the organization whose host this is are sent to a link to the
 * private object that is valid for a minute; anyone else, or an address naming another
 * project, gets the action's 401/403/404.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; fileId: string }> },
): Promise<Response> {
  const { id, fileId } = await params;
  const result = await attachmentDownloadAction({ id: fileId, projectId: id });
  if (!result.ok) {
    return new Response(result.error, {
      status: result.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(null, {
    status: 303,
    headers: { location: result.data.url, "cache-control": "no-store" },
  });
}
