import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { latestMailTo } from "@/db/queries/email-outbox";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { openTestDatabase } from "@/tests/support/database";
import { setPasswordWithToken } from "./password-tokens";
import { requestPasswordReset } from "./request-password-reset";
import { verifyUserPassword } from "./verify-user-password";

let database: Database;
const linkBase = "https://lazo.example.com";
let n = 0;
const ip = () => `198.51.100.${++n}`;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function makeUser(locale: string | null = "es") {
  const email = `reset-${Date.now()}-${++n}@example.com`;
  await insertUser(database.db, { email, name: "Rita Reset", locale, passwordHash: await hashPassword("the old password") });
  return email;
}

function tokenFrom(text: string): string {
  const link = /https:\/\/lazo\.example\.com\/reset-password\?token=(\S+)/.exec(text);
  return decodeURIComponent(link![1]!);
}

describe("requestPasswordReset", () => {
  it("mails a one-hour, single-use reset link that sets a new password", async () => {
    const email = await makeUser();
    expect(await requestPasswordReset(database.db, { email: email.toUpperCase(), ip: ip(), linkBase })).toEqual({ sent: true });
    const mail = await latestMailTo(database.db, email);
    expect(mail).toMatchObject({ programId: null, subject: "Restablece tu contraseña de Lazo" });
    const token = tokenFrom(mail!.text);

    await setPasswordWithToken(database.db, { token, password: "a brand new password", purpose: "reset" });
    expect((await verifyUserPassword(database.db, { email, password: "a brand new password", ip: ip() })).email).toBe(email);
    await expect(setPasswordWithToken(database.db, { token, password: "yet another password", purpose: "reset" })).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("writes in the user's own language when known, else in the page's", async () => {
    const english = await makeUser("en");
    await requestPasswordReset(database.db, { email: english, locale: "es", ip: ip(), linkBase });
    expect((await latestMailTo(database.db, english))!.subject).toBe("Reset your Lazo password");
    const unknown = await makeUser(null);
    await requestPasswordReset(database.db, { email: unknown, locale: "en", ip: ip(), linkBase });
    expect((await latestMailTo(database.db, unknown))!.subject).toBe("Reset your Lazo password");
  });

  it("gives an unknown address the same answer and sends nothing", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    expect(await requestPasswordReset(database.db, { email, ip: ip(), linkBase })).toEqual({ sent: true });
    expect(await latestMailTo(database.db, email)).toBeUndefined();
  });

  it("sends nothing to a disabled user", async () => {
    const email = await makeUser();
    const user = await findUserByEmail(database.db, email);
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user!.id));
    expect(await requestPasswordReset(database.db, { email, ip: ip(), linkBase })).toEqual({ sent: true });
    expect(await latestMailTo(database.db, email)).toBeUndefined();
  });

  it("refuses the 4th request for one address within 15 minutes, known or not", async () => {
    const t = new Date("2026-06-01T09:00:00Z");
    for (const email of [await makeUser(), `ghost-${Date.now()}@example.com`]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset(database.db, { email, ip: ip(), linkBase }, new Date(t.getTime() + i * 1000));
      await expect(requestPasswordReset(database.db, { email, ip: ip(), linkBase }, new Date(t.getTime() + 5000))).rejects.toMatchObject({ code: "rate_limited", status: 429 });
      await expect(requestPasswordReset(database.db, { email, ip: ip(), linkBase }, new Date(t.getTime() + 15 * 60_000 + 1000))).resolves.toEqual({ sent: true });
    }
  });

  it("refuses a malformed address before counting anything", async () => {
    await expect(requestPasswordReset(database.db, { email: "not-an-email", ip: ip(), linkBase })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
