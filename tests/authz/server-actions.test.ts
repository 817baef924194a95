import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Server actions are public POST endpoints. Every exported action must check
 * the session itself (requireUser / requireMember / getCurrentActor) — the
 * proxy is not an auth layer — unless it is listed here as deliberately public,
 * with the reason. Actions live in files with a top-level "use server".
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  "i18n/set-locale-action.ts#setLocaleAction": "sets the language cookie; touches no data",
  "app/(auth)/sign-in/actions.ts#signInAction": "signing in is what makes a session; Auth.js checks the password, rate limited per email and IP",
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": "for signed-out users; same answer for every address, rate limited per email and IP",
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": "the single-use link token is the credential (checked by setPasswordWithToken)",
  "app/(portal)/me/sign-in/actions.ts#requestCodeAction": "members ask for a sign-in code while signed out; same answer for every address, rate limited",
  "app/(portal)/me/sign-in/actions.ts#verifyCodeAction": "the mailed one-time code is the credential (5 attempts, 10 minutes)",
  "app/(portal)/me/sign-in/actions.ts#resendCodeAction": "same as requestCodeAction",
  "app/(auth)/invite/accept/actions.ts#acceptInvitationAction": "the single-use invitation token is the credential (checked by setPasswordWithToken)",
  "app/(portal)/me/join/actions.ts#joinAction": "public enrolment; an existing address only gets a code, so it reveals nobody",
};

const GUARDS = /\b(requireUser|requireMember|getCurrentActor)\s*\(/;
const ROOTS = ["app", "lib", "i18n", "components"];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function isActionFile(text: string): boolean {
  return /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text);
}

/** Exported functions of an action file with their bodies (up to the next top-level export). */
function exportedActions(text: string): { name: string; body: string }[] {
  const starts = [...text.matchAll(/^export (?:async )?function (\w+)|^export const (\w+)\s*=/gm)];
  return starts.map((m, i) => ({ name: m[1] ?? m[2]!, body: text.slice(m.index, starts[i + 1]?.index ?? text.length) }));
}

const files = ROOTS.flatMap((root) => sourceFiles(root));
const actionFiles = files.filter((f) => isActionFile(fs.readFileSync(f, "utf8")));

describe("server actions", () => {
  it("are all found (the scan is not empty)", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  it.each(actionFiles)("%s: every exported action checks the session or is listed as public", (file) => {
    const unguarded = exportedActions(fs.readFileSync(file, "utf8"))
      .filter(({ name, body }) => !GUARDS.test(body) && !PUBLIC_ACTIONS[`${file}#${name}`])
      .map(({ name }) => name);
    expect(unguarded).toEqual([]);
  });

  it("are not declared inline in components (they belong in action files)", () => {
    const inline = files.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return !isActionFile(text) && /["']use server["']/.test(text);
    });
    expect(inline).toEqual([]);
  });
});
