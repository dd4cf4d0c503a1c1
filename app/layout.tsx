import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { brand } from "@/brand.config";
import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { documentBodyClassName } from "@/components/shell/document-body";
import { env } from "@/lib/env";
import { themeScript } from "@/lib/theme/script";
import "./globals.css";

// Geist's variable font cut to Latin (scripts/subset-fonts.sh): one 24 KiB file for every
// weight. Code uses the system's monospace font.
const geistSans = localFont({
  src: "./fonts/geist-latin.woff2",
  weight: "100 900",
  variable: "--font-geist-sans",
  display: "swap",
});

export const metadata: Metadata = {
  // Link previews need absolute image URLs. Prerendered pages take APP_URL at build time.
  metadataBase: new URL(env.appUrl),
  title: { default: brand.name, template: `%s · ${brand.name}` },
  description: brand.description,
  applicationName: brand.name,
  icons: { icon: { url: brand.logo.mark, type: "image/svg+xml" } },
  openGraph: { type: "website", siteName: brand.name },
  // X shows the Open Graph image large only when asked to.
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = { themeColor: brand.colors.accent };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // globals.css scrolls smoothly; the attribute lets Next jump instantly on route changes.
    // The theme script sets data-theme before hydration: React is told not to mind.
    <html
      lang="en"
      className={geistSans.variable}
      data-scroll-behavior="smooth"
      suppressHydrationWarning
    >
      <head>
        {/* Static text, allowed by hash in the CSP: the chosen theme before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className={documentBodyClassName}>
        {/* Reads no cookie on the server: prerendered pages stay static. */}
        <ImpersonationBanner />
        {children}
      </body>
    </html>
  );
}
