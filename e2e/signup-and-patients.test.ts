import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { fitsTheWidth, seriousViolations } from './page-checks';
import { afterAll, beforeAll, describe, expect, inject, test, type TestContext } from 'vitest';
import { startWebServer, type WebServer } from './start-web-server';

const password = 'correct horse battery staple';
// Signing up hashes a password (argon2id) and the first page loads compile nothing but still take a moment on 2 cores.
const flowTimeoutMs = 90_000;

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  server = await startWebServer(inject('testDatabase').appUrl);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh browser profile; a screenshot lands in test-results/ when the test fails. */
async function openBrowser(
  context: TestContext,
  locale: string,
): Promise<{ page: Page; browserContext: BrowserContext; pageErrors: Error[] }> {
  const browserContext = await browser.newContext({ baseURL: server.baseUrl, locale });
  const page = await browserContext.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  context.onTestFailed(async () => {
    await mkdir('test-results', { recursive: true });
    await page.screenshot({
      path: `test-results/${context.task.name.replaceAll(/\W+/g, '-')}.png`,
      fullPage: true,
    });
  });
  context.onTestFinished(() => browserContext.close());
  return { page, browserContext, pageErrors };
}

describe('the web app', () => {
  test(
    'should let a new clinic sign up, register a patient, find them without accents, edit and delete them and log out',
    async (context) => {
      const { page, browserContext, pageErrors } = await openBrowser(context, 'pt-BR');

      await page.goto('/');
      await page.getByRole('heading', { name: 'Entrar' }).waitFor();
      await page.getByRole('link', { name: 'Cadastre sua clínica' }).click();

      await page.getByLabel('Nome da clínica').fill('Clínica Boa Saúde');
      await page.getByLabel('Seu nome').fill('Dra. Ana Lima');
      await page.getByLabel('E-mail').fill(`ana-${randomUUID()}@example.test`);
      await page.getByLabel('Senha').fill(password);
      await page.getByRole('button', { name: 'Criar conta' }).click();

      await page.getByRole('heading', { name: 'Pacientes' }).waitFor();
      await page.getByText('Clínica Boa Saúde').waitFor();
      await page.getByText('Dra. Ana Lima').waitFor();

      // Another patient, so that the search below has something to leave out.
      const csrf = (await browserContext.cookies()).find((cookie) => cookie.name === 'hc_csrf')?.value ?? '';
      const other = await page.request.post('/api/v1/patients', {
        headers: { 'x-csrf-token': csrf },
        data: { name: 'Maria Silva', birthDate: '1990-05-02', sex: 'female' },
      });
      expect(other.status()).toBe(201);

      await page.getByRole('link', { name: 'Novo paciente' }).click();
      await page.getByLabel('Nome completo').fill('João Conceição');
      await page.getByLabel('Data de nascimento').fill('2999-01-01');
      // A Radix select: a combobox button named by its label, with a listbox of options.
      await page.getByLabel('Sexo').click();
      await page.getByRole('option', { name: 'Masculino' }).click();
      expect(await page.getByLabel('Sexo').textContent()).toContain('Masculino');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Cadastrar paciente' }).click();

      // The API's field error, in Portuguese, tied to its field.
      const futureDate = page.getByText('A data de nascimento não pode estar no futuro.');
      await futureDate.waitFor();
      const birthDate = page.getByLabel('Data de nascimento');
      expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
      expect(await birthDate.getAttribute('aria-describedby')).toContain(await futureDate.getAttribute('id'));

      await birthDate.fill('1984-03-17');
      await page.getByRole('button', { name: 'Cadastrar paciente' }).click();
      await page.getByRole('heading', { name: 'João Conceição' }).waitFor();

      await page.getByRole('link', { name: 'Pacientes', exact: true }).click();
      await page.getByRole('link', { name: 'Maria Silva' }).waitFor();
      await page.getByLabel('Buscar paciente').fill('joao conce');
      await page.getByRole('link', { name: 'Maria Silva' }).waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /João Conceição/ });
      await row.waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual(['17/03/1984', 'Masculino', '—']);

      await row.getByRole('link', { name: 'João Conceição' }).click();
      await page.getByRole('heading', { name: 'João Conceição' }).waitFor();
      await page.getByLabel('Telefone').fill('+55 11 91234-5678');
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      // Confirmed in a toast, announced to screen readers.
      await page
        .getByRole('region', { name: /Notificações/ })
        .getByText('Alterações salvas.')
        .waitFor();

      // Without its 15-minute access cookie the page renews the session from the refresh cookie.
      await browserContext.clearCookies({ name: 'hc_access' });
      await page.reload();
      expect(await page.getByLabel('Telefone').inputValue()).toBe('+55 11 91234-5678');
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 768, height: 1024 });
      expect(await fitsTheWidth(page)).toBe(true);

      // Deleting asks first: Escape backs out with focus on the button again, then confirm.
      const deleteButton = page.getByRole('button', { name: 'Excluir paciente' });
      await deleteButton.click();
      const confirmation = page.getByRole('alertdialog', { name: 'Excluir paciente' });
      await confirmation.getByText('Excluir João Conceição e todo o seu prontuário?').waitFor();
      await page.keyboard.press('Escape');
      await confirmation.waitFor({ state: 'detached' });
      // Radix hands focus back once the dialog has unmounted, a frame after it leaves the page.
      await expect
        .poll(() => deleteButton.evaluate((button) => button === document.activeElement))
        .toBe(true);
      await deleteButton.click();
      await confirmation.getByRole('button', { name: 'Sim, excluir' }).click();
      await page
        .getByRole('region', { name: /Notificações/ })
        .getByText('O prontuário de João Conceição foi excluído.')
        .waitFor();
      await page.getByRole('link', { name: 'Maria Silva' }).waitFor();
      expect(await page.getByRole('link', { name: 'João Conceição' }).count()).toBe(0);

      // The account menu holds the way out.
      await page.getByRole('button', { name: /Dra\. Ana Lima/ }).click();
      await page.getByRole('menuitem', { name: 'Sair' }).click();
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: 'Entrar' }).waitFor();

      await page.goto('/patients');
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByRole('heading', { name: 'Entrar' }).waitFor();
      expect(pageErrors).toEqual([]);
    },
    flowTimeoutMs,
  );

  test(
    'should switch the interface to English and keep it across page loads',
    async (context) => {
      const { page, pageErrors } = await openBrowser(context, 'en-US');

      await page.goto('/login');
      expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
      await page.getByRole('heading', { name: 'Entrar' }).waitFor();

      // The language menu: a menu button, then a radio item per language.
      await page.getByRole('button', { name: 'Idioma: Português' }).click();
      await page.getByRole('menuitemradio', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Password').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByRole('button', { name: 'Language: English' }).click();
      expect(await page.getByRole('menuitemradio', { name: 'English' }).getAttribute('aria-checked')).toBe(
        'true',
      );
      await page.keyboard.press('Escape');
      expect(await seriousViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    flowTimeoutMs,
  );
});
