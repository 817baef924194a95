"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

/** The referral link in a read-only field with a copy button (the field stays selectable where the clipboard is refused). */
export function CopyLink({ link, label, copyLabel, copiedLabel }: { link: string; label: string; copyLabel: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        readOnly
        value={link}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="referral-link"
        className="h-10 min-w-0 flex-1 rounded-control border border-line-strong bg-surface px-3 font-mono text-xs text-ink"
      />
      <Button
        variant="secondary"
        data-testid="copy-referral-link"
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => undefined);
          setCopied(true);
        }}
      >
        <Icon name="clipboard" className="size-4" />
        <span aria-live="polite">{copied ? copiedLabel : copyLabel}</span>
      </Button>
    </div>
  );
}
