import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Muted, Section } from "@/components/ui/section";
import { listApiKeys } from "@/lib/api-keys/keys";
import { limitMessage } from "@/lib/billing/plans/upgrade";
import { memberBillingOverview } from "@/lib/billing/subscription/overview";
import { requireMember } from "@/lib/tenancy/current-member";
import { usageByKey } from "@/lib/usage/summary";
import { can } from "@/lib/tenancy/permissions";
import { ApiKeyTable } from "./_components/api-key-table";
import { CreateApiKey } from "./_components/create-api-key";

export const metadata: Metadata = { title: "API keys" };

/** Keys a script uses for /api/v1, managed by owners and admins. */
export default async function ApiKeysPage() {
  const member = await requireMember("org:update");
  const [keys, billing, callsThisMonth] = await Promise.all([
    listApiKeys(member.organization.id),
    memberBillingOverview(member),
    usageByKey(member.organization.id),
  ]);
  const included = billing.plan.entitlements.api;
  const limit = limitMessage(billing.plan, { kind: "feature", feature: "api" });
  return (
    <div className="grid gap-6">
      <PageHeader
        title="API keys"
        description="Keys act for the organization, not for a person: they keep working when the member who made them leaves, and the list shows who made each one."
      />
      <Section id="new-key" title="Create a key">
        {included ? (
          <CreateApiKey />
        ) : (
          <Muted>
            {limit.message} Keys cannot be created and existing keys are refused.{" "}
            {!limit.upgradeTo ? null : can(member.role, "billing:manage") ? (
              <Link href="/settings/billing" className="font-medium underline underline-offset-2">
                See plans and upgrade
              </Link>
            ) : (
              "An owner can upgrade on the billing page."
            )}
          </Muted>
        )}
      </Section>
      <Section id="keys" title="Keys">
        <ApiKeyTable keys={keys} callsThisMonth={callsThisMonth} />
      </Section>
    </div>
  );
}
