import type { AppLocale } from "@/i18n/config";
import type { AppMessages } from "@/i18n/messages";

// Typed message keys and locales for useTranslations/getTranslations.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: AppMessages;
  }
}
