import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { ClosingCall } from "./_components/closing-call";
import { FeaturesSection } from "./_components/features-section";
import { Hero } from "./_components/hero";
import { HowItWorks } from "./_components/how-it-works";
import { StackStrip } from "./_components/stack-strip";

export const metadata: Metadata = {
  title: { absolute: `${brand.name} · ${brand.tagline}` },
};

export default function LandingPage() {
  return (
    <>
      <Hero />
      <StackStrip />
      <FeaturesSection />
      <HowItWorks />
      <ClosingCall />
    </>
  );
}
