import { Head, Html, Main, NextScript } from "next/document";
import { documentBodyClassName } from "@/components/shell/document-body";
import { themeScript } from "@/lib/theme/script";

/** app/layout.tsx's document, for the Pages Router's landing page. */
export default function LandingDocument() {
  return (
    <Html lang="en" data-scroll-behavior="smooth">
      <Head>
        {/* The chosen theme before the first paint, allowed by hash in the CSP as on every page. */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </Head>
      <body className={documentBodyClassName}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
