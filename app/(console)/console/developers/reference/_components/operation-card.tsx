import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FieldRow, OperationView } from "@/lib/api/reference-view";
import { MethodBadge } from "./method-badge";

/** One endpoint: what it does, who may call it, what it takes and what it answers. */
export async function OperationCard({ op }: { op: OperationView }) {
  const t = await getTranslations("ApiReference");
  return (
    <Card id={op.id} className="scroll-mt-6" data-testid="api-operation">
      <header className="flex flex-wrap items-center gap-3 border-b border-line px-5 py-4">
        <MethodBadge method={op.method} />
        <code className="font-mono text-sm font-semibold break-all text-ink">{op.path}</code>
        <span className="ml-auto flex flex-wrap items-center gap-1.5">
          {op.public ? <Badge tone="brand">{t("public")}</Badge> : op.scopes.map((s) => <Badge key={s} className="font-mono text-[11px]">{s}</Badge>)}
          <a href={`#try-${op.id}`} className="rounded-control px-2 py-1 text-xs font-semibold text-brand-700 hover:bg-brand-50" data-testid="try-link">
            {t("tryIt")} →
          </a>
        </span>
      </header>
      <div className="space-y-5 px-5 py-4">
        <div>
          <h3 className="font-semibold text-ink">{op.summary}</h3>
          {op.description
            .split("\n\n")
            .filter((p) => !p.startsWith("Scope:") && p !== "Public.")
            .map((p) => (
              <p key={p} className="mt-1 text-sm text-pretty text-ink-muted">
                <InlineCode text={p} />
              </p>
            ))}
          {op.needsIdempotencyKey ? <p className="mt-2 text-xs font-medium text-ink-subtle">{t("idempotencyHeader")}</p> : null}
        </div>
        <Fields title={t("pathParams")} rows={op.pathParams} />
        <Fields title={t("queryParams")} rows={op.queryParams} />
        {op.body ? <Fields title={t("body")} rows={op.body} /> : null}
        {op.example ? (
          <div>
            <h4 className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("example")}</h4>
            <pre className="mt-2 overflow-x-auto rounded-control bg-surface-muted p-3 font-mono text-xs text-ink">{op.example}</pre>
          </div>
        ) : null}
        <div>
          <h4 className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("responses")}</h4>
          <ul className="mt-2 space-y-2">
            {op.responses.map((r) => (
              <li key={r.status} className="text-sm">
                <span className={`mr-2 inline-block rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${Number(r.status) < 400 ? "bg-brand-50 text-brand-800" : "bg-accent-100 text-accent-700"}`}>{r.status}</span>
                <span className="text-ink-muted">
                  <InlineCode text={r.description} />
                </span>
                {r.fields.length ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-xs font-medium text-brand-700">{t("responseFields")}</summary>
                    <FieldTable rows={r.fields} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Card>
  );
}

async function Fields({ title, rows }: { title: string; rows: FieldRow[] }) {
  if (!rows.length) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">{title}</h4>
      <FieldTable rows={rows} />
    </div>
  );
}

async function FieldTable({ rows }: { rows: FieldRow[] }) {
  const t = await getTranslations("ApiReference");
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-ink-subtle">
          <tr>
            <th className="py-1.5 pr-4 font-medium">{t("field")}</th>
            <th className="py-1.5 pr-4 font-medium">{t("type")}</th>
            <th className="py-1.5 font-medium" />
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="py-1.5 pr-4 font-mono text-xs text-ink" style={{ paddingLeft: `${row.depth * 0.75}rem` }}>
                {row.name}
                {row.description ? <p className="mt-0.5 font-sans text-xs text-ink-muted">{row.description}</p> : null}
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs break-all text-ink-muted">{row.type}</td>
              <td className="py-1.5 text-xs whitespace-nowrap">{row.required ? <span className="font-semibold text-accent-700">{t("required")}</span> : <span className="text-ink-subtle">{t("optional")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The document's descriptions mark codes with backticks, as in Markdown. */
function InlineCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-surface-muted px-1 py-0.5 font-mono text-xs text-ink">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
