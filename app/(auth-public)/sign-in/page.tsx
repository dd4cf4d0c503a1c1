import type { Metadata } from "next";
import { SignInCard } from "../../(auth)/sign-in/_components/sign-in-card";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return <SignInCard params={{}} />;
}
