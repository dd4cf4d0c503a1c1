import { preflight } from "@/lib/api/v1/cors";
import { apiRoute, json } from "@/lib/api/v1/handler";
import { listMembers } from "@/lib/members/members";

export const GET = apiRoute("members:read", async ({ caller }) => {
  const members = await listMembers(caller.organization.id);
  return json({
    data: members.map((member) => ({
      id: member.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      joinedAt: member.createdAt.toISOString(),
    })),
  });
});

export const OPTIONS = preflight;

export const dynamic = "force-dynamic";
