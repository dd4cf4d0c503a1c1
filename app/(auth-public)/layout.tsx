import type { ReactNode } from "react";
import { AuthFrame } from "../(auth)/_components/auth-frame";

// Prerendered for visitors without a session cookie; proxy.ts sends the others to (auth).
export default function PublicAuthLayout({ children }: { children: ReactNode }) {
  return <AuthFrame user={null}>{children}</AuthFrame>;
}
