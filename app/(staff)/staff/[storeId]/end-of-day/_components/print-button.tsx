"use client";

import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

/** Opens the browser's print dialog; the page's print stylesheet leaves only the report. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="lg" onClick={() => window.print()} data-testid="eod-print">
      <Icon name="clipboard" className="size-5" />
      {label}
    </Button>
  );
}
