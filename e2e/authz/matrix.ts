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

export const MATRIX: Row[] = [
  { route: "/", expect: all("public") },
  { route: "/api/auth/[...nextauth]", probe: "/api/auth/session", expect: all("public") },
  { route: "/api/v1", expect: all("public") },
  { route: "/api/v1/health", expect: all("public") },
  // The integration API answers API keys only: a browser session is "unauthorized" (401)…
  { route: "/api/v1/members", expect: all("signin") },
  { route: "/api/v1/members/[id]/adjustments", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000/adjustments", expect: all("denied") },
  { route: "/api/v1/members/[id]", probe: "/api/v1/members/00000000-0000-4000-8000-000000000000", expect: all("signin") },
  // …and POST-only routes refuse a GET outright (405).
  { route: "/api/v1/purchases", expect: all("denied") },
  // Sign-in, password recovery and portal enrolment are for signed-out visitors; nobody is refused.
  { route: "/sign-in", expect: all("public") },
  { route: "/forgot-password", expect: all("public") },
  { route: "/reset-password", expect: all("public") },
  { route: "/me/sign-in", expect: all("public") },
  { route: "/me/verify", probe: "/me/verify?email=someone%40example.com", expect: all("public") },
  { route: "/me/join", expect: all("public") },
  { route: "/invite/accept", expect: all("public") },
  { route: "/console", expect: consoleRead },
  { route: "/console/settings/outbox", expect: consoleAdmin },
  { route: "/console/team", expect: consoleAdmin },
  { route: "/console/developers/api-keys", expect: consoleAdmin },
  { route: "/console/settings/audit", expect: consoleAdmin },
  { route: "/console/settings/audit/export", expect: consoleAdmin },
  {
    route: "/me",
    expect: { anonymous: "signin", memberA: "ok", memberB: "ok", staffX: "signin", staffY: "signin", marketerP: "signin", marketerQ: "signin", analyst: "signin", admin: "signin" },
  },
  {
    route: "/staff",
    expect: { anonymous: "signin", memberA: "signin", memberB: "signin", staffX: "ok", staffY: "ok", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
  },
];
