import Link from "next/link";
import { AuthCard, textLinkClassName } from "./auth-card";

/** A link opened without its token: say so plainly and offer the way forward. */
export function MissingToken({
  title,
  retryHref,
  retryLabel,
}: {
  title: string;
  retryHref: string;
  retryLabel: string;
}) {
  return (
    <AuthCard
      title={title}
      lead="This link is incomplete. Open the link from the email again, or ask for a new one."
    >
      <Link href={retryHref} className={textLinkClassName}>
        {retryLabel}
      </Link>
    </AuthCard>
  );
}
