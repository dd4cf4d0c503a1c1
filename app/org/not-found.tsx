import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: "No organization at this address",
};

/**
 * An organization subdomain that no organization has taken (yet), or one the visitor is not a
 * member of. Outside the organization's layout, so it draws its own header; its links go to the
 * root host, since "/" here would be this same subdomain.
 */
export default function OrganizationNotFound() {
  const home = `${env.appUrl}/`;
  return (
    <StatusPage
      code="404"
      title="No organization at this address"
      home={home}
      actions={
        <Button href={home} size="lg">
          Go to the {brand.name} home page
        </Button>
      }
    >
      Check the address for typos, or ask a member for the link. An organization keeps its address
      for good, so a link that used to work means it has been deleted.
    </StatusPage>
  );
}
