import "server-only";

import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { parseTenantHost, type TenantHost } from "./host";

export const requestHost = cache(async (): Promise<TenantHost> =>
  parseTenantHost((await headers()).get("host"), env.rootDomain),
);
