import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { MemberDetail } from "@/lib/services/members/get-member-detail";

/** Who the member is: contact details and how they joined. */
export function ProfileCard({ member, numberLocale }: { member: MemberDetail["member"]; numberLocale: string }) {
  const t = useTranslations("MemberDetail.profile");
  const rows: [string, string | null][] = [
    [t("email"), member.email],
    [t("phone"), member.phone],
    [t("externalId"), member.externalId],
    [t("city"), member.city],
    [t("birthday"), member.birthday ? formatDate(`${member.birthday}T12:00:00Z`, numberLocale, "UTC") : null],
    [t("channel"), member.enrolmentChannel],
  ];
  return (
    <Card data-testid="profile-card">
      <CardHeader title={t("title")} />
      <dl className="divide-y divide-line text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 px-5 py-2.5">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="min-w-0 truncate text-right text-ink" title={value ?? undefined}>{value ?? t("none")}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
