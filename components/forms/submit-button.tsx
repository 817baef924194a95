"use client";

import { clsx } from "clsx";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  name?: string;
  value?: string;
};

/** Disabled with a "working…" label while its form's action runs (no double submits). */
export function SubmitButton({ children, pendingLabel, variant = "primary", size = "md", className, name, value }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={clsx(buttonClasses(variant, size), className)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
