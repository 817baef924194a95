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

/** Below this trigram similarity a word of a name is not offered at all. */
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

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (text: string) => `%${escapeLike(text)}%`;
const phoneDigits = sql`regexp_replace(coalesce(${members.phone}, ''), '[^0-9]', '', 'g')`;
const lowerName = sql`lower(coalesce(${members.name}, ''))`;

/** How a row matches the query (score expression, filter, exact flag) for each kind of query (names with pg_trgm: trigramName). */
function matcher(q: DeskMemberSearch): { score: SQL; where: SQL; exact: SQL } {
  switch (q.kind) {
    case "card":
      return { score: sql`100`, where: eq(members.cardNumber, q.cardNumber), exact: sql`'card'` };
    case "email": {
      const exact = sql`lower(${members.email}) = ${q.email}`;
      return {
        score: sql`case when ${exact} then 100 when lower(${members.email}) like ${`${escapeLike(q.email)}%`} then 70 else 50 end`,
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
      return plainName(q.text, q.words);
  }
}

/** Dictionary words taken per typed word: the closest by trigram distance, and those containing it. */
const WORDS_PER_TYPED_WORD = 8;

/** A name or typed text folded as the dictionary holds it (lazo_fold, migration 0016): lower case, no accents. */
export function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** For one typed word, the dictionary's words that may stand for it, nearest first. */
type WordMatches = { nearest: string; started: string[]; alike: string[] };

/**
 * The program's name dictionary (member_name_words: a few thousand words even
 * at millions of members, trigram-indexed) read for each typed word: similar
 * words ("prez" → "perez") and words containing it ("mar" → "marta"), nearest
 * first. A typed word nothing resembles is left out; null when none is left.
 */
async function matchTypedWords(db: Executor, programId: string, words: string[]): Promise<WordMatches[] | null> {
  const typed = [...new Set(words.map(foldName))];
  const dictionary = sql`member_name_words d where d.program_id = ${programId}`;
  const perWord = typed.map(
    (w, i) => sql`(select ${i}::int as i, c.word, c.word <-> ${w} as distance, c.word like ${`${escapeLike(w)}%`} as started from (
      (select d.word from ${dictionary} and d.word % ${w} order by d.word <-> ${w} limit ${WORDS_PER_TYPED_WORD})
      union
      (select d.word from ${dictionary} and d.word like ${like(w)} order by d.word <-> ${w} limit ${WORDS_PER_TYPED_WORD})
    ) c)`,
  );
  const rows = rowsOf<{ i: number; word: string; distance: number; started: boolean }>(await db.execute(sql`${sql.join(perWord, sql` union all `)} order by 1, 3, 2`));
  const matches = typed
    .map((_, i) => rows.filter((r) => Number(r.i) === i))
    .filter((found) => found.length > 0)
    .map((found) => ({ nearest: found[0]!.word, started: found.filter((r) => r.started).map((r) => r.word), alike: found.map((r) => r.word) }));
  return matches.length ? matches : null;
}

/**
 * pg_trgm: the best of whole-name and best-word similarity, so "Alcia" finds
 * "Alicia Alfa". Ranking every member's name by trigram distance costs too much
 * at 1M members, where a common name is shared by thousands, so the typed words
 * are matched against the name dictionary first (matchTypedWords) and members
 * holding a matched word for every typed word come from the GIN index on their
 * names' words, `limit` per way of matching: the nearest word for each typed
 * word (so the best names come first however common they are), any matched
 * word for each typed word, the words the typed ones start, and, to fill the
 * list, any matched word for any typed word. Only those few are scored exactly.
 */
function trigramName(text: string, matches: WordMatches[], programId: string, limit: number) {
  const folded = foldName(text);
  const foldedName = sql`lazo_fold(coalesce(${members.name}, ''))`;
  const similar = sql`greatest(similarity(${foldedName}, ${folded}), word_similarity(${folded}, ${foldedName}))`;
  const textArray = (words: string[]) => sql`array[${sql.join(words.map((w) => sql`${w}`), sql`, `)}]::text[]`;
  const inProgram = sql`m.program_id = ${programId} and m.status <> 'anonymized'`;
  const holding = (pick: (m: WordMatches) => string[]) =>
    sql`(select m.id from members m where ${inProgram} and ${sql.join(
      matches.map((m) => sql`lazo_name_words(m.name) && ${textArray(pick(m))}`),
      sql` and `,
    )} limit ${limit})`;
  const holdingAny = sql`(select m.id from members m where ${inProgram} and lazo_name_words(m.name) && ${textArray(matches.flatMap((m) => m.alike))} limit ${limit})`;
  const arms = [holding((m) => [m.nearest]), holding((m) => m.alike), holdingAny];
  if (matches.every((m) => m.started.length > 0)) arms.push(holding((m) => m.started));
  return {
    score: sql`round(least(99, 100 * ${similar}))::int`,
    where: sql`${members.id} in (${sql.join(arms, sql` union all `)})`,
    exact: sql`null`,
  };
}

/** Without pg_trgm: the whole text, else any of its words, with a bonus for the name's start. */
function plainName(text: string, words: string[]) {
  const wordHits = words.map((w) => sql`(case when ${lowerName} like ${like(w)} then 1 else 0 end)`);
  const share = sql`(${sql.join(wordHits, sql` + `)})::float / ${words.length}`;
  return {
    score: sql`case when ${lowerName} = ${text} then 99 when ${lowerName} like ${`${escapeLike(text)}%`} then 90 when ${lowerName} like ${like(text)} then 80 else round(70 * ${share})::int end`,
    where: or(...words.map((w) => sql`${lowerName} like ${like(w)}`))!,
    exact: sql`null`,
  };
}

/** Up to `limit` members of the program matching the query, best first. */
export async function searchDeskMembers(db: Executor, p: { programId: string; query: DeskMemberSearch; limit: number; trigram?: boolean }): Promise<DeskMemberHit[]> {
  const q = p.query;
  if (q.kind === "email") {
    // A whole address is almost always typed or scanned exactly: the (program, email) index answers at once.
    // Only then the substring search, whose trigram index holds "@gmail.com" for nearly every member.
    const exact = await searchWith(db, p, { score: sql`100`, where: sql`lower(${members.email}) = ${q.email}`, exact: sql`'email'` });
    if (exact.length) return exact;
  }
  if (q.kind !== "name" || !(p.trigram ?? (await hasTrigram(db)))) return searchWith(db, p, matcher(q));
  // The trigram operator % reads its threshold from settings: set it to ours for this search only.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_THRESHOLD)}, true)`);
    const matches = await matchTypedWords(tx, p.programId, q.words);
    return matches ? searchWith(tx, p, trigramName(q.text, matches, p.programId, p.limit)) : [];
  });
}

async function searchWith(db: Executor, p: { programId: string; limit: number }, m: { score: SQL; where: SQL; exact: SQL }): Promise<DeskMemberHit[]> {
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
