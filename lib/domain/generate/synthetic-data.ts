import { luhnCheckDigit } from "../card-number";

/**
 * Pure building blocks of the synthetic data generator: a seeded PRNG, how
 * purchases spread over members, and identifiers that are unique by
 * construction (a bijection of the member's index), so 1M members need no
 * "have I used this card number?" set.
 */

/** Small, fast, seedable PRNG (mulberry32): same seed, same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, for deriving sub-seeds and id prefixes from the seed. */
export function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * How many purchases each member makes: exponential weights (a few members buy
 * a lot, many buy little), rounded on the running sum so the total is exact.
 */
export function purchasesPerMember(members: number, total: number, random: () => number): Uint32Array {
  const weights = new Float64Array(members);
  let sum = 0;
  for (let i = 0; i < members; i++) {
    weights[i] = -Math.log(1 - random());
    sum += weights[i]!;
  }
  const counts = new Uint32Array(members);
  let running = 0;
  let assigned = 0;
  for (let i = 0; i < members; i++) {
    running += (weights[i]! / sum) * total;
    const upTo = i === members - 1 ? total : Math.min(total, Math.round(running));
    counts[i] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

/**
 * A UUID-shaped id whose order follows `counter`: rows written in counter order
 * append to their B-tree indexes instead of splitting pages all over them.
 * `prefix` (8 hex digits) keeps ids of different kinds and seeds apart.
 */
export function sequentialUuid(prefix: number, counter: number): string {
  const c = counter.toString(16).padStart(22, "0");
  const p = prefix.toString(16).padStart(8, "0");
  return `${p}-${c.slice(0, 4)}-4${c.slice(4, 7)}-8${c.slice(7, 10)}-${c.slice(10, 22)}`;
}

const CARD_SPACE = 1e14;
const CARD_MULTIPLIER = 613_651_349; // odd and not a multiple of 5: coprime with 10^14, so index → body is one-to-one
export const MAX_GENERATED_MEMBERS = 10_000_000; // keeps index × multiplier exact in a double

/** A 16-digit loyalty card number (prefix 7, Luhn digit) unique per index for a given offset. */
export function cardNumberFor(index: number, offset: number): string {
  const body = `7${String((index * CARD_MULTIPLIER + (offset % CARD_SPACE)) % CARD_SPACE).padStart(14, "0")}`;
  return body + String(luhnCheckDigit(body));
}

/** A Mexican mobile number unique per index (up to 10^8 members) for a given offset. */
export function phoneFor(index: number, offset: number): string {
  return `+5255${String((index * 48_271 + (offset % 1e8)) % 1e8).padStart(8, "0")}`;
}

/** Ticket amounts in minor units: log-normal around `medianMinor`, at least `minMinor`, whole units of the currency. */
export function ticketAmount(random: () => number, medianMinor: number, minMinor: number, unitMinor: number): number {
  // Box–Muller: a standard normal from two uniforms.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const amount = Math.round((medianMinor * Math.exp(0.7 * normal)) / unitMinor) * unitMinor;
  return Math.max(minMinor, Math.min(amount, medianMinor * 40));
}

/** `count` moments between `from` and `to` (epoch ms), ascending. */
export function sortedMoments(count: number, from: number, to: number, random: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(Math.floor(from + random() * (to - from)));
  return out.sort((a, b) => a - b);
}

export function pickChannel(random: () => number): "pos" | "ecommerce" | "app" {
  const r = random();
  return r < 0.6 ? "pos" : r < 0.9 ? "ecommerce" : "app";
}
