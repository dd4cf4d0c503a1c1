import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/tenancy/permissions";

/** What the checklist is computed from: read from the database, never from the browser. */
export type ChecklistFacts = {
  projects: number;
  members: number;
  pendingInvitations: number;
  /** A paid plan that is active, trialing, or in its grace period after a failed payment. */
  hasPaidPlan: boolean;
  twoFactorEnabled: boolean;
};

export type ChecklistItemId = "project" | "teammate" | "plan" | "two-factor";

export type ChecklistItem = {
  id: ChecklistItemId;
  label: string;
  done: boolean;
  /** Where it is done; null when the viewer's role cannot do it (the hint names who can). */
  href: string | null;
  hint: string;
};

type Definition = {
  id: ChecklistItemId;
  label: string;
  href: string;
  permission: Permission | null;
  hint: string;
  whoCan: string;
  done: (facts: ChecklistFacts) => boolean;
};

const definitions: readonly Definition[] = [
  {
    id: "project",
    label: "Create a project",
    href: "/projects/new",
    permission: "projects:write",
    hint: "Projects hold your team’s work.",
    whoCan: "An owner or admin can create one.",
    done: (facts) => facts.projects > 0,
  },
  {
    id: "teammate",
    label: "Invite a teammate",
    href: "/members",
    permission: "members:invite",
    hint: "Invite people by email; each invitation takes a seat.",
    whoCan: "An owner or admin can invite people.",
    done: (facts) => facts.members > 1 || facts.pendingInvitations > 0,
  },
  {
    id: "plan",
    label: "Choose a plan",
    href: "/settings/billing",
    permission: "billing:manage",
    hint: "Start a trial or subscribe to a paid plan.",
    whoCan: "The owner chooses the plan.",
    done: (facts) => facts.hasPaidPlan,
  },
  {
    id: "two-factor",
    label: "Turn on two-factor authentication",
    href: "/account#two-factor",
    permission: null,
    hint: "For your own account: a code from an authenticator app when you sign in.",
    whoCan: "",
    done: (facts) => facts.twoFactorEnabled,
  },
];

export function checklistItems(facts: ChecklistFacts, role: Role): ChecklistItem[] {
  return definitions.map(({ id, label, href, permission, hint, whoCan, done }) => {
    const allowed = permission === null || can(role, permission);
    return {
      id,
      label,
      done: done(facts),
      href: allowed ? href : null,
      hint: allowed ? hint : whoCan,
    };
  });
}

export type Checklist = {
  items: ChecklistItem[];
  completed: number;
  visible: boolean;
  canDismiss: boolean;
};

// Dismissing is an organization setting, so it takes the role that changes settings.
export const DISMISS_PERMISSION: Permission = "org:update";

export function buildChecklist(
  facts: ChecklistFacts,
  { role, dismissedAt }: { role: Role; dismissedAt: Date | null },
): Checklist {
  const items = checklistItems(facts, role);
  const completed = items.filter((item) => item.done).length;
  return {
    items,
    completed,
    visible: dismissedAt === null && completed < items.length,
    canDismiss: can(role, DISMISS_PERMISSION),
  };
}
