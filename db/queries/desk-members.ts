import { and, desc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { members, pointAccounts } from "../schema";
import type { Executor } from "../types";
import { memberRowColumns, pointAccountOfMember } from "./member-directory";

/**
 * The staff desk's member search: ranked for the counter. Every query keeps
 * the program in the WHERE; anonymised members are never found.
 */
export type DeskMemberHit = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  cardNumber: string;
  tierKey: string | null;
  status: "active" | "suspended" | "anonymized";
  available: number;
  pending: number;
  /** 0–100: how well the row matches; exact identifiers score 100. */
  score: number;
  /** The identifier that matched exactly, when one did. */
  exact: "card" | "email" | "phone" | null;
};

export type DeskMemberSearch =
  | { kind: "card"; cardNumber: string }
  | { kind: "email"; email: string }
  | { kind: "phone"; digits: string }
  | { kind: "digits"; digits: string }
  | { kind: "name"; text: string; words: string[] };

/** Below this trigram similarity a name is not offered at all. */
const NAME_THRESHOLD = 0.3;

const trigramByExecutor = new WeakMap<object, Promise<boolean>>();

/** Whether pg_trgm is installed in this database: asked once per database handle. */
export function hasTrigram(db: Executor): Promise<boolean> {
  let known = trigramByExecutor.get(db);
  if (!known) {
    known = db
      .execute(sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as "on"`)
      .then((result) => Boolean(rowsOf<{ on: boolean }>(result)[0]?.on))
      .catch(() => false);
    trigramByExecutor.set(db, known);
  }
  return known;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const phoneDigits = sql`regexp_replace(coalesce(${members.phone}, ''), '[^0-9]', '', 'g')`;
const lowerName = sql`lower(coalesce(${members.name}, ''))`;

/** How a row matches the query (score expression, filter, exact flag) for each kind of query. */
function matcher(q: DeskMemberSearch, trigram: boolean, programId: string, limit: number): { score: SQL; where: SQL; exact: SQL } {
  switch (q.kind) {
    case "card":
      return { score: sql`100`, where: eq(members.cardNumber, q.cardNumber), exact: sql`'card'` };
    case "email": {
      const exact = sql`lower(${members.email}) = ${q.email}`;
      return {
        score: sql`case when ${exact} then 100 when lower(${members.email}) like ${`${q.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 70 else 50 end`,
        where: sql`lower(${members.email}) like ${like(q.email)}`,
        exact: sql`case when ${exact} then 'email' end`,
      };
    }
    case "phone":
    case "digits": {
      // A phone may be stored with its country code and typed without it: match its end.
      const exactPhone = q.digits.length >= 7 ? sql`(${phoneDigits} = ${q.digits} or ${phoneDigits} like ${`%${q.digits}`})` : sql`false`;
      return {
        score: sql`case when ${members.cardNumber} = ${q.digits} then 100 when ${exactPhone} then 95 when ${members.cardNumber} like ${`${q.digits}%`} then 60 else 40 end`,
        where: or(eq(members.cardNumber, q.digits), sql`${members.cardNumber} like ${`${q.digits}%`}`, sql`${phoneDigits} like ${like(q.digits)}`)!,
        exact: sql`case when ${members.cardNumber} = ${q.digits} then 'card' when ${q.kind === "phone" ? exactPhone : sql`false`} then 'phone' end`,
      };
    }
    case "name":
      return trigram ? trigramName(q.text, programId, limit) : plainName(q.text, q.words);
  }
}

/** Nearest names taken from the trigram index per way of matching, before exact scoring: the top `limit` by score is among them. */
const CANDIDATES_PER_LIMIT = 5;

/**
 * pg_trgm: the best of whole-name and best-word similarity, so "Alcia" finds
 * "Alicia Alfa". At 1M members a common name is shared by tens of thousands,
 * so rows are not all scored: the trigram GiST index hands over the nearest
 * names for each way of matching (whole name `<->`, best word `<<->`, substring),
 * nearest first and stopping at the limit, and only those candidates are scored
 * exactly. The operators read their thresholds from settings (searchDeskMembers).
 */
function trigramName(text: string, programId: string, limit: number) {
  const similar = sql`greatest(similarity(${lowerName}, ${text}), word_similarity(${text}, ${lowerName}))`;
  const inProgram = sql`m.program_id = ${programId} and m.status <> 'anonymized'`;
  const k = limit * CANDIDATES_PER_LIMIT;
  const nearest = sql`${members.id} in (
    (select m.id from members m where ${inProgram} and lower(m.name) % ${text} order by lower(m.name) <-> ${text} limit ${k})
    union all
    (select m.id from members m where ${inProgram} and ${text} <% lower(m.name) order by ${text} <<-> lower(m.name) limit ${k})
    union all
    (select m.id from members m where ${inProgram} and lower(m.name) like ${like(text)} order by lower(m.name) <-> ${text} limit ${k})
  )`;
  return {
    score: sql`round(least(99, 100 * ${similar}))::int`,
    where: and(nearest, or(sql`${similar} >= ${NAME_THRESHOLD}`, sql`${lowerName} like ${like(text)}`))!,
    exact: sql`null`,
  };
}

/** Without pg_trgm: the whole text, else any of its words, with a bonus for the name's start. */
function plainName(text: string, words: string[]) {
  const wordHits = words.map((w) => sql`(case when ${lowerName} like ${like(w)} then 1 else 0 end)`);
  const share = sql`(${sql.join(wordHits, sql` + `)})::float / ${words.length}`;
  return {
    score: sql`case when ${lowerName} = ${text} then 99 when ${lowerName} like ${`${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 90 when ${lowerName} like ${like(text)} then 80 else round(70 * ${share})::int end`,
    where: or(...words.map((w) => sql`${lowerName} like ${like(w)}`))!,
    exact: sql`null`,
  };
}

/** Up to `limit` members of the program matching the query, best first. */
export async function searchDeskMembers(db: Executor, p: { programId: string; query: DeskMemberSearch; limit: number; trigram?: boolean }): Promise<DeskMemberHit[]> {
  const trigram = p.trigram ?? (p.query.kind === "name" ? await hasTrigram(db) : false);
  if (p.query.kind !== "name" || !trigram) return searchWith(db, p, trigram);
  // The trigram operators read their thresholds from settings: set them to ours for this search only.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_THRESHOLD)}, true), set_config('pg_trgm.word_similarity_threshold', ${String(NAME_THRESHOLD)}, true)`);
    return searchWith(tx, p, trigram);
  });
}

async function searchWith(db: Executor, p: { programId: string; query: DeskMemberSearch; limit: number }, trigram: boolean): Promise<DeskMemberHit[]> {
  const m = matcher(p.query, trigram, p.programId, p.limit);
  const score = sql<number>`(${m.score})::int`;
  const rows = await db
    .select({
      ...memberRowColumns,
      score,
      exact: sql<DeskMemberHit["exact"]>`${m.exact}`,
    })
    .from(members)
    .leftJoin(pointAccounts, pointAccountOfMember)
    .where(and(eq(members.programId, p.programId), ne(members.status, "anonymized"), m.where))
    .orderBy(desc(score), sql`${lowerName} asc`, members.id)
    .limit(p.limit);
  return rows.map((r) => ({ ...r, available: Number(r.available), pending: Number(r.pending), score: Number(r.score), exact: r.exact ?? null }));
}
