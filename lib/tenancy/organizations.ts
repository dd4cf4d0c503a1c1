import "server-only";

import { cache } from "react";
import { db } from "@/lib/db";
import { slugProblem } from "./slug";

export type PublicOrganization = { id: string; slug: string; name: string };

// Public data only: callers that show anything private check a membership first.
export const findOrganizationBySlug = cache(
  async (slug: string): Promise<PublicOrganization | null> => {
    if (slugProblem(slug) !== null) return null;
    return db.organization.findUnique({
      where: { slug },
      select: { id: true, slug: true, name: true },
    });
  },
);
