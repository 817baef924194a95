"use client";

import { clsx } from "clsx";
import Form from "next/form";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { BarcodeScanner } from "@/components/desk/barcode-scanner";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

export const MEMBER_QUERY_ID = "member-query";

/**
 * The counter's one box: phone, email, card number, name, or a scanned card.
 * A USB scanner types the QR's text and Enter, which submits like a cashier
 * would; the camera button does the same with what it reads. After every
 * search the text stays selected, so the next scan or keystroke replaces it.
 * Esc clears the box, then the results.
 */
export function MemberSearch({ storeId, query }: { storeId: string; query: string }) {
  const t = useTranslations("Staff.search");
  const td = useTranslations("DeskSearch");
  const router = useRouter();
  const base = `/staff/${storeId}`;
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(query);
  const [searched, setSearched] = useState(query);
  // A new search in the URL (submit, Esc, back button) refills the box.
  if (searched !== query) {
    setSearched(query);
    setValue(query);
  }

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [query]);

  const search = useCallback((text: string) => router.push(`${base}?q=${encodeURIComponent(text)}`), [base, router]);
  const onScan = useCallback(
    (text: string) => {
      setValue(text);
      search(text);
    },
    [search],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      if (value) setValue("");
      else if (query) router.replace(base);
    } else if (event.key === "ArrowDown") {
      const first = document.querySelector<HTMLElement>("[data-desk-result]");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <Form action={base} role="search" className="rounded-card border border-line bg-surface p-5 shadow-card sm:p-8" data-testid="member-search">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
      <label htmlFor={MEMBER_QUERY_ID} className="mt-5 block text-sm font-medium text-ink-muted">
        {t("label")}
      </label>
      <div className="mt-2 flex flex-col gap-3 lg:flex-row">
        <div className="relative flex-1">
          <Icon name="search" className="pointer-events-none absolute top-1/2 left-4 size-6 -translate-y-1/2 text-ink-subtle" />
          <input
            ref={input}
            id={MEMBER_QUERY_ID}
            name="q"
            type="search"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={500}
            placeholder={t("placeholder")}
            aria-describedby="member-query-hint"
            className="h-16 w-full rounded-control border border-line-strong bg-surface pr-4 pl-13 text-lg text-ink placeholder:text-ink-subtle focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:flex">
          <button type="submit" className={clsx(buttonClasses("primary", "xl"), "px-4 lg:w-40")}>
            {t("submit")}
          </button>
          <BarcodeScanner onScan={onScan} label={td("scan")} className="px-4 sm:px-8" typeInto={input} />
        </div>
      </div>
      <p id="member-query-hint" className="mt-4 flex items-start gap-2 text-sm text-ink-muted">
        <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
        <span>
          {t("hint")} <span className="whitespace-nowrap text-ink-subtle">{td("keys")}</span>
        </span>
      </p>
    </Form>
  );
}
