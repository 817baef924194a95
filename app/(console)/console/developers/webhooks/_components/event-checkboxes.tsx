import { useTranslations } from "next-intl";
import { EVENT_TYPES } from "@/lib/domain/webhooks/event-types";

/** The subscribable events as checkboxes, each with its plain-language meaning. */
export function EventCheckboxes({ checked, error }: { checked: readonly string[]; error?: string }) {
  const t = useTranslations("Webhooks");
  return (
    <fieldset aria-describedby={error ? "events-error" : "events-hint"}>
      <legend className="text-sm font-medium text-ink">{t("fields.events")}</legend>
      <p id="events-hint" className="mt-0.5 text-xs text-ink-subtle">
        {t("fields.eventsHint")}
      </p>
      <div className="mt-2 space-y-1.5">
        {EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2.5 text-sm text-ink">
            <input type="checkbox" name="events" value={type} defaultChecked={checked.includes(type)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
            <span className="min-w-0">
              <code className="font-mono text-xs">{type}</code>
              <span className="block text-xs text-ink-subtle">{t(`eventNames.${type.replace(".", "_")}` as "eventNames.member_created")}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="events-error" className="mt-1.5 text-sm font-medium text-accent-700" data-testid="events-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
