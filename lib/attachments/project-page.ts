import "server-only";

import { describeAuditEntry } from "@/lib/audit-log/describe-entry";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { projectFields } from "@/lib/projects/queries";
import { userNames } from "@/lib/tenancy/user-names";
import { attachmentFields, type AttachmentView } from "./queries";

type Person = { name: string | null; email: string };

export type ProjectPage = {
  project: {
    id: string;
    name: string;
    description: string | null;
    createdAt: Date;
    updatedAt: Date;
    createdBy: Person | null;
  };
  attachments: AttachmentView[];
  history: { id: string; createdAt: Date; sentence: string }[];
};

export const PROJECT_HISTORY_LIMIT = 50;

// One scoped transaction; everyone named is read in one query by id, as people live in the main
// database even when the project does not.
export async function loadProjectPage(
  organizationId: string,
  id: string,
): Promise<ProjectPage | null> {
  return withTenant(organizationId, async (tx) => {
    const row = await tx.project.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: projectFields,
    });
    if (!row) return null;
    const files = await tx.attachment.findMany({
      where: { projectId: id, ...inOrganization(organizationId) },
      select: attachmentFields,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
    });
    const entries = await tx.auditLog.findMany({
      where: { ...inOrganization(organizationId), targetType: "project", targetId: id },
      select: { id: true, action: true, actorId: true, metadata: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PROJECT_HISTORY_LIMIT,
    });
    const people = await userNames(tx, [
      row.createdById,
      ...files.map((file) => file.uploadedById),
      ...entries.map((entry) => entry.actorId),
    ]);
    const person = (userId: string | null): Person | null => {
      const user = userId ? people.get(userId) : undefined;
      return user ? { name: user.name, email: user.email } : null;
    };
    const { createdById, ...project } = row;
    return {
      project: { ...project, createdBy: person(createdById) },
      attachments: files.map(({ uploadedById, ...file }) => ({
        ...file,
        uploadedBy: person(uploadedById),
      })),
      history: entries.map((entry) => ({
        id: entry.id,
        createdAt: entry.createdAt,
        sentence: describeAuditEntry({
          action: entry.action,
          actor: person(entry.actorId),
          targetType: "project",
          targetId: id,
          metadata: entry.metadata,
        }),
      })),
    };
  });
}
