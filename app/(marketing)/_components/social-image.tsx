import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { ReactNode } from "react";
import { brand } from "@/brand.config";

import { socialImageSize } from "@/components/shell/link-preview";

// Tailwind's zinc, as hex: the renderer reads no CSS variables and no oklch().
const zinc = { 200: "#e4e4e7", 500: "#71717a", 600: "#52525b", 950: "#09090b" } as const;

// The site's typeface. app/fonts holds it as WOFF2, which the renderer cannot read, so the
// TrueType cuts come from the `geist` package. Read at build: the images are static files.
async function geist() {
  const folder = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
  const [regular, semiBold] = await Promise.all([
    readFile(path.join(folder, "Geist-Regular.ttf")),
    readFile(path.join(folder, "Geist-SemiBold.ttf")),
  ]);
  return [
    { name: "Geist", data: regular, weight: 400 as const, style: "normal" as const },
    { name: "Geist", data: semiBold, weight: 600 as const, style: "normal" as const },
  ];
}

async function logoMark(): Promise<string> {
  const svg = await readFile(path.join(process.cwd(), "public", brand.logo.mark));
  return `data:image/svg+xml;base64,${svg.toString("base64")}`;
}

type SocialImageProps = {
  title: string;
  lead: string;
  /** Shown under the lead, e.g. the plans on the pricing page's image. */
  children?: ReactNode;
};

/** A link preview in the site's style: the wordmark, a headline, a lead and the site's host. */
export async function socialImage({ title, lead, children }: SocialImageProps) {
  const [fonts, mark] = await Promise.all([geist(), logoMark()]);
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: "64px 80px",
        background: "#ffffff",
        borderTop: `16px solid ${brand.colors.accent}`,
        fontFamily: "Geist",
        color: zinc[950],
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- rendered to a PNG, not a page */}
        <img src={mark} width={64} height={64} alt="" />
        <span style={{ fontSize: 40, fontWeight: 600, letterSpacing: -1 }}>{brand.name}</span>
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 56, flexGrow: 1 }}>
        <div style={{ fontSize: 72, fontWeight: 600, letterSpacing: -2, lineHeight: 1.05 }}>
          {title}
        </div>
        <div style={{ marginTop: 28, fontSize: 32, lineHeight: 1.4, color: zinc[600] }}>{lead}</div>
        {children}
      </div>
      <div
        style={{
          display: "flex",
          paddingTop: 28,
          borderTop: `2px solid ${zinc[200]}`,
          fontSize: 26,
          color: zinc[500],
        }}
      >
        <span style={{ color: brand.colors.accent, fontWeight: 600 }}>
          {new URL(brand.url).host}
        </span>
      </div>
    </div>,
    { ...socialImageSize, fonts },
  );
}
