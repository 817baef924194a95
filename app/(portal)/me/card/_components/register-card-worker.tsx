"use client";

import { useEffect } from "react";

/** Installs public/sw.js, which keeps the card page and its last QR token for offline use. */
export function RegisterCardWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // Without a worker the card still works online; nothing to tell the member.
    });
  }, []);
  return null;
}
