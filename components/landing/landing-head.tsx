import Head from "next/head";
import { brand } from "@/brand.config";
import { landingImage } from "@/components/shell/link-preview";

/**
 * What the App Router's metadata gives other pages, written out for the landing page.
 * `appUrl` comes from getStaticProps: this file is in the page's browser bundle, env is not.
 */
export function LandingHead({ appUrl }: { appUrl: string }) {
  const title = `${brand.name} · ${brand.tagline}`;
  const image = `${appUrl}${landingImage.path}`;
  return (
    <Head>
      <title>{title}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="theme-color" content={brand.colors.accent} />
      <meta name="description" content={brand.description} />
      <meta name="application-name" content={brand.name} />
      <link rel="icon" href={brand.logo.mark} type="image/svg+xml" />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={brand.name} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={brand.description} />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(landingImage.width)} />
      <meta property="og:image:height" content={String(landingImage.height)} />
      <meta property="og:image:alt" content={landingImage.alt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={brand.description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={landingImage.alt} />
    </Head>
  );
}
