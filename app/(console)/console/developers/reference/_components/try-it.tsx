"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MethodBadge } from "./method-badge";

export type TryOperation = { id: string; method: string; path: string; summary: string; example: string | null; hasBody: boolean; isPublic: boolean };
type Answer = { status: number; ms: number; headers: [string, string][]; body: string } | { error: string };

const SHOWN_HEADERS = ["content-type", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after", "idempotent-replayed"];
const inputClass = "mt-1.5 block w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none";

/**
 * Sends a real request from the browser with a pasted API key. The key lives
 * in this component's state only (never stored, never sent to our server
 * except as the request's own Authorization header).
 */
export function TryIt({ operations }: { operations: TryOperation[] }) {
  const t = useTranslations("ApiReference.console");
  const [selectedId, setSelectedId] = useState(operations[0]?.id ?? "");
  const op = operations.find((o) => o.id === selectedId) ?? operations[0]!;
  const [apiKey, setApiKey] = useState("");
  const [path, setPath] = useState(op.path);
  const [query, setQuery] = useState("");
  const [body, setBody] = useState(op.example ?? "{}");
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [sending, setSending] = useState(false);

  function select(id: string) {
    const next = operations.find((o) => o.id === id);
    if (!next) return;
    setSelectedId(id);
    setPath(next.path);
    setQuery("");
    setBody(next.example ?? "{}");
    setIdempotencyKey("");
    setAnswer(null);
  }

  // "Try it" links on each endpoint point at #try-<id>.
  useEffect(() => {
    const fromHash = () => {
      if (window.location.hash.startsWith("#try-")) select(window.location.hash.slice(5));
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- select only reads the static operations list
  }, []);

  async function send() {
    const missing = /\{(\w+)\}/.exec(path);
    if (missing) return setAnswer({ error: t("missingParam", { name: missing[1]! }) });
    if (op.hasBody) {
      try {
        JSON.parse(body);
      } catch {
        return setAnswer({ error: t("invalidJson") });
      }
    }
    const headers: Record<string, string> = {};
    if (apiKey.trim()) headers.Authorization = `Bearer ${apiKey.trim()}`;
    if (op.hasBody) headers["Content-Type"] = "application/json";
    if (op.method === "POST" && !op.isPublic) {
      // A fresh key per request unless one was typed (or kept) to try a replay.
      const key = idempotencyKey.trim() || crypto.randomUUID();
      setIdempotencyKey(key);
      headers["Idempotency-Key"] = key;
    }
    setSending(true);
    const started = performance.now();
    try {
      const response = await fetch(path + (query.trim() ? `?${query.trim().replace(/^\?/, "")}` : ""), { method: op.method, headers, body: op.hasBody ? body : undefined });
      const text = await response.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {}
      setAnswer({ status: response.status, ms: Math.round(performance.now() - started), headers: SHOWN_HEADERS.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)!] as [string, string]] : [])), body: pretty });
    } catch {
      setAnswer({ error: t("networkError") });
    } finally {
      setSending(false);
    }
  }

  return (
    <Card id={`try-${op.id}`} data-testid="try-it">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-4">
        <div>
          <label htmlFor="try-operation" className="block text-sm font-medium text-ink">{t("operation")}</label>
          <select id="try-operation" className={`${inputClass} h-10`} value={op.id} onChange={(e) => select(e.target.value)}>
            {operations.map((o) => (
              <option key={o.id} value={o.id}>{`${o.method} ${o.path}`}</option>
            ))}
          </select>
          <p className="mt-1.5 flex items-center gap-2 text-xs text-ink-muted">
            <MethodBadge method={op.method} /> {op.summary}
          </p>
        </div>
        {op.isPublic ? null : (
          <div>
            <label htmlFor="try-key" className="block text-sm font-medium text-ink">{t("apiKey")}</label>
            <input id="try-key" type="password" autoComplete="off" spellCheck={false} className={`${inputClass} h-10 font-mono`} value={apiKey} onChange={(e) => setApiKey(e.target.value)} placeholder="lz_…" aria-describedby="try-key-hint" />
            <p id="try-key-hint" className="mt-1 text-xs text-ink-subtle">{t("apiKeyHint")}</p>
          </div>
        )}
        <div>
          <label htmlFor="try-path" className="block text-sm font-medium text-ink">{t("path")}</label>
          <input id="try-path" className={`${inputClass} h-10 font-mono`} value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </div>
        {op.method === "GET" ? (
          <div>
            <label htmlFor="try-query" className="block text-sm font-medium text-ink">{t("query")}</label>
            <input id="try-query" className={`${inputClass} h-10 font-mono`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("queryHint")} spellCheck={false} />
          </div>
        ) : null}
        {op.method === "POST" && !op.isPublic ? (
          <div>
            <label htmlFor="try-idem" className="block text-sm font-medium text-ink">{t("idempotencyKey")}</label>
            <div className="flex gap-2">
              <input id="try-idem" className={`${inputClass} h-10 font-mono text-xs`} value={idempotencyKey} onChange={(e) => setIdempotencyKey(e.target.value)} placeholder="auto" spellCheck={false} />
              <Button variant="secondary" className="mt-1.5 shrink-0" onClick={() => setIdempotencyKey(crypto.randomUUID())}>{t("newKey")}</Button>
            </div>
          </div>
        ) : null}
        {op.hasBody ? (
          <div>
            <label htmlFor="try-body" className="block text-sm font-medium text-ink">{t("body")}</label>
            <textarea id="try-body" rows={8} className={`${inputClass} py-2 font-mono text-xs`} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />
          </div>
        ) : null}
        <Button onClick={send} disabled={sending} className="w-full" data-testid="try-send">
          {sending ? t("sending") : t("send")}
        </Button>
        <div aria-live="polite" data-testid="try-response">
          <p className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("response")}</p>
          {answer === null ? (
            <p className="mt-2 text-sm text-ink-subtle">{t("noResponse")}</p>
          ) : "error" in answer ? (
            <p className="mt-2 rounded-control bg-accent-100 px-3 py-2 text-sm text-accent-700">{answer.error}</p>
          ) : (
            <div className="mt-2 space-y-2">
              <p className="flex items-center gap-2 text-sm">
                <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${answer.status < 400 ? "bg-brand-50 text-brand-800" : "bg-accent-100 text-accent-700"}`} data-testid="try-status">{answer.status}</span>
                <span className="text-xs text-ink-subtle">{t("duration", { ms: answer.ms })}</span>
              </p>
              <dl className="space-y-0.5 font-mono text-[11px] text-ink-muted">
                {answer.headers.map(([name, value]) => (
                  <div key={name}>
                    <dt className="inline">{name}: </dt>
                    <dd className="inline text-ink">{value}</dd>
                  </div>
                ))}
              </dl>
              <pre className="max-h-96 overflow-auto rounded-control bg-surface-muted p-3 font-mono text-xs text-ink" data-testid="try-body-out">{answer.body}</pre>
            </div>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
