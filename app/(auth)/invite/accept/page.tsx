import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell, BackToSignInLink } from "@/components/shell/auth-shell";
import { AcceptInviteForm } from "./_components/accept-invite-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invite");
  // The token is in this page's URL: never send it on as a Referer.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type AcceptInvitePageProps = { searchParams: Promise<{ token?: string | string[] }> };

/** Public: the invitation link's token is checked when the password is set (single use, 72 hours). */
export default async function AcceptInvitePage({ searchParams }: AcceptInvitePageProps) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("Invite")]);
  const back = <BackToSignInLink label={t("back")} />;
  if (typeof token !== "string" || token.length < 20) {
    return (
      <AuthShell icon="alert" title={t("missingTitle")} subtitle={t("missing")} footer={back}>
        <p className="text-sm text-ink-muted">{t("askAgain")}</p>
      </AuthShell>
    );
  }
  return (
    <AuthShell icon="users" eyebrow="Lazo" title={t("title")} subtitle={t("subtitle")} footer={back}>
      <AcceptInviteForm token={token} />
    </AuthShell>
  );
}
