import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { listTeam, type TeamMember, type TeamStore } from "@/lib/services/team/list-team";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { InviteForm } from "./_components/invite-form";
import { MemberActions } from "./_components/member-actions";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Team"))("title") };
}

export default async function TeamPage() {
  const actor = await requireUser("/console/team");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db] = await Promise.all([getTranslations("Team"), getAppDb()]);
  const result = await guardRead(() => listTeam(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const { members, stores } = result.data;

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<CsvDownloadLink href="/console/team/export" actor={actor} programId={program.id} testId="team-csv" />} />
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader title={t("listTitle")} description={t("listCount", { count: members.length })} />
          <ul className="divide-y divide-line" data-testid="team-list">
            {members.map((m) => (
              <MemberRow key={m.membershipId} member={m} stores={stores} />
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title={t("invite.title")} description={t("invite.description")} />
          <CardBody>
            <InviteForm stores={stores} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

async function MemberRow({ member: m, stores }: { member: TeamMember; stores: TeamStore[] }) {
  const t = await getTranslations("Team");
  const storeNames = m.storeIds.map((id) => stores.find((s) => s.id === id)?.name ?? id);
  return (
    <li className="px-5 py-4" data-testid="team-member">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-ink">{m.name ?? m.email}</p>
          {m.name ? <p className="truncate text-sm text-ink-muted">{m.email}</p> : null}
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <Badge tone="brand">{t(`roles.${m.role}`)}</Badge>
            {m.status === "pending" ? <Badge tone="accent">{t("status.pending")}</Badge> : null}
            {m.status === "active" ? <Badge>{t("status.active")}</Badge> : null}
            {m.status === "disabled" ? <Badge>{t("status.disabled")}</Badge> : null}
            {m.scope === "organization" ? <Badge>{t("scope.organization")}</Badge> : null}
            {m.mayAdjustPoints ? <Badge>{t("mayAdjustPointsBadge")}</Badge> : null}
          </div>
          {m.role === "staff" ? (
            <p className="mt-2 text-xs text-ink-subtle">
              {t("storesLabel")} {storeNames.join(" · ")}
            </p>
          ) : null}
        </div>
        {m.editable ? (
          <MemberActions member={{ membershipId: m.membershipId, email: m.email, role: m.role, storeIds: m.storeIds, mayAdjustPoints: m.mayAdjustPoints }} stores={stores} />
        ) : (
          <p className="shrink-0 text-xs text-ink-subtle">{m.scope === "organization" ? t("notEditableOrg") : t("notEditableSelf")}</p>
        )}
      </div>
    </li>
  );
}
