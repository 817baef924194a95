import { clsx } from "clsx";
import { Icon } from "@/components/ui/icons";
import type { FormState } from "./form-state";

/**
 * The form-level outcome. A live region (not role="alert": Next's route
 * announcer already has that role) so screen readers hear it when it changes.
 */
export function FormMessage({ message, id = "form-message" }: { message?: FormState["message"]; id?: string }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {message ? (
        <p
          className={clsx(
            "flex items-start gap-2.5 rounded-control border px-3.5 py-3 text-sm",
            message.tone === "error" ? "border-accent-400/50 bg-accent-100 text-accent-800" : "border-brand-200 bg-brand-50 text-brand-800",
          )}
          data-testid="form-message"
        >
          <Icon name={message.tone === "error" ? "alert" : "info"} className="mt-px size-4 shrink-0" />
          <span>{message.text}</span>
        </p>
      ) : null}
    </div>
  );
}
