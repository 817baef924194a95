import { expect, test, type Page } from "@playwright/test";
import { enterMailedCode, SEEDED_MEMBERS, signInAsMember } from "../support/auth";
import { expectHtmlLang, setLocaleCookie, type UiLocale } from "../support/locale";

// Members use their phones: the portal is tested at a phone's size.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const JOIN = {
  es: { name: "Nombre", email: "Correo electrónico", phone: "Teléfono (opcional)", terms: /Acepto los términos/, submit: "Unirme", greeting: "Hola, Inés", available: "Puntos disponibles" },
  en: { name: "Name", email: "Email", phone: "Phone (optional)", terms: /I accept the program's terms/, submit: "Join", greeting: "Hi, Inés", available: "Available points" },
} as const;

async function join(page: Page, locale: UiLocale, email: string) {
  const l = JOIN[locale];
  await page.goto("/me/join");
  await expectHtmlLang(page, locale);
  await page.getByLabel(l.name, { exact: true }).fill("Inés Prueba");
  await page.getByLabel(l.email, { exact: true }).fill(email);
  await page.getByLabel(l.phone).fill("55 1234 5678");
  await page.getByLabel(l.terms).check();
  await page.getByRole("button", { name: l.submit, exact: true }).click();
  await page.waitForURL(/\/me\/verify\?email=/);
}

test.describe("member join and sign-in", () => {
  for (const locale of ["es", "en"] as const) {
    test(`joining (${locale}) mails a code that opens a home with 0 points`, async ({ page, browser, context, baseURL }) => {
      await setLocaleCookie(context, baseURL, locale);
      const email = `ines.${locale}.${Date.now()}@example.com`;
      await join(page, locale, email);
      await expect(page.getByTestId("code-sent")).toContainText(email);
      await enterMailedCode(page, browser, email);

      await expect(page.getByTestId("member-greeting")).toHaveText(JOIN[locale].greeting);
      await expect(page.getByTestId("member-summary")).toContainText(JOIN[locale].available);
      await expect(page.getByTestId("points-available")).toHaveText("0");
      await expect(page.getByTestId("points-pending")).toHaveText("0");
      // The program sections stay below the balance.
      await expect(page.getByTestId("program-hero")).toBeVisible();
    });
  }

  test("join refuses without the terms and keeps what was typed", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/me/join");
    await expect(page.getByTestId("consent-note")).toContainText("nunca te quita puntos ni recompensas");
    await page.getByLabel("Nombre", { exact: true }).fill("Sin Términos");
    await page.getByLabel("Correo electrónico", { exact: true }).fill("no-es-un-correo");
    await page.getByRole("button", { name: "Unirme", exact: true }).click();
    await expect(page.getByTestId("terms-error")).toHaveText("Para unirte, acepta los términos.");
    await expect(page.getByTestId("email-error")).toHaveText("Escribe un correo válido, como nombre@correo.com.");
    await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue("Sin Términos");
    await expect(page.getByLabel("Correo electrónico", { exact: true })).toHaveAttribute("aria-describedby", /field-email-error/);
  });

  test("an existing member signs in with a mailed code and sees their balance", async ({ page, browser, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/me");
    await expect(page).toHaveURL(/\/me\/sign-in/);
    await signInAsMember(page, browser, SEEDED_MEMBERS.camila.email);
    await expect(page.getByTestId("member-greeting")).toHaveText(`Hola, ${SEEDED_MEMBERS.camila.firstName}`);
    await expect(page.getByTestId("points-available")).toHaveText(/^[\d.,]+$/);

    await page.getByTestId("member-sign-out").click();
    await expect(page).toHaveURL(/\/me\/sign-in\?notice=signed-out/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/me\/sign-in/);
  });

  test("a wrong code is refused with a clear message, and a new code can be sent", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await page.goto("/me/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(SEEDED_MEMBERS.lucia.email);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await expect(page.getByTestId("code-sent")).toContainText(`If ${SEEDED_MEMBERS.lucia.email} is registered`);

    await page.getByLabel("6-digit code").fill("12345");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("code-error")).toHaveText("The code has 6 digits.");

    // A wrong 6-digit guess (one in a million that it is right).
    await page.getByLabel("6-digit code").fill("000000");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText(/The code is wrong or has expired|Too many attempts/);

    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(page.getByText("We sent you a new code. Use the latest one.")).toBeVisible();
  });

  test("an unknown address gets the same answer as a member's", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await page.goto("/me/sign-in");
    const email = `nadie.${Date.now()}@example.com`;
    await page.getByLabel("Correo electrónico", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Enviarme un código" }).click();
    await expect(page.getByTestId("code-sent")).toHaveText(`Si ${email} está registrado en el programa, te enviamos un código de 6 dígitos. Vence en 10 minutos.`);
  });
});
