/**
 * Who may do what: roles map to `resource:verb` permissions here and only
 * here. Call sites ask for a permission (`can(actor, "points:adjust")`), never
 * for a role, so a role can change without hunting for `if (role === …)`.
 */
export const PERMISSIONS = [
  "program:read",
  "program:write",
  "team:manage",
  "keys:manage",
  "webhooks:manage",
  "plans:read",
  "plans:write",
  "catalog:write",
  "rewards:read",
  "rewards:write",
  "segments:read",
  "segments:write",
  "campaigns:read",
  "campaigns:write",
  "members:read",
  "members:write",
  "points:earn",
  "points:redeem",
  "points:refund",
  "points:adjust",
  "coupons:validate",
  "analytics:read",
  "exports:read",
  "audit:read",
  "outbox:read",
  "desk:use",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Role = "owner" | "admin" | "marketer" | "analyst" | "staff";

const READ_CONSOLE: Permission[] = [
  "program:read",
  "plans:read",
  "rewards:read",
  "segments:read",
  "campaigns:read",
  "members:read",
  "analytics:read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  marketer: [...READ_CONSOLE, "plans:write", "catalog:write", "rewards:write", "segments:write", "campaigns:write", "webhooks:manage", "exports:read"],
  analyst: [...READ_CONSOLE, "exports:read"],
  // Manual adjustments are not part of the role: a store lead gets `points:adjust` as an extra permission.
  staff: ["desk:use", "members:read", "members:write", "points:earn", "points:redeem", "points:refund", "coupons:validate", "rewards:read"],
};

export function permissionsOf(role: Role, extra: readonly string[] = []): Set<Permission> {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const p of extra) if ((PERMISSIONS as readonly string[]).includes(p)) granted.add(p as Permission);
  return granted;
}

/** Scopes an integration's API key may carry: a subset of the permissions, checked the same way. */
export const API_SCOPES = [
  "members:read",
  "members:write",
  "points:earn",
  "points:redeem",
  "points:adjust",
  "coupons:validate",
  "webhooks:manage",
  "catalog:write",
] as const satisfies readonly Permission[];

export type ApiScope = (typeof API_SCOPES)[number];
