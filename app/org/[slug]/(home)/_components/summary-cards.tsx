import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { planStatusText } from "@/lib/org-home/plan-status";
import { PROJECT_COUNT_CAP } from "@/lib/projects/queries";
import type { OrganizationHome } from "@/lib/org-home/read";
import { can } from "@/lib/tenancy/permissions";

const number = new Intl.NumberFormat("en-US");

const plural = (count: number, one: string, many: string) =>
  `${number.format(count)} ${count === 1 ? one : many}`;

function Card({
  id,
  title,
  value,
  children,
  link,
}: {
  id: string;
  title: string;
  value: ReactNode;
  children?: ReactNode;
  link?: { href: string; label: string } | null;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-1 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={id} className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
        {title}
      </h2>
      <p className="text-2xl font-semibold text-zinc-950 tabular-nums dark:text-white">{value}</p>
      {children ? <div className="text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
      {link ? (
        <p className="mt-auto pt-2 text-sm">
          <IntentLink
            href={link.href}
            className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
          >
            {link.label}
          </IntentLink>
        </p>
      ) : null}
    </section>
  );
}

function UsageMeter({ calls, includedCalls }: { calls: number; includedCalls: number }) {
  const percent = includedCalls > 0 ? Math.min(100, Math.round((calls * 100) / includedCalls)) : 0;
  return (
    <>
      <p className="tabular-nums">
        {number.format(calls)} of {number.format(includedCalls)} included calls
      </p>
      {includedCalls > 0 ? (
        <div
          role="progressbar"
          aria-label="Included API calls used this month"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-2 h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className={percent >= 100 ? "h-full bg-red-600" : "h-full bg-zinc-900 dark:bg-zinc-100"}
            style={{ width: `${percent}%` }}
          />
        </div>
      ) : null}
    </>
  );
}

/** Projects, people, plan and seats, and metered usage, each with the way to manage it. */
export function SummaryCards({ home, role }: { home: OrganizationHome; role: Role }) {
  const billing = can(role, "billing:manage");
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Card
        id="summary-projects"
        title="Projects"
        value={
          home.projects > PROJECT_COUNT_CAP
            ? `${number.format(PROJECT_COUNT_CAP)}+`
            : number.format(home.projects)
        }
        link={
          home.projects > 0
            ? { href: "/projects", label: "View projects" }
            : can(role, "projects:write")
              ? { href: "/projects/new", label: "Create the first project" }
              : null
        }
      >
        {home.projects === 0 ? "No projects yet." : null}
      </Card>
      <Card
        id="summary-members"
        title="Members"
        value={number.format(home.members)}
        link={{ href: "/members", label: "View members" }}
      >
        {home.pendingInvitations > 0
          ? `${plural(home.pendingInvitations, "invitation", "invitations")} pending`
          : "No pending invitations."}
      </Card>
      <Card
        id="summary-plan"
        title="Plan"
        value={home.plan.name}
        link={billing ? { href: "/settings/billing", label: "Manage billing" } : null}
      >
        <p>{planStatusText(home.plan.status, home.plan.trialDaysLeft)}</p>
        <p className="tabular-nums">
          {number.format(home.seats.used)} of {plural(home.seats.included, "seat", "seats")} used
        </p>
      </Card>
      {home.usage ? (
        <Card
          id="summary-usage"
          title="API calls this month"
          value={number.format(home.usage.calls)}
          link={billing ? { href: "/settings/billing#usage", label: "See usage" } : null}
        >
          <UsageMeter {...home.usage} />
        </Card>
      ) : null}
    </div>
  );
}
