import { z } from "zod";
import { apiAccountActivityQuerySchema, apiAccountUserSchema, apiCreateAccountSchema, apiUpdateAccountUserSchema } from "@/lib/validation/business-accounts";
import { apiCustomEventSchema } from "@/lib/validation/custom-events";
import type { Operation } from "./openapi";

/** Business accounts (a company's pool shared by its buyers) and custom events in the OpenAPI document. */
const localized = z.object({ es: z.string(), en: z.string() });
const role = z.enum(["earn", "redeem", "manage"]).meta({ description: "earn: purchases earn into the pool; redeem: may also spend it (within the monthly limit); manage: may also manage users." });
const idParams = (names: [string, string][]) => z.object(Object.fromEntries(names.map(([name, description]) => [name, z.string().meta({ description, param: { name, in: "path" } })])));
const accountParams = idParams([["id", "Business account id"]]);

const accountUser = z.object({
  memberId: z.uuid(),
  role,
  monthlyRedemptionLimit: z.number().int().nullable().meta({ description: "Points per calendar month (program's time zone); null = no limit." }),
}).meta({ id: "AccountUser" });

const account = z.object({
  id: z.uuid(),
  name: z.string(),
  externalId: z.string().nullable(),
  tier: z.object({ key: z.string(), name: localized.nullable() }).nullable().meta({ description: "Qualified on the account's total (every user's spend, or the pool's points, as the plan says)." }),
  balance: z.object({ available: z.number().int(), pending: z.number().int(), held: z.number().int(), lifetimeEarned: z.number().int(), lifetimeRedeemed: z.number().int() }),
  users: z.array(accountUser.extend({
    name: z.string().nullable(),
    email: z.string().nullable(),
    cardNumber: z.string(),
    redeemedThisMonth: z.number().int(),
    remainingThisMonth: z.number().int().nullable(),
    pointsEarned: z.number().int(),
    purchases: z.number().int(),
    addedAt: z.iso.datetime(),
  })),
  createdAt: z.iso.datetime(),
}).meta({ id: "BusinessAccount" });

const activity = z.object({
  data: z.array(z.object({
    id: z.number().int(),
    kind: z.string(),
    points: z.number().int(),
    availableDelta: z.number().int(),
    pendingDelta: z.number().int(),
    reason: z.string().nullable(),
    orderRef: z.string().nullable(),
    memberId: z.uuid().nullable().meta({ description: "The user who earned or redeemed." }),
    memberName: z.string().nullable(),
    memberEmail: z.string().nullable(),
    occurredAt: z.iso.datetime(),
  })),
  nextCursor: z.number().int().nullable(),
}).meta({ id: "AccountActivityPage" });

const eventResult = z.object({
  id: z.uuid(),
  eventId: z.string(),
  memberId: z.uuid(),
  type: z.string(),
  occurredAt: z.iso.datetime(),
  pointsEarned: z.number().int(),
  entryId: z.number().int().nullable(),
  account: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: "The business account whose pool earned; null = the member's own account." }),
  balance: z.object({ available: z.number().int(), pending: z.number().int() }),
  rules: z.array(z.object({ ruleId: z.string(), fired: z.boolean(), points: z.number().int(), onceKey: z.string().nullable(), miss: z.string().optional() })),
}).meta({ id: "CustomEventResult" });

export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: "post", path: "/api/v1/accounts", tag: "Accounts", scope: "members:write", summary: "Open a business account",
    description: "A company whose buyers (members) earn into one pool of points. adminMemberId becomes its first user, with manage. externalId is unique per program.",
    body: apiCreateAccountSchema, bodyExample: { name: "Ferretería Norte SA de CV", externalId: "ERP-C-1042", adminMemberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f" },
    ok: { status: 201, schema: account, description: "The account, its empty pool and its users." }, errors: { 404: ["not_found"], 409: ["account_exists", "member_in_other_account"] },
  },
  {
    method: "get", path: "/api/v1/accounts/{id}", tag: "Accounts", scope: "members:read", summary: "Get a business account: pool balance, tier and users",
    params: accountParams, ok: { status: 200, schema: account, description: "The account with each user's redemptions this month and what their limit still allows." }, errors: { 404: ["not_found"] },
  },
  {
    method: "post", path: "/api/v1/accounts/{id}/users", tag: "Accounts", scope: "members:write", summary: "Add a user to an account (or change one)",
    description: "201 when the member joined the account, 200 when they were already in it (role and limit changed; an absent limit keeps its value). A member buys for one account at most. From now on their purchases earn into the pool and their redemptions spend it.",
    params: accountParams, body: apiAccountUserSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", role: "redeem", monthlyRedemptionLimit: 2000 },
    ok: { status: 201, schema: accountUser, description: "The user's role and limit." }, errors: { 404: ["not_found"], 409: ["member_in_other_account"], 422: ["last_manager"] },
  },
  {
    method: "patch", path: "/api/v1/accounts/{id}/users/{memberId}", tag: "Accounts", scope: "members:write", summary: "Change a user's role or monthly limit",
    params: idParams([["id", "Business account id"], ["memberId", "The user's member id"]]), body: apiUpdateAccountUserSchema, bodyExample: { monthlyRedemptionLimit: null },
    ok: { status: 200, schema: accountUser, description: "The user after the change." }, errors: { 404: ["not_found"], 422: ["last_manager", "validation_failed"] },
  },
  {
    method: "delete", path: "/api/v1/accounts/{id}/users/{memberId}", tag: "Accounts", scope: "members:write", summary: "Remove a user from an account",
    description: "Their past stays in the pool's activity; their next purchases earn into their own account. The last manager cannot be removed.",
    params: idParams([["id", "Business account id"], ["memberId", "The user's member id"]]),
    ok: { status: 200, schema: z.object({ removed: z.literal(true) }), description: "Removed." }, errors: { 404: ["not_found"], 422: ["last_manager"] },
  },
  {
    method: "get", path: "/api/v1/accounts/{id}/activity", tag: "Accounts", scope: "members:read", summary: "The pool's activity, newest first, by user",
    description: "Cursor pagination: pass nextCursor back as cursor until it is null; memberId narrows to one user.",
    params: accountParams, query: apiAccountActivityQuerySchema, ok: { status: 200, schema: activity, description: "A page of the pool's ledger entries." }, errors: { 404: ["not_found"], 422: ["validation_failed"] },
  },
  {
    method: "post", path: "/api/v1/events", tag: "Events", scope: "points:earn", summary: "Record a custom event and earn by the plan's event rules",
    description: "Engagement actions (quiz.completed, survey.answered…) earn by the plan's event rules (Console → Plans → Event rules), e.g. 50 points once per quizId. Idempotent per eventId, for ever: the same eventId again answers 200 with the first result and credits nothing; the same eventId for another member or type is 409 event_exists. A user of a business account earns into its pool.",
    body: apiCustomEventSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", type: "quiz.completed", eventId: "lms-88412", occurredAt: "2026-11-23T12:00:00-06:00", properties: { quizId: "drills-101", score: 9 } },
    ok: { status: 201, schema: eventResult, description: "Points earned and which rules fired or why not." }, errors: { 404: ["not_found"], 409: ["event_exists"] },
  },
];
