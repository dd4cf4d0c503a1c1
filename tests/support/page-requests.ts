import { readSession } from "@/lib/auth/session-store";
import {
  snapshotFromJson,
  type BillingSnapshot,
  type SnapshotJson,
} from "@/lib/billing/plans/entitlements";
import { billingOverview, recentInvoices } from "@/lib/billing/subscription/overview";
import { db } from "@/lib/db";
import { sharedTransaction } from "@/lib/db/shared-transaction";
import type { ScopedDb } from "@/lib/db/tenant";
import { listPendingInvitations } from "@/lib/invitations/manage";
import type { Role } from "@/lib/generated/prisma/enums";
import { listMembers } from "@/lib/members/members";
import { readOrganizationHome } from "@/lib/org-home/read";
import { createProject } from "@/lib/projects/mutations";
import { sliceProjects } from "@/lib/projects/queries";
import { enterAsMember, findMembershipBySlug } from "@/lib/tenancy/membership";
import { usageSummary } from "@/lib/usage/summary";

/**
 * The data calls of the main organization pages and of creating a project, made in the order
 * and grouping the app makes them, without Next.js: for bench/capacity.ts (what a request
 * costs) and tests/integration/tenant-query-plans.test.ts (which indexes serve it). Keep each
 * in step with the files it names.
 */
export type PageRequest = { token: string; slug: string; round: number };

type Member = {
  organizationId: string;
  userId: string;
  role: Role;
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
};

// lib/auth/current-session.ts: the session row, checked once per request.
async function signedIn(token: string) {
  const session = await readSession(db, token);
  if (!session?.user.id) throw new Error("The session was refused");
  return { session, userId: session.user.id };
}

/**
 * app/org/[slug]/layout.tsx with lib/tenancy/current-member.ts: the request's shared
 * transaction opens with one statement that applies the scope, reads the memberships, enters
 * the organization and reads its billing snapshot; the page's reads queue on that transaction.
 */
async function organizationPage<T>(
  request: PageRequest,
  page: (member: Member, snapshot: Promise<BillingSnapshot>) => Promise<T>,
): Promise<T> {
  const { userId } = await signedIn(request.token);
  const transaction = sharedTransaction({ userId });
  const { current, billingRow } = await transaction.open((tx, settings) =>
    enterAsMember(tx, settings, userId, request.slug),
  );
  if (!current) throw new Error(`Not a member of ${request.slug}`);
  transaction.enter(current.organization.id);
  const member: Member = {
    organizationId: current.organization.id,
    userId,
    role: current.role,
    read: transaction.read,
  };
  // lib/billing/plans/member-snapshot.ts: the snapshot read on entering, which the page reuses.
  const snapshot = Promise.resolve(snapshotFromJson(billingRow as SnapshotJson | null));
  return page(member, snapshot);
}

export const scenarios: { name: string; run: (request: PageRequest) => Promise<unknown> }[] = [
  {
    // app/org/[slug]/(home)/page.tsx: counts, plan, usage, recent activity and the checklist.
    name: "organization home (/)",
    run: (request) =>
      organizationPage(request, async (member, snapshot) => {
        const layoutSnapshot = await snapshot;
        return member.read((tx) =>
          readOrganizationHome(
            tx,
            { organizationId: member.organizationId, userId: member.userId, role: member.role },
            layoutSnapshot,
          ),
        );
      }),
  },
  {
    // app/org/[slug]/projects/page.tsx, first page.
    name: "project list (/projects)",
    run: (request) =>
      organizationPage(request, (member) =>
        member.read((tx) => sliceProjects(tx, member.organizationId, { q: "" })),
      ),
  },
  {
    // The same page searching (names and descriptions, lib/projects/queries.ts).
    name: "project search (/projects?q=)",
    run: (request) =>
      organizationPage(request, (member) =>
        member.read((tx) => sliceProjects(tx, member.organizationId, { q: "7d1" })),
      ),
  },
  {
    // app/org/[slug]/members/page.tsx, as an owner (who may invite, so sees seats).
    name: "member list (/members)",
    run: (request) =>
      organizationPage(request, (member, snapshot) =>
        Promise.all([
          listMembers(member.organizationId, member.read),
          listPendingInvitations(member.organizationId, member.read),
          // memberBillingOverview: the overview on the layout's snapshot.
          billingOverview(member.organizationId, member.read, snapshot),
        ]),
      ),
  },
  {
    // app/org/[slug]/settings/billing/page.tsx (Stripe not configured: no invoice call).
    name: "billing page (/settings/billing)",
    run: (request) =>
      organizationPage(request, (member, snapshot) =>
        Promise.all([
          billingOverview(member.organizationId, member.read, snapshot),
          recentInvoices(member.organizationId, { read: member.read }),
          usageSummary(member.organizationId, { read: member.read, snapshot }),
        ]),
      ),
  },
  {
    // lib/projects/actions.ts createProjectAction: memberContext (lib/actions/chain.ts), then
    // lib/projects/mutations.ts createProject.
    name: "project create (action)",
    run: async (request) => {
      const { session, userId } = await signedIn(request.token);
      const membership = await findMembershipBySlug(userId, request.slug);
      if (!membership || membership.suspended) throw new Error(`Not a member of ${request.slug}`);
      return createProject(
        {
          client: { ipAddress: "127.0.0.1", userAgent: "bench" },
          session,
          userId,
          organization: membership.organization,
          role: membership.role,
        },
        { name: `Created ${request.round}`, description: null },
      );
    },
  },
];
