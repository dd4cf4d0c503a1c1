import "server-only";

import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { deserializePlanChoice, serializePlanChoice, type PlanChoice } from "./plan-choice";

// Host-only on the root host, where sign-up happens. No secret: any visitor can pick a plan id.
function config() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: "plan-choice",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 24 * 60 * 60 },
  };
}

/** Only from server actions and route handlers (Next sets cookies nowhere else). */
export async function rememberPlanChoice(choice: PlanChoice | null): Promise<void> {
  const { name, options } = config();
  const jar = await cookies();
  if (choice) jar.set(name, serializePlanChoice(choice), options);
  else if (jar.has(name)) jar.delete({ name, path: options.path });
}

export async function rememberedPlanChoice(): Promise<PlanChoice | null> {
  return deserializePlanChoice((await cookies()).get(config().name)?.value);
}
