import type { Executor } from "@/db/types";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { createBusinessAccount } from "@/lib/services/business-accounts/create-business-account";
import { findMyAccountId } from "@/lib/services/business-accounts/get-my-account";
import { createMember } from "@/lib/services/members/create-member";
import { lookupMembers } from "@/lib/services/members/lookup-members";
import { createProgram } from "@/lib/services/programs/create-program";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { ignoreExisting, system } from "./e2e-setup-shared";

/**
 * e2e/portal/business-account and e2e/api/business-accounts: a program of their own ("b2b", MXN, tiers on
 * spend, a quiz event rule), its console admin (reads the outbox), Bea who manages the account
 * "Constructora Andina", and an API key. The buyers are invited during the journey.
 */
export async function businessAccountsProgram(db: Executor, password: string) {
  const plan = {
    ...defaultPlan(),
    tierQualification: { metric: "spend" as const, window: "rolling_12_months" as const },
    tiers: [
      { key: "obra", name: { es: "Obra", en: "Site" }, threshold: 0, earnMultiplier: 1 },
      { key: "constructor", name: { es: "Constructor", en: "Builder" }, threshold: 500_000, earnMultiplier: 1.25 },
    ],
    eventRules: [{ id: "quiz", name: { es: "Quiz de producto", en: "Product quiz" }, eventType: "quiz.completed", points: 50, oncePer: "quizId", active: true }],
  };
  await ignoreExisting(() => createProgram(db, { slug: "b2b", name: "Ferretería Mayoreo", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan }));
  const program = await requireProgramBySlug(db, "b2b");
  const admin = "admin-b2b@e2e.example";
  await ignoreExisting(() => addTeamMember(db, system, { email: admin, role: "admin", programId: program.id, storeIds: [], name: "Berta Mayoreo", password }));
  const accountAdmin = "member-b2b-admin@e2e.example";
  await ignoreExisting(() => createMember(db, { programId: program.id, email: accountAdmin, name: "Bea Compras", externalId: "e2e-b2b-admin", enrolmentChannel: "console", consents: { terms: true } }));
  const [bea] = await lookupMembers(db, system, { programId: program.id, externalId: "e2e-b2b-admin" });
  await ignoreExisting(() => createBusinessAccount(db, system, { programId: program.id, name: "Constructora Andina", externalId: "e2e-b2b-andina", adminMemberId: bea!.id }));
  const accountId = await findMyAccountId(db, { kind: "member", programId: program.id, memberId: bea!.id });
  const key = await createApiKey(db, system, { programId: program.id, name: "e2e b2b API" });
  return { programId: program.id, key: key.key, admin, accountId, accountAdmin: { id: bea!.id, email: accountAdmin } };
}
