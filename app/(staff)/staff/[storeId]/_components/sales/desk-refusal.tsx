import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";

/** A counter screen this user may not use here: said plainly, marked for the authorization matrix. */
export function DeskRefusal({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div data-access="denied" data-testid="desk-refusal">
      <EmptyState icon="shield" title={title} action={action}>
        {children}
      </EmptyState>
    </div>
  );
}
