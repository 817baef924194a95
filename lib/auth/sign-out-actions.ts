"use server";

import { redirect } from "next/navigation";
import { getAppDb } from "@/lib/server/app-database";
import { signOutEverywhere } from "@/lib/services/auth/sign-out-everywhere";
import { getCurrentActor } from "./session";
import { endSession } from "./sign-in";

/** Ends this browser's session; members go back to the portal's sign-in, users to the console's. */
export async function signOutAction(): Promise<void> {
  const actor = await getCurrentActor();
  await endSession();
  redirect(actor?.kind === "member" ? "/me/sign-in?notice=signed-out" : "/sign-in?notice=signed-out");
}

/** Ends every session of the signed-in user on every device (re-checks the session: actions are public endpoints). */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") redirect("/sign-in");
  await signOutEverywhere(await getAppDb(), actor);
  await endSession();
  redirect("/sign-in?notice=signed-out-everywhere");
}
