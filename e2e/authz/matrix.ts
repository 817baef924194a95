/**
 * The authorization matrix: for every page and route handler, what each kind
 * of actor gets. `matrix.e2e.ts` checks every cell against the running app,
 * and fails when app/ has a route without a row here.
 *
 *   ok      served (2xx, not sent to a sign-in page)
 *   signin  sent to a sign-in page
 *   denied  refused while signed in (403 / 404 / an access-denied page)
 *   public  open to everyone (any actor may be redirected onward, never refused)
 */
export type Outcome = "ok" | "signin" | "denied" | "public";

export const ACTORS = ["anonymous", "memberA", "memberB", "staffX", "staffY", "marketerP", "marketerQ", "analyst", "admin"] as const;
export type ActorName = (typeof ACTORS)[number];

type Row = { route: string; probe?: string; expect: Record<ActorName, Outcome> };

const all = (outcome: Outcome): Record<ActorName, Outcome> => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<ActorName, Outcome>;

/** Console pages every console role may read. */
const consoleRead: Record<ActorName, Outcome> = {
  anonymous: "signin", memberA: "signin", memberB: "signin",
  staffX: "denied", staffY: "denied",
  marketerP: "ok", marketerQ: "ok", analyst: "ok", admin: "ok",
};

/** Console administration: owners and admins only. */
const consoleAdmin: Record<ActorName, Outcome> = { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied" };

/** Member-only portal pages and routes: each member sees their own; everyone else is sent to sign in. */
const memberOnly: Record<ActorName, Outcome> = {
  anonymous: "signin", memberA: "ok", memberB: "ok", staffX: "signin", staffY: "signin", marketerP: "signin", marketerQ: "signin", analyst: "signin", admin: "signin",
};

/** Desk screens at store X: its cashier and the owner; not staff of another store, not console-only roles. */
const deskAtStoreX: Record<ActorName, Outcome> = {
  anonymous: "signin", memberA: "signin", memberB: "signin", staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok",
};

export const MATRIX: Row[] = [
  { route: "/", expect: all("public") },
  { route: "/api/auth/[...nextauth]", probe: "/api/auth/session", expect: all("public") },
  { route: "/api/v1", expect: all("public") },
  { route: "/api/v1/health", expect: all("public") },
  // The integration API answers API keys only: a browser session is "unauthorized" (401)…
  { route: "/api/v1/members", expect: all("signin") },
  { route: "/api/v1/members/[id]/adjustments", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000/adjustments", expect: all("denied") },
  { route: "/api/v1/members/[id]", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000", expect: all("signin") },
  { route: "/api/v1/members/[id]/history", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000/history", expect: all("signin") },
  { route: "/api/v1/members/[id]/challenges", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000/challenges", expect: all("signin") },
  { route: "/api/v1/openapi.json", expect: all("public") },
  { route: "/api/v1/products", expect: all("signin") },
  { route: "/api/v1/products/[sku]", probe: "/api/v1/products/NO-SUCH-SKU", expect: all("signin") },
  // …and POST-only routes refuse a GET outright (405).
  { route: "/api/v1/purchases", expect: all("denied") },
  { route: "/api/v1/rewards", expect: all("signin") },
  { route: "/api/v1/redemptions", expect: all("denied") },
  { route: "/api/v1/coupons/validate", expect: all("denied") },
  { route: "/api/v1/coupons/[code]/redeem", probe: "/api/v1/coupons/LZ-22222-22222/redeem", expect: all("denied") },
  { route: "/api/v1/refunds", expect: all("denied") },
  { route: "/api/v1/tickets", expect: all("denied") },
  { route: "/api/v1/holds", expect: all("denied") },
  { route: "/api/v1/transfers", expect: all("denied") },
  { route: "/api/v1/holds/[id]/capture", probe: "/api/v1/holds/00000000-0000-4000-8000-000000000000/capture", expect: all("denied") },
  { route: "/api/v1/holds/[id]/void", probe: "/api/v1/holds/00000000-0000-4000-8000-000000000000/void", expect: all("denied") },
  // Business accounts and custom events: API keys only, like the rest (GET-less routes answer 405).
  { route: "/api/v1/accounts", expect: all("denied") },
  { route: "/api/v1/accounts/[id]", probe: "/api/v1/accounts/00000000-0000-4000-8000-000000000000", expect: all("signin") },
  { route: "/api/v1/accounts/[id]/activity", probe: "/api/v1/accounts/00000000-0000-4000-8000-000000000000/activity", expect: all("signin") },
  { route: "/api/v1/accounts/[id]/users", probe: "/api/v1/accounts/00000000-0000-4000-8000-000000000000/users", expect: all("denied") },
  { route: "/api/v1/accounts/[id]/users/[memberId]", probe: "/api/v1/accounts/00000000-0000-4000-8000-000000000000/users/00000000-0000-4000-8000-000000000000", expect: all("denied") },
  { route: "/api/v1/events", expect: all("denied") },
  // Sign-in, password recovery and portal enrolment are for signed-out visitors; nobody is refused.
  { route: "/sign-in", expect: all("public") },
  { route: "/forgot-password", expect: all("public") },
  { route: "/reset-password", expect: all("public") },
  { route: "/me/sign-in", expect: all("public") },
  { route: "/me/verify", probe: "/me/verify?email=someone%40example.com", expect: all("public") },
  { route: "/me/join", expect: all("public") },
  { route: "/invite/accept", expect: all("public") },
  { route: "/console", expect: consoleRead },
  { route: "/console/catalog", expect: consoleRead },
  // Importing needs catalog:write: marketers and admins, not analysts.
  { route: "/console/catalog/import", expect: { ...consoleRead, analyst: "denied" } },
  // The plan designer: every console role reads the plan and the tester; editing the draft needs plans:write (not analysts).
  { route: "/console/plans", expect: consoleRead },
  { route: "/console/plans/tester", expect: consoleRead },
  { route: "/console/plans/draft", expect: { ...consoleRead, analyst: "denied" } },
  { route: "/console/plans/draft/rule", expect: { ...consoleRead, analyst: "denied" } },
  // Plan simulations: every console role reads runs (analysts too); another program's or an unknown run is a 404.
  { route: "/console/plans/simulations", expect: consoleRead },
  { route: "/console/plans/simulations/[id]", probe: "/console/plans/simulations/00000000-0000-4000-8000-000000000000", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/plans/simulations/[id]/export", probe: "/console/plans/simulations/00000000-0000-4000-8000-000000000000/export", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/rewards", expect: consoleRead },
  { route: "/console/rewards/menus", expect: consoleRead },
  { route: "/console/rewards/coupons", expect: consoleRead },
  // Creating needs rewards:write: marketers and admins, not analysts.
  { route: "/console/rewards/new", expect: { ...consoleRead, analyst: "denied" } },
  // An id that exists nowhere: every signed-in console user gets a 404.
  { route: "/console/rewards/[id]", probe: "/console/rewards/00000000-0000-4000-8000-000000000000", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  // Analytics dashboard and its CSV export: every console role reads (analytics:read); the export also needs exports:read, which every console role but staff has.
  { route: "/console/analytics", expect: consoleRead },
  { route: "/console/analytics/export", probe: "/console/analytics/export?table=tiers", expect: consoleRead },
  // Segments: every console role lists and previews (segments:read); creating needs segments:write (not analysts).
  { route: "/console/segments", expect: consoleRead },
  // Predictions: every console role with analytics:read (marketers, analysts, admins); staff are refused.
  { route: "/console/analytics/predictions", expect: consoleRead },
  { route: "/console/segments/new", expect: { ...consoleRead, analyst: "denied" } },
  // An id that exists nowhere: every signed-in console user gets a 404 (the export answers 404 too; staff lack segments:read).
  { route: "/console/segments/[id]", probe: "/console/segments/00000000-0000-4000-8000-000000000000", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/segments/[id]/export", probe: "/console/segments/00000000-0000-4000-8000-000000000000/export", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  // Campaigns: every console role lists them and reads results (campaigns:read); creating and editing need campaigns:write (not analysts).
  { route: "/console/campaigns", expect: consoleRead },
  // Challenges: every console role lists them (campaigns:read); creating and editing need campaigns:write (not analysts); an id that exists nowhere is a 404.
  { route: "/console/challenges", expect: consoleRead },
  { route: "/console/challenges/new", expect: { ...consoleRead, analyst: "denied" } },
  { route: "/console/challenges/[id]/edit", probe: "/console/challenges/00000000-0000-4000-8000-000000000000/edit", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/campaigns/new", expect: { ...consoleRead, analyst: "denied" } },
  // An id that exists nowhere: every signed-in console user gets a 404.
  { route: "/console/campaigns/[id]", probe: "/console/campaigns/00000000-0000-4000-8000-000000000000", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/campaigns/[id]/edit", probe: "/console/campaigns/00000000-0000-4000-8000-000000000000/edit", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/settings/outbox", expect: consoleAdmin },
  // The organization page: every console role with analytics:read sees its brands compared (staff are refused).
  { route: "/console/organization", expect: consoleRead },
  { route: "/console/team", expect: consoleAdmin },
  { route: "/console/developers/api-keys", expect: consoleAdmin },
  { route: "/console/developers/reference", expect: consoleRead },
  { route: "/api/v1/webhooks", expect: all("signin") },
  { route: "/api/v1/webhooks/[id]", probe: "/api/v1/webhooks/00000000-0000-4000-8000-000000000000", expect: all("denied") },
  // Webhooks: marketers and admins (webhooks:manage); the analyst is refused.
  { route: "/console/developers/webhooks", expect: { ...consoleRead, analyst: "denied" } },
  // An endpoint id that exists nowhere: "not found" for everyone signed in.
  { route: "/console/developers/webhooks/[id]", probe: "/console/developers/webhooks/00000000-0000-4000-8000-000000000000", expect: { ...consoleRead, marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "denied" } },
  { route: "/console/settings/audit", expect: consoleAdmin },
  // Program settings (name, point name, locale, zone, point value, clawback): owners and admins only (program:write).
  { route: "/console/settings/program", expect: consoleAdmin },
  { route: "/console/settings/audit/export", expect: consoleAdmin },
  { route: "/console/members", expect: consoleRead },
  // Member A of the demo program: program Q's marketer gets a 404 (another program's ids reveal nothing).
  { route: "/console/members/[memberId]", probe: "/console/members/{memberA}", expect: { ...consoleRead, marketerQ: "denied" } },
  // "Download CSV" of each console list: the page's permission plus exports:read (every console role but staff has it); team and API keys stay with admins.
  { route: "/console/members/export", expect: consoleRead },
  { route: "/console/members/[memberId]/export", probe: "/console/members/{memberA}/export", expect: { ...consoleRead, marketerQ: "denied" } },
  { route: "/console/rewards/export", expect: consoleRead },
  { route: "/console/campaigns/export", expect: consoleRead },
  { route: "/console/segments/export", expect: consoleRead },
  { route: "/console/catalog/export", expect: consoleRead },
  { route: "/console/team/export", expect: consoleAdmin },
  { route: "/console/developers/api-keys/export", expect: consoleAdmin },
  {
    route: "/me",
    expect: { anonymous: "signin", memberA: "ok", memberB: "ok", staffX: "signin", staffY: "signin", marketerP: "signin", marketerQ: "signin", analyst: "signin", admin: "signin" },
  },
  { route: "/me/history", expect: memberOnly },
  { route: "/me/coupons", expect: memberOnly },
  { route: "/me/rewards", expect: memberOnly },
  // The inbox: each member's own messages and offers (the service scopes by the session); everyone else signs in.
  { route: "/me/inbox", expect: memberOnly },
  { route: "/me/referrals", expect: memberOnly },
  // Coalition transfers: each member moves their own points (an empty state in a program without sister brands).
  { route: "/me/transfers", expect: memberOnly },
  { route: "/me/challenges", expect: memberOnly },
  // The leaderboard exists only while the program has it on: members A and B are in the demo program, which leaves it off (not found).
  { route: "/me/leaderboard", expect: { ...memberOnly, memberA: "denied", memberB: "denied" } },
  // The business account view: each member's own account (admins see everyone, buyers their own slice, others an empty state).
  { route: "/me/account", expect: memberOnly },
  { route: "/me/history/entries", expect: memberOnly },
  { route: "/me/history/export", expect: memberOnly },
  // The member card, its rotating QR token, the live balance and privacy: each member's own, from the session only.
  { route: "/me/card", expect: memberOnly },
  { route: "/me/card/token", expect: memberOnly },
  { route: "/me/balance", expect: memberOnly },
  { route: "/me/privacy", expect: memberOnly },
  { route: "/me/privacy/export", expect: memberOnly },
  {
    route: "/staff",
    expect: { anonymous: "signin", memberA: "signin", memberB: "signin", staffX: "ok", staffY: "ok", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
  },
  // The counter at store X (staff X's; staff Y works elsewhere and gets the store picker's refusal): search, enrol, a member's panel.
  { route: "/staff/[storeId]", probe: "/staff/{storeX}", expect: deskAtStoreX },
  { route: "/staff/[storeId]/members/new", probe: "/staff/{storeX}/members/new", expect: deskAtStoreX },
  { route: "/staff/[storeId]/members/[memberId]", probe: "/staff/{storeX}/members/{memberA}", expect: deskAtStoreX },
  // Desk sales at store X: recording a purchase and returns need points:earn / points:refund there; a manual adjustment
  // needs points:adjust, which the plain cashier lacks (the page says so) and the owner has.
  { route: "/staff/[storeId]/members/[memberId]/purchase", probe: "/staff/{storeX}/members/{memberA}/purchase", expect: deskAtStoreX },
  { route: "/staff/[storeId]/members/[memberId]/adjust", probe: "/staff/{storeX}/members/{memberA}/adjust", expect: { ...deskAtStoreX, staffX: "denied" } },
  { route: "/staff/[storeId]/returns", probe: "/staff/{storeX}/returns", expect: deskAtStoreX },
  // Redeeming at store X: the coupon box, redeem for a member, the end of day and its CSV (desk:use at the store; an
  // admin sees any store's report, staff only their own — staff Y's refusal of store X's CSV is a 403).
  { route: "/staff/[storeId]/coupons", probe: "/staff/{storeX}/coupons", expect: deskAtStoreX },
  { route: "/staff/[storeId]/members/[memberId]/redeem", probe: "/staff/{storeX}/members/{memberA}/redeem", expect: deskAtStoreX },
  { route: "/staff/[storeId]/end-of-day", probe: "/staff/{storeX}/end-of-day", expect: deskAtStoreX },
  { route: "/staff/[storeId]/end-of-day/csv", probe: "/staff/{storeX}/end-of-day/csv", expect: deskAtStoreX },
];
