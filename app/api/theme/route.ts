import { cookies } from "next/headers";
import { withPublic } from "@/lib/actions/route";
import { isAllowedHost } from "@/lib/http/allowed-host";
import { badRequest } from "@/lib/http/same-origin";
import { env } from "@/lib/env";
import { isThemeChoice, THEME_COOKIE } from "@/lib/theme/choice";
import { themeCookieOptions } from "@/lib/theme/cookie";
import { themeReturnUrl } from "@/lib/theme/return-url";

export const dynamic = "force-dynamic";

/**
 * POST theme=system|light|dark → remembers the choice in a cookie and sends the browser back to
 * the page it came from. A plain form post, so it works without client JavaScript, and the page
 * loads again with the head script applying the new theme before paint.
 */
export const POST = withPublic({}, async ({ request }) => {
  let choice: FormDataEntryValue | null = null;
  try {
    choice = (await request.formData()).get("theme");
  } catch {
    return badRequest({ theme: "Choose System, Light or Dark." });
  }
  if (!isThemeChoice(choice)) return badRequest({ theme: "Choose System, Light or Dark." });

  const jar = await cookies();
  const options = themeCookieOptions();
  // "System" is the default: no cookie at all, so the device's setting keeps deciding.
  if (choice === "system") jar.set(THEME_COOKIE, "", { ...options, maxAge: 0 });
  else jar.set(THEME_COOKIE, choice, options);

  const protocol = new URL(env.appUrl).protocol;
  const host = request.headers.get("host");
  const location = themeReturnUrl(request.headers.get("referer"), {
    protocol,
    isAllowedHost,
    fallback: isAllowedHost(host) ? `${protocol}//${host}/` : `${env.appUrl}/`,
  });
  return new Response(null, { status: 303, headers: { location } });
});
