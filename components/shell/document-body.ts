// The <body> of both routers' documents: app/layout.tsx and the landing page's pages/_document.tsx.
export const documentBodyClassName =
  "min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100";
