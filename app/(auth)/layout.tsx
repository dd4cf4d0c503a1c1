import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/auth/current-session";
import { AuthFrame } from "./_components/auth-frame";

/** Sign-up, sign-in and the pages behind emailed links: one calm card in the page. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  // Pages behind emailed links are opened signed in too: the header says so.
  const session = await getCurrentSession();
  const user = session ? { name: session.user.name, email: session.user.email } : null;
  return <AuthFrame user={user}>{children}</AuthFrame>;
}
