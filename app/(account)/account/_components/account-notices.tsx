import { Callout } from "@/components/ui/callout";

/** What the links back to this page report: a confirmed address or step-up, a requested export, or a failed confirmation. */
export function AccountNotices({
  params,
}: {
  params: Record<string, string | string[] | undefined>;
}) {
  return (
    <>
      {params.verified === "1" ? <Callout tone="success">Your email is confirmed.</Callout> : null}
      {params.confirmed === "1" ? (
        <Callout tone="success">
          Thanks, that&apos;s confirmed for the next 10 minutes. You can make your change now.
        </Callout>
      ) : null}
      {params.export === "requested" ? (
        <Callout tone="success">
          We are preparing your data. You will get an email with a download link, valid for 24
          hours, in a few minutes.
        </Callout>
      ) : null}
      {params.confirm === "failed" ? (
        <Callout tone="error">
          That confirmation link did not work: it may have expired or been used already. Ask for a
          new one where you make the change.
        </Callout>
      ) : null}
    </>
  );
}
