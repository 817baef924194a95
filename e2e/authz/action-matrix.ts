import { ACTORS, type ActorName } from "./matrix";

/**
 * The authorization matrix for server actions: every action the build
 * registers × every actor. `matrix.e2e.ts` calls each action the way React
 * does (a POST with the `Next-Action` header) and fails when the build has an
 * action without a row here.
 *
 *   ok      the action ran for this actor (its answer may still be a field error)
 *   signin  sent to a sign-in page (by the proxy, or by the action's own session check)
 *   denied  refused: the answer carries the code `forbidden` or `not_found`
 *   public  meant for everyone: any answer but a refusal
 *
 * Probes send input the action refuses on validation (an empty form, an id
 * that is not one), so no probe changes data: an actor who may act gets "ok"
 * with field errors, and one who may not is refused before validation
 * (services authorize first — lib/services/programs/authorize-program.ts).
 */
export type ActionOutcome = "ok" | "signin" | "denied" | "public";

/** How the probe calls the action: `(prevState, formData)` (useActionState), `(formData)`, or plain JSON arguments. */
export type ActionCall =
  | { kind: "state-form"; fields?: Record<string, string> }
  | { kind: "form"; fields?: Record<string, string> }
  | { kind: "args"; args: unknown[] };

export type ActionRow = {
  /** `file#exportedName`, as in the server reference manifest. */
  action: string;
  call: ActionCall;
  /** Page to post to when the action's first page has dynamic segments. */
  page?: string;
  expect: Record<ActorName, ActionOutcome>;
  /** Actors not probed (the call would end a shared session), with the reason; other tests cover them. */
  skip?: { actors: ActorName[]; why: string };
};

const all = (outcome: ActionOutcome): Record<ActorName, ActionOutcome> => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<ActorName, ActionOutcome>;

/** Console actions that need a console permission only owners and admins hold. */
const adminOnly: Record<ActorName, ActionOutcome> = {
  anonymous: "signin", memberA: "signin", memberB: "signin",
  staffX: "denied", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok",
};

/** Console writes of marketing content (plans, rewards, catalog, segments, campaigns): marketers and admins. */
export const marketingWrite: Record<ActorName, ActionOutcome> = { ...adminOnly, marketerP: "ok", marketerQ: "ok" };

/** Console reads every console role may do. */
export const consoleReadAction: Record<ActorName, ActionOutcome> = { ...marketingWrite, analyst: "ok" };

/** Portal actions: a signed-in member acts on their own data. */
export const memberOnly: Record<ActorName, ActionOutcome> = {
  ...all("signin"),
  memberA: "ok",
  memberB: "ok",
};

const emptyForm: ActionCall = { kind: "state-form" };

