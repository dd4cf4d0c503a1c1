import { Section } from "@/components/ui/section";
import type { UserDetail } from "@/lib/admin/users/detail";
import { formatDateTime } from "../../_components/format";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="font-medium text-zinc-950 dark:text-white">{children}</dd>
    </div>
  );
}

export function UserOverview({ user }: { user: UserDetail }) {
  const methods = [
    ...(user.hasPassword ? ["password"] : []),
    ...user.oauthProviders,
    "email link",
  ].join(", ");
  return (
    <Section id="overview" title="Account">
      <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact term="User id">
          <code className="font-mono text-xs break-all">{user.id}</code>
        </Fact>
        <Fact term="Created">{formatDateTime(user.createdAt)}</Fact>
        <Fact term="Email verified">{formatDateTime(user.emailVerifiedAt, "Not verified")}</Fact>
        <Fact term="Two-factor authentication">
          {user.twoFactorEnabledAt ? `On since ${formatDateTime(user.twoFactorEnabledAt)}` : "Off"}
        </Fact>
        <Fact term="Signs in with">{methods}</Fact>
        <Fact term="Staff">
          {user.staffSince ? `Since ${formatDateTime(user.staffSince)}` : "No"}
        </Fact>
        <Fact term="Status">
          {user.disabledAt ? `Disabled since ${formatDateTime(user.disabledAt)}` : "Active"}
        </Fact>
      </dl>
    </Section>
  );
}
