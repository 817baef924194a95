import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { permissionsOf, type ApiScope, type Permission, type Role } from "./permissions";

/** One role assignment of a console or staff user. */
export type Grant = {
  organizationId: string;
  /** null: every program of the organization. */
  programId: string | null;
  role: Role;
  storeIds: string[];
  extraPermissions: string[];
};

/** Whoever is calling a service: resolved by the transport (session, API key, CLI) before any data is touched. */
export type Actor =
  | { kind: "user"; userId: string; email: string; grants: Grant[] }
  | { kind: "member"; programId: string; memberId: string }
  | { kind: "api_key"; programId: string; keyId: string; scopes: ApiScope[] }
  | { kind: "system"; label: string };

export type ProgramScope = { id: string; organizationId: string };

function grantsFor(actor: Extract<Actor, { kind: "user" }>, program: ProgramScope): Grant[] {
  return actor.grants.filter((g) => g.organizationId === program.organizationId && (g.programId === null || g.programId === program.id));
}

/** True when the actor may do `permission` in the program (and store, for store-bound roles). */
export function can(actor: Actor, permission: Permission, program: ProgramScope, storeId?: string): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "member":
      return false;
    case "api_key":
      return actor.programId === program.id && (actor.scopes as string[]).includes(permission);
    case "user":
      return grantsFor(actor, program).some(
        (g) =>
          permissionsOf(g.role, g.extraPermissions).has(permission) &&
          (storeId === undefined || g.role !== "staff" || g.storeIds.includes(storeId)),
      );
  }
}

/**
 * Throws unless the actor may act. Someone with no standing in the program at
 * all gets "not found", so ids of other programs reveal nothing; someone who
 * belongs but lacks the permission gets "forbidden".
 */
export function authorize(actor: Actor, permission: Permission, program: ProgramScope, storeId?: string): void {
  if (can(actor, permission, program, storeId)) return;
  const belongs =
    (actor.kind === "user" && grantsFor(actor, program).length > 0) ||
    (actor.kind === "api_key" && actor.programId === program.id) ||
    (actor.kind === "member" && actor.programId === program.id);
  if (!belongs) throw new NotFoundError("program", program.id);
  throw new ForbiddenError(permission);
}

/**
 * Organization owners: an owner grant over every program of the organization
 * (no program named). Only they add brands to it.
 */
export function ownsOrganization(actor: Actor, organizationId: string): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "user" && actor.grants.some((g) => g.organizationId === organizationId && g.programId === null && g.role === "owner");
}

/** A member acts only on their own data. */
export function authorizeSelf(actor: Actor, member: { programId: string; memberId: string }): void {
  if (actor.kind === "system") return;
  if (actor.kind === "member" && actor.programId === member.programId && actor.memberId === member.memberId) return;
  throw new NotFoundError("member", member.memberId);
}

/** Stores a user may work at in a program (all of them for roles not bound to stores). */
export function storesOf(actor: Actor, program: ProgramScope): string[] | "all" {
  if (actor.kind !== "user") return actor.kind === "system" ? "all" : [];
  const grants = grantsFor(actor, program);
  if (grants.some((g) => g.role !== "staff")) return "all";
  return [...new Set(grants.flatMap((g) => g.storeIds))];
}

export function actorRef(actor: Actor): { actorType: "system" | "user" | "member" | "api_key"; actorId: string } {
  switch (actor.kind) {
    case "user":
      return { actorType: "user", actorId: actor.userId };
    case "member":
      return { actorType: "member", actorId: actor.memberId };
    case "api_key":
      return { actorType: "api_key", actorId: actor.keyId };
    case "system":
      return { actorType: "system", actorId: actor.label };
  }
}
