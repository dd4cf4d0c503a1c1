import type { Metadata } from "next";
import { DOCS_URL } from "@/components/shell/navigation";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="We couldn’t find that page"
      actions={
        <>
          <Button href="/" size="lg">
            Back to the home page
          </Button>
          <Button href={DOCS_URL} size="lg" variant="secondary">
            Read the docs
          </Button>
        </>
      }
    >
      The link may be out of date, or the page may have moved. If you typed the address, check it
      for typos.
    </StatusPage>
  );
}
