import { brand } from "@/brand.config";

/** Link previews: 1200×630, the size every network crops the least. */
export const socialImageSize = { width: 1200, height: 630 } as const;

/**
 * The landing page's link preview: drawn by app/opengraph-image.tsx, named in the page's head
 * (landing-head.tsx), which the App Router's metadata cannot fill in for a Pages Router page.
 */
export const landingImage = {
  path: "/opengraph-image",
  alt: `${brand.name}: ${brand.tagline}`,
  ...socialImageSize,
} as const;
