import { Button } from "@/components/ui/button";
import { authLinks } from "./navigation";

type AuthActionsProps = {
  stacked?: boolean;
};

export function AuthActions({ stacked = false }: AuthActionsProps) {
  if (stacked) {
    return (
      <div className="grid gap-2">
        <Button href={authLinks.signUp} className="w-full">
          Get started
        </Button>
        <Button href={authLinks.signIn} variant="secondary" className="w-full">
          Sign in
        </Button>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Button href={authLinks.signIn} variant="ghost">
        Sign in
      </Button>
      <Button href={authLinks.signUp}>Get started</Button>
    </div>
  );
}
