import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookieName } from "./config";
import { loadMessages } from "./messages";
import { resolveLocale } from "./resolve-locale";

// No locale in the URL: every surface lives at one address and the language is
// a per-browser preference (cookie), falling back to the browser's languages.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(localeCookieName)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    messages: await loadMessages(locale),
    // Program dates are formatted in the program's own zone (lib/format.ts);
    // this default only avoids next-intl guessing the server's zone.
    timeZone: "UTC",
  };
});
