"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { createSegment, deleteSegment, updateSegment } from "@/lib/services/segments/manage-segments";
import { previewSegment, type SegmentPreview } from "@/lib/services/segments/preview-segment";
import { refreshSegments } from "@/lib/services/segments/refresh-segments";
import { getConsoleProgramFor } from "../_lib/console-program";
import { segmentFailure } from "./_lib/segment-errors";

const PATH = "/console/segments";

/** The program and database an action works on; every action first checks the session itself (requireUser). */
async function context(actor: Awaited<ReturnType<typeof requireUser>>) {
  const program = await getConsoleProgramFor(actor);
  return { actor, programId: program?.id ?? "", db: await getAppDb() };
}

/** The definition travels as JSON in one hidden field; anything unreadable is left for the schema to refuse. */
function definitionOf(form: FormData): unknown {
  try {
    return JSON.parse(String(form.get("definition") ?? ""));
  } catch {
    return undefined;
  }
}

export async function saveSegmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const segmentId = String(form.get("segmentId") ?? "");
  const { actor, programId, db } = await context(await requireUser(segmentId ? `${PATH}/${segmentId}` : `${PATH}/new`));
  const input = { programId, name: String(form.get("name") ?? ""), definition: definitionOf(form) };
  let saved: { id: string; memberCount: number | null };
  try {
    saved = segmentId ? await updateSegment(db, actor, { ...input, segmentId } as never) : await createSegment(db, actor, input as never);
  } catch (error) {
    return segmentFailure(error, { name: input.name });
  }
  revalidatePath(PATH);
  redirect(`${PATH}?saved=${saved.id}&count=${saved.memberCount ?? 0}`);
}

export async function deleteSegmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const segmentId = String(form.get("segmentId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${segmentId}`));
  try {
    await deleteSegment(db, actor, { programId, segmentId });
  } catch (error) {
    return segmentFailure(error);
  }
  revalidatePath(PATH);
  redirect(`${PATH}?deleted=1`);
}

/** Refreshes one segment (`segmentId`) or, with `segmentId=all`, every segment of the program; an empty post is refused. */
export async function refreshSegmentsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const target = String(form.get("segmentId") ?? "");
  const { actor, programId, db } = await context(await requireUser(PATH));
  try {
    const result = await refreshSegments(db, actor, { programId, ...(target === "all" ? {} : { segmentId: target }) });
    revalidatePath(PATH);
    const t = await getTranslations("Segments");
    return { message: { tone: "success", text: target === "all" ? t("refreshedAll", { count: result.segments }) : t("refreshedOne", { count: result.members }) } };
  } catch (error) {
    return segmentFailure(error);
  }
}

export type PreviewAnswer = ({ ok: true } & SegmentPreview) | { ok: false; fieldErrors?: Record<string, string | undefined>; message?: FormState["message"] };

/** The builder's live count and sample (segments:read); writes nothing. */
export async function previewSegmentAction(definition: unknown): Promise<PreviewAnswer> {
  const { actor, programId, db } = await context(await requireUser(`${PATH}/new`));
  try {
    return { ok: true, ...(await previewSegment(db, actor, { programId, definition } as never)) };
  } catch (error) {
    const failure = await segmentFailure(error);
    return { ok: false, fieldErrors: failure.fieldErrors, message: failure.message };
  }
}
