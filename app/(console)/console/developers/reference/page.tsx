import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getApiReference } from "@/lib/services/api/get-api-reference";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { OperationCard } from "./_components/operation-card";
import { TryIt } from "./_components/try-it";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ApiReference"))("title") };
}

export default async function ApiReferencePage() {
  const actor = await requireUser("/console/developers/reference");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, db] = await Promise.all([getTranslations("ApiReference"), getAppDb()]);
  const result = await guardRead(() => getApiReference(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const tags = result.data;
  const operations = tags.flatMap((tag) => tag.operations);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <a href="/api/v1/openapi.json" className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline" data-testid="openapi-link">
            <Icon name="code" className="size-4" />
            {t("documentLink")}
          </a>
        }
      />
      {/* The console's content column is too narrow for three columns: the try-it panel sits under the essentials. */}
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <nav aria-label={t("contents")} className="hidden lg:sticky lg:top-6 lg:block">
          <p className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("contents")}</p>
          <ul className="mt-3 space-y-4 text-sm">
            {tags.map((tag) => (
              <li key={tag.name}>
                <a href={`#tag-${tag.name}`} className="font-semibold text-ink hover:text-brand-700">{tag.name}</a>
                <ul className="mt-1.5 space-y-1 border-l border-line pl-3">
                  {tag.operations.map((op) => (
                    <li key={op.id}>
                      <a href={`#${op.id}`} className="block truncate text-ink-muted hover:text-brand-700">
                        <span className="font-mono text-[11px] font-semibold">{op.method}</span> {op.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-10">
          <Card>
            <CardHeader title={t("basics.title")} />
            <CardBody>
              <ul className="space-y-2 text-sm text-ink-muted">
                {(["auth", "idempotency", "errors", "rateLimit"] as const).map((k) => (
                  <li key={k} className="flex items-start gap-2">
                    <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
                    {t(`basics.${k}`)}
                  </li>
                ))}
              </ul>
              <Link href="/console/developers/api-keys" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
                {t("keysLink")}
              </Link>
            </CardBody>
          </Card>
          <TryIt operations={operations.map((op) => ({ id: op.id, method: op.method, path: op.path, summary: op.summary, example: op.example, hasBody: op.body !== null, isPublic: op.public }))} />
          {tags.map((tag) => (
            <section key={tag.name} id={`tag-${tag.name}`} className="scroll-mt-6 space-y-4" data-testid="api-tag">
              <div>
                <h2 className="text-xl font-semibold text-ink">{tag.name}</h2>
                {tag.description ? <p className="mt-1 text-sm text-ink-muted">{tag.description}</p> : null}
              </div>
              {tag.operations.map((op) => (
                <OperationCard key={op.id} op={op} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
