"use client";

import { useState } from "react";
import { Button } from "./button";
import { Icon } from "./icons";

type OneTimeSecretProps = {
  secret: string;
  title: string;
  warning: string;
  label: string;
  copyLabel: string;
  copiedLabel: string;
  /** Test ids of the box and of the field holding the secret. */
  testId: string;
};

/** A secret shown once (API key, signing secret): copy it now, it is never shown again. */
export function OneTimeSecret({ secret, title, warning, label, copyLabel, copiedLabel, testId }: OneTimeSecretProps) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-control border border-accent-400/60 bg-accent-100/60 p-4" data-testid={testId}>
      <p className="flex items-center gap-2 text-sm font-semibold text-ink">
        <Icon name="alert" className="size-4 text-accent-700" />
        {title}
      </p>
      <p className="mt-1 text-sm text-ink-muted">{warning}</p>
      <div className="mt-3 flex gap-2">
        <input
          readOnly
          value={secret}
          aria-label={label}
          data-testid={`${testId}-value`}
          onFocus={(e) => e.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-control border border-line-strong bg-surface px-3 font-mono text-xs text-ink"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? copiedLabel : copyLabel}
        </Button>
      </div>
    </div>
  );
}