export const ACTION_MATRIX: ActionRow[] = [
  // Deliberately public (tests/authz/server-actions.test.ts lists why): signed-out flows and the language switch.
  { action: "i18n/set-locale-action.ts#setLocaleAction", call: { kind: "form", fields: { locale: "es" } }, expect: all("public") },
  { action: "app/(auth)/sign-in/actions.ts#signInAction", call: emptyForm, expect: all("public") },
  { action: "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction", call: emptyForm, expect: all("public") },
  { action: "app/(auth)/reset-password/actions.ts#resetPasswordAction", call: emptyForm, expect: all("public") },
  { action: "app/(auth)/invite/accept/actions.ts#acceptInvitationAction", call: emptyForm, expect: all("public") },
  { action: "app/(portal)/me/sign-in/actions.ts#requestCodeAction", call: emptyForm, expect: all("public") },
  { action: "app/(portal)/me/sign-in/actions.ts#verifyCodeAction", call: emptyForm, expect: all("public") },
  { action: "app/(portal)/me/sign-in/actions.ts#resendCodeAction", call: emptyForm, expect: all("public") },
  { action: "app/(portal)/me/join/actions.ts#joinAction", call: emptyForm, expect: all("public") },
  // Portal privacy: a member's own consents and account deletion. An empty post is refused on validation (no choice, no
  // confirmation ticked), so probing members changes nothing; everyone else is sent to the member sign-in.
  { action: "app/(portal)/me/privacy/actions.ts#updateConsentsAction", call: emptyForm, expect: memberOnly },
  { action: "app/(portal)/me/privacy/actions.ts#deleteAccountAction", call: emptyForm, expect: memberOnly },
  // Portal leaderboard: a member joins, renames themself on or leaves their program's board; an empty post (no choice) is
  // refused on validation, so probing members changes nothing.
  { action: "app/(portal)/me/leaderboard/actions.ts#updateLeaderboardAction", call: emptyForm, expect: memberOnly },
  // Portal rewards: a member redeems for themselves; an empty post (no reward) is refused on validation and spends nothing.
  { action: "app/(portal)/me/rewards/actions.ts#redeemRewardAction", call: emptyForm, expect: memberOnly },
  // Portal inbox: a member marks their own messages read. The probes name no message (an empty id, an empty form),
  // refused on validation, so nothing is marked; everyone else is sent to the member sign-in.
  { action: "app/(portal)/me/inbox/actions.ts#markMessageReadAction", call: { kind: "args", args: [""] }, expect: memberOnly },
  { action: "app/(portal)/me/inbox/actions.ts#markAllReadAction", call: emptyForm, expect: memberOnly },
  {
    action: "lib/auth/sign-out-actions.ts#signOutAction",
    call: { kind: "args", args: [] },
    // Signing out anyone lands on a sign-in page; probing signed-in actors would end the session this suite uses.
    expect: all("signin"),
    skip: { actors: ACTORS.filter((a) => a !== "anonymous"), why: "ends the session; e2e/auth covers signing out" },
  },
  {
    action: "lib/auth/sign-out-actions.ts#signOutEverywhereAction",
    call: { kind: "args", args: [] },
    expect: { ...all("signin"), staffX: "ok", staffY: "ok", marketerP: "ok", marketerQ: "ok", analyst: "ok", admin: "ok" },
    skip: { actors: ["staffX", "staffY", "marketerP", "marketerQ", "analyst", "admin"], why: "would sign shared demo users out on every device; e2e/auth uses a dedicated user" },
  },
  // Coalition transfers: a member moves their own points; an empty post (no brand, no points) is refused on validation and moves nothing.
  { action: "app/(portal)/me/transfers/actions.ts#transferPointsAction", call: emptyForm, expect: memberOnly },
  // Business accounts: only an account's managers invite, change or remove its buyers; members A and B belong to no account,
  // so they are refused (not_found) before any validation, and the probe changes nothing.
  ...["inviteBuyerAction", "updateBuyerAction", "removeBuyerAction"].map(
    (name): ActionRow => ({ action: `app/(portal)/me/account/actions.ts#${name}`, call: emptyForm, expect: { ...all("signin"), memberA: "denied", memberB: "denied" } }),
  ),
  // The program switcher: any console user picks among their own programs (an empty pick is refused on validation; staff have no console program).
  { action: "app/(console)/console/organization/actions.ts#switchProgramAction", call: emptyForm, expect: consoleReadAction },
  // New brands: organization owners only (the demo admin is one); an empty form is refused on validation, so nothing is created.
  { action: "app/(console)/console/organization/actions.ts#createBrandAction", call: emptyForm, expect: adminOnly },
  // Coalition links: program:write in both programs (owners and admins); an empty form names no sister and is refused on validation.
  { action: "app/(console)/console/organization/actions.ts#setCoalitionRateAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/organization/actions.ts#removeCoalitionLinkAction", call: emptyForm, expect: adminOnly },
  // Copies between brands: the content's write permission in both (marketers and admins); an empty form is refused on validation.
  { action: "app/(console)/console/organization/actions.ts#copyToProgramAction", call: emptyForm, expect: marketingWrite },
  // Console administration.
  { action: "app/(console)/console/team/actions.ts#inviteTeamMemberAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/team/actions.ts#changeTeamMemberAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/team/actions.ts#removeTeamMemberAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/developers/api-keys/actions.ts#createApiKeyAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/developers/api-keys/actions.ts#revokeApiKeyAction", call: emptyForm, expect: adminOnly },
  // Webhooks (webhooks:manage): marketers and admins.
  { action: "app/(console)/console/developers/webhooks/actions.ts#createWebhookAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#updateWebhookAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#setWebhookStatusAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#rotateWebhookSecretAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#deleteWebhookAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#sendTestWebhookAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/developers/webhooks/actions.ts#replayWebhookAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/settings/audit/actions.ts#loadMoreAuditEntries", call: { kind: "args", args: [{}, 1] }, expect: adminOnly },
  // Program settings: an empty form is refused on validation (no name, no policy), so the admin's probe changes nothing.
  { action: "app/(console)/console/settings/program/actions.ts#updateProgramSettingsAction", call: emptyForm, expect: adminOnly },
  // Referral settings and "process now": an empty form is refused on validation (no points; no confirm), so the admin's probe changes nothing.
  { action: "app/(console)/console/settings/program/referral-actions.ts#updateReferralSettingsAction", call: emptyForm, expect: adminOnly },
  { action: "app/(console)/console/settings/program/referral-actions.ts#runReferralRewardsAction", call: emptyForm, expect: adminOnly },
  // The plan designer: editing, publishing and rolling back need plans:write (an empty post saves nothing); the tester only plans:read.
  ...["saveGeneralAction", "saveTiersAction", "saveExclusionsAction", "saveRuleAction", "saveEventRulesAction", "removeRuleAction", "publishPlanAction", "discardDraftAction", "rollbackPlanAction"].map(
    (name): ActionRow => ({ action: `app/(console)/console/plans/actions.ts#${name}`, call: emptyForm, expect: marketingWrite }),
  ),
  { action: "app/(console)/console/plans/tester/actions.ts#testBasketAction", call: emptyForm, expect: consoleReadAction },
  // Plan simulations: starting one needs plans:write (an empty form is refused on validation, so nothing is queued);
  // the progress bar's poll needs plans:read (an empty id is refused on validation).
  { action: "app/(console)/console/plans/simulations/actions.ts#startSimulationAction", call: emptyForm, expect: marketingWrite },
  { action: "app/(console)/console/plans/simulations/actions.ts#getSimulationProgressAction", call: { kind: "args", args: [""] }, expect: consoleReadAction },
  // The product catalog: importing a CSV chunk and (de)activating a product need catalog:write (an empty chunk or SKU writes nothing).
  { action: "app/(console)/console/catalog/actions.ts#importCatalogChunkAction", call: { kind: "args", args: [{ importId: "probe", products: [] }] }, expect: marketingWrite },
  { action: "app/(console)/console/catalog/actions.ts#setProductActiveAction", call: emptyForm, expect: marketingWrite },
  // Rewards: every write needs rewards:write (an empty post is refused on validation, so probes change nothing).
  ...["saveRewardAction", "archiveRewardAction", "importCodesAction", "createMenuAction", "renameMenuAction", "moveMenuAction", "voidCouponAction"].map(
    (name): ActionRow => ({ action: `app/(console)/console/rewards/actions.ts#${name}`, call: emptyForm, expect: marketingWrite }),
  ),
  // Segments: saving, deleting and refreshing need segments:write (an empty post names no segment and is refused on
  // validation, so probes change nothing); the builder's live preview needs segments:read (an empty definition is refused).
  ...["saveSegmentAction", "deleteSegmentAction", "refreshSegmentsAction"].map(
    (name): ActionRow => ({ action: `app/(console)/console/segments/actions.ts#${name}`, call: emptyForm, expect: marketingWrite }),
  ),
  { action: "app/(console)/console/segments/actions.ts#previewSegmentAction", call: { kind: "args", args: [{}] }, expect: consoleReadAction },
  // Campaigns: saving, status changes, "run now" and test sends need campaigns:write (an empty post names no campaign and is refused, so probes change nothing).
  ...["saveCampaignAction", "setCampaignStatusAction", "runCampaignNowAction", "testSendCampaignAction"].map(
    (name): ActionRow => ({ action: `app/(console)/console/campaigns/actions.ts#${name}`, call: emptyForm, expect: marketingWrite }),
  ),
  // Challenges: saving, activating/pausing and switching the leaderboard need campaigns:write (an empty post names no
  // challenge and no on/off, so it is refused on validation and probes change nothing).
  ...["saveChallengeAction", "setChallengeStatusAction", "setLeaderboardAction"].map(
    (name): ActionRow => ({ action: `app/(console)/console/challenges/actions.ts#${name}`, call: emptyForm, expect: marketingWrite }),
  ),
  // Predictions: "Recalcular" needs analytics:read; an empty post has no as-of date and is refused on validation, so probes write nothing.
  { action: "app/(console)/console/analytics/predictions/actions.ts#refreshPredictionsAction", call: emptyForm, expect: consoleReadAction },
  // Members: adjusting points needs points:adjust, overriding a tier members:write (owners and admins); reading the ledger members:read.
  // Desk enrolment at store X (members:write there): staff of store Y are refused, console roles without the desk find no program.
  // The probe names store X but no member data, so those who may act get field errors and nothing is written.
  {
    action: "app/(staff)/staff/[storeId]/members/new/actions.ts#enrolAtDeskAction",
    call: { kind: "state-form", fields: { storeId: "{storeX}" } },
    page: "/staff/{storeX}/members/new",
    expect: { ...all("signin"), staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
  },
  // Redeeming at store X (coupons:validate / points:redeem there). Probes name store X with an empty code or input,
  // so those who may act get a validation refusal and nothing is written; staff of store Y are refused (forbidden),
  // console roles without the desk find no program.
  ...["checkCouponAction", "redeemCouponAction"].map(
    (name): ActionRow => ({
      action: `app/(staff)/staff/[storeId]/coupons/actions.ts#${name}`,
      call: { kind: "args", args: ["{storeX}", ""] },
      page: "/staff/{storeX}/coupons",
      expect: { ...all("signin"), staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
    }),
  ),
  ...["redeemRewardAction", "placeHoldAction", "settleHoldAction"].map(
    (name): ActionRow => ({
      action: `app/(staff)/staff/[storeId]/members/[memberId]/redeem/actions.ts#${name}`,
      call: { kind: "args", args: ["{storeX}", {}] },
      page: "/staff/{storeX}/members/{memberA}/redeem",
      expect: { ...all("signin"), staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
    }),
  ),
  // Desk sales at store X. Probes name store X but send an empty purchase / return / adjustment, refused on validation,
  // so nothing is written; staff of store Y are refused at the store, console roles without the desk find no program.
  ...["previewPurchaseAction", "recordPurchaseAction"].map(
    (name): ActionRow => ({
      action: `app/(staff)/staff/[storeId]/members/[memberId]/purchase/actions.ts#${name}`,
      call: { kind: "args", args: ["{storeX}", {}] },
      page: "/staff/{storeX}/members/{memberA}/purchase",
      expect: { ...all("signin"), staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
    }),
  ),
  ...([["findReturnAction", ["{storeX}", ""]], ["previewReturnAction", ["{storeX}", {}]], ["recordReturnAction", ["{storeX}", {}, ""]]] as const).map(
    ([name, args]): ActionRow => ({
      action: `app/(staff)/staff/[storeId]/returns/actions.ts#${name}`,
      call: { kind: "args", args: [...args] },
      page: "/staff/{storeX}/returns",
      expect: { ...all("signin"), staffX: "ok", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
    }),
  ),
  // A manual adjustment needs points:adjust at the store: the plain cashier of store X is refused too.
  {
    action: "app/(staff)/staff/[storeId]/members/[memberId]/adjust/actions.ts#adjustDeskPointsAction",
    call: { kind: "state-form", fields: { storeId: "{storeX}" } },
    page: "/staff/{storeX}/members/{memberA}/adjust",
    expect: { ...all("signin"), staffX: "denied", staffY: "denied", marketerP: "denied", marketerQ: "denied", analyst: "denied", admin: "ok" },
  },
  { action: "app/(console)/console/members/[memberId]/actions.ts#adjustPointsAction", call: emptyForm, page: "/console/members/00000000-0000-4000-8000-000000000000", expect: adminOnly },
  { action: "app/(console)/console/members/[memberId]/actions.ts#overrideTierAction", call: emptyForm, page: "/console/members/00000000-0000-4000-8000-000000000000", expect: adminOnly },
  { action: "app/(console)/console/members/[memberId]/actions.ts#loadMoreMemberHistory", call: { kind: "args", args: ["not-a-member", null, 1] }, page: "/console/members/00000000-0000-4000-8000-000000000000", expect: consoleReadAction },
];
