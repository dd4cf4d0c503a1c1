import "server-only";

import { cache } from "react";
import { db } from "@/lib/db";
import { slugProblem } from "./slug";

/** What anyone may learn about an organization from its address: its name, nothing more. */
export type PublicOrganization = { id: string; slug: string; name: string };

/**
 * The organization at `slug`, or null. Public data only: callers that show anything
 * private must check a membership first. Cached per request, so the page and its
 * metadata share one query.
 */
export const findOrganizationBySlug = cache(
  async (slug: string): Promise<PublicOrganization | null> => {
    // A malformed slug names no organization; no need to ask the database.
    if (slugProblem(slug) !== null) return null;
    return db.organization.findUnique({
      where: { slug },
      select: { id: true, slug: true, name: true },
    });
  },
);
