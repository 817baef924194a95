"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Esc on the member panel goes back to an empty search box (unless something else on the page used the key). */
export function EscapeToSearch({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      router.push(href);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [href, router]);
  return null;
}
