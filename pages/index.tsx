import type { InferGetStaticPropsType } from "next";
import { ClosingCall } from "@/components/landing/closing-call";
import { FeaturesSection } from "@/components/landing/features-section";
import { Hero } from "@/components/landing/hero";
import { HowItWorks } from "@/components/landing/how-it-works";
import { LandingHead } from "@/components/landing/landing-head";
import { StackStrip } from "@/components/landing/stack-strip";
import { SiteShell } from "@/components/shell/site-shell";
import { env } from "@/lib/env";

// The one page on the Pages Router, for the option the App Router lacks: no JavaScript at all.
// The landing page is HTML and CSS, prerendered at build time; every link on it is a plain <a>.
// `runtime` is the default; it is written out because Next.js types a page's config by it.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

// The Pages Router still bundles this page for browsers, unused but public under /_next/static
// (tests/e2e/smoke.spec.ts reads it): server configuration enters only through getStaticProps,
// which that bundle leaves out.
export function getStaticProps() {
  return { props: { appUrl: env.appUrl } };
}

/**
 * The marketing site's front page. Nothing on it may need JavaScript: a client component
 * here would render and never respond (tests/unit/landing-without-javascript.test.ts).
 */
export default function LandingPage({ appUrl }: InferGetStaticPropsType<typeof getStaticProps>) {
  return (
    <>
      <LandingHead appUrl={appUrl} />
      <SiteShell>
        <Hero />
        <StackStrip />
        <FeaturesSection />
        <HowItWorks />
        <ClosingCall />
      </SiteShell>
    </>
  );
}
