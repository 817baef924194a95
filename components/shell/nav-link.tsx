"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";
import type { ReactNode } from "react";

type NavLinkProps = {
  href: string;
  children: ReactNode;
  /** Match sub-paths too (a section), or only the exact path (a home page). */
  match?: "exact" | "prefix";
  className?: string;
  activeClassName?: string;
  inactiveClassName?: string;
};

/** A link that knows whether it points at the current page (aria-current). */
export function NavLink({
  href,
  children,
  match = "exact",
  className,
  activeClassName,
  inactiveClassName,
}: NavLinkProps) {
  const pathname = usePathname();
  const active = match === "exact" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx(className, active ? activeClassName : inactiveClassName)}
    >
      {children}
    </Link>
  );
}
