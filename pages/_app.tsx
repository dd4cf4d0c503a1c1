import type { AppProps } from "next/app";
import localFont from "next/font/local";
import Head from "next/head";
import "../app/globals.css";

// The same file and settings as app/layout.tsx: one font file for both routers.
const geistSans = localFont({
  src: "../app/fonts/geist-latin.woff2",
  weight: "100 900",
  display: "swap",
});

// Tailwind's --font-sans reads --font-geist-sans on <html>, which only _document could
// class, and next/font does not run in _document: the variable is declared here instead.
const fontVariable = `:root{--font-geist-sans:${geistSans.style.fontFamily}}`;

/** The Pages Router's wrapper, for the landing page (pages/index.tsx) alone. */
export default function LandingApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <style>{fontVariable}</style>
      </Head>
      <Component {...pageProps} />
    </>
  );
}
