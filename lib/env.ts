import { z } from "zod";

/** Every environment variable Lazo reads, validated once. */
const envSchema = z.object({
  /** PostgreSQL URL. Without it Lazo runs on embedded PGlite in LAZO_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database (default .data). */
  LAZO_DATA_DIR: z.string().min(1).optional(),
  /**
   * Demo data on first start of an empty database: "demo" (full CDNOW history,
   * default on the embedded database), "sample" (the 1/10 CDNOW sample) or "none".
   */
  LAZO_SEED: z.enum(["demo", "sample", "none"]).optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  /** "off" keeps this instance from running background jobs (run `npm run cli -- jobs worker` elsewhere). */
  LAZO_JOBS: z.enum(["on", "off"]).default("on"),
  /** First webhook retry delay in ms (doubles per failure); small only in tests. */
  LAZO_WEBHOOK_BACKOFF_MS: z.coerce.number().int().positive().optional(),
  /** How often this instance looks for webhooks to send (ms, default 2000). */
  LAZO_WEBHOOK_POLL_MS: z.coerce.number().int().min(100).optional(),
  SMTP_URL: z.string().optional(),
  /** Integration API requests per minute per key, unless the key has its own limit. */
  LAZO_API_RATE_LIMIT: z.coerce.number().int().positive().max(1_000_000).default(1200),
  /** Member sign-in codes one address may ask for in 15 minutes (a store's shared connection counts once). */
  LAZO_CODE_REQUESTS_PER_IP: z.coerce.number().int().positive().max(1_000_000).default(30),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(emptyToUndefined(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}
