import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { afterAll, beforeAll, describe, expect, inject, test, type TestContext } from 'vitest';
import { fitsTheWidth, seriousViolations, tabTo } from './page-checks';
import { startWebServer, type WebServer } from './start-web-server';

const screenshotDir = 'artifacts/screenshots';
const password = 'correct horse battery staple';
const flowTimeoutMs = 180_000;
// Portrait tablet: the whole admin flow runs at this size.
const tablet = { width: 768, height: 1024 };

let server: WebServer;
let browser: Browser;
let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
const clinician = { name: 'Carla Souza', email: `carla-${randomUUID()}@example.test` };

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  server = await startWebServer(inject('testDatabase').appUrl, {
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.baseUrl,
    STT_API_KEY: 'sk-test',
    STT_MODEL: 'whisper-large-v3',
    // Nothing listens on port 1: the settings screen must say the language model is unreachable.
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: 'http://127.0.0.1:1/v1',
    LLM_API_KEY: 'sk-test',
    LLM_MODEL: 'qwen2.5-7b-instruct',
  });
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await stt?.close();
});

async function openTablet(context: TestContext, locale = 'pt-BR') {
  const browserContext = await browser.newContext({ baseURL: server.baseUrl, locale, viewport: tablet });
  const page = await browserContext.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // Registered first so that it runs before the context is closed.
  context.onTestFailed(async () => {
    const name = context.task.name.slice(0, 40).replaceAll(/\W+/g, '-');
    await page
      .screenshot({ path: `${screenshotDir}/failure-${name}.png`, fullPage: true })
      .catch(() => undefined);
    console.error(
      await page
        .locator('main')
        .innerText()
        .catch(() => ''),
    );
  });
  context.onTestFinished(() => browserContext.close());
  return { browserContext, page, pageErrors };
}

/** Radix Select: open the combobox found by its label, then pick the option by name. */
async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Toasts live in the notifications region (a copy is announced elsewhere for a moment); the flow is in Portuguese. */
const toast = (page: Page, text: string) =>
  page.getByRole('region', { name: /Notificações/ }).getByText(text, { exact: true });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });

/** Accessible, no sideways scroll at tablet width, and a screenshot for the record. */
async function checkScreen(page: Page, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsTheWidth(page)).toBe(true);
  await shot(page, name);
}

async function csrfOf(browserContext: BrowserContext) {
  return (await browserContext.cookies()).find((cookie) => cookie.name === 'hc_csrf')?.value ?? '';
}

describe('today, admin and settings screens', () => {
  test(
    'should land on today’s encounters and let an admin manage users, templates, the audit log and see the providers, by keyboard, on a tablet',
    async (context) => {
      const { browserContext, page, pageErrors } = await openTablet(context);
      const signup = await page.request.post('/api/v1/auth/signup', {
        data: {
          clinicName: 'Clínica Boa Saúde',
          name: 'Dra. Ana Lima',
          email: `ana-${randomUUID()}@example.test`,
          password,
        },
      });
      expect(signup.status()).toBe(201);
      const headers = { 'x-csrf-token': await csrfOf(browserContext) };
      const patient = await page.request.post('/api/v1/patients', {
        headers,
        data: { name: 'Maria Silva', birthDate: '1990-05-02', sex: 'female' },
      });
      const patientId = (await patient.json()).id as string;
      const encounter = await page.request.post('/api/v1/encounters', { headers, data: { patientId } });
      const encounterId = (await encounter.json()).id as string;

      // The landing page: today's encounters across patients, with where each one stands.
      await page.goto('/');
      await page.getByRole('heading', { name: 'Atendimentos de hoje' }).waitFor();
      const row = page.getByRole('row', { name: /Maria Silva/ });
      await row.getByText('Aguardando a gravação').waitFor();
      await row.getByText('Criada', { exact: true }).waitFor();
      await checkScreen(page, 'today-tablet');

      // Admin, by keyboard: from the header to each admin screen.
      await tabTo(page, 'Administração');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Usuários e perfis', level: 1 }).waitFor();
      await page.getByRole('row', { name: /Dra\. Ana Lima/ }).waitFor();

      await page.getByLabel('Nome', { exact: true }).fill(clinician.name);
      await page.getByLabel('E-mail').fill(clinician.email);
      await page.getByLabel('Senha inicial').fill(password);
      await pick(page, 'Perfil', 'Profissional de saúde');
      await expect
        .poll(() => page.getByLabel('Perfil', { exact: true }).innerText())
        .toBe('Profissional de saúde');
      await tabTo(page, 'Adicionar usuário');
      await page.keyboard.press('Enter');
      await toast(page, 'Carla Souza já pode entrar.').waitFor();

      const bruno = `bruno-${randomUUID()}@example.test`;
      await page.getByLabel('Nome', { exact: true }).fill('Bruno Lima');
      await page.getByLabel('E-mail').fill(bruno);
      await page.getByLabel('Senha inicial').fill(password);
      await pick(page, 'Perfil', 'Recepção');
      await page.getByRole('button', { name: 'Adicionar usuário' }).click();
      await toast(page, 'Bruno Lima já pode entrar.').waitFor();
      await pick(page, 'Perfil de Bruno Lima', 'Profissional de saúde');
      await toast(page, 'Salvo. Bruno Lima precisa entrar de novo.').waitFor();
      // Deactivating asks first; Escape keeps the account as it was.
      await page.getByRole('button', { name: 'Desativar Bruno Lima' }).click();
      await page.getByRole('alertdialog', { name: 'Desativar Bruno Lima?' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Desativar Bruno Lima' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, desativar' }).click();
      await page
        .getByRole('row', { name: /Bruno Lima/ })
        .getByText('Desativado')
        .waitFor();
      expect(
        (await page.request.post('/api/v1/auth/login', { data: { email: bruno, password } })).status(),
      ).toBe(401);
      await checkScreen(page, 'admin-users-tablet');

      await tabTo(page, 'Modelos de nota');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Modelos de nota', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'SOAP', exact: false }).first().waitFor();
      await page.getByRole('button', { name: 'Novo modelo' }).click();
      await page.getByLabel('Chave', { exact: true }).fill('retorno');
      await page.getByLabel('Nome', { exact: true }).fill('Consulta de retorno');
      await page.getByLabel('Chave da seção').fill('evolucao');
      await page.getByLabel('Título da seção').fill('Evolução');
      await page
        .getByLabel('O que o redator da nota deve escrever aqui')
        .fill('Como o paciente evoluiu desde a última consulta.');
      await checkScreen(page, 'admin-template-form-tablet');
      await page.getByRole('button', { name: 'Criar modelo' }).click();
      await toast(page, 'Modelo salvo.').first().waitFor();
      await page.getByRole('heading', { name: 'Consulta de retorno' }).waitFor();
      await page.getByRole('button', { name: 'Editar Consulta de retorno' }).click();
      await page.getByLabel('Nome', { exact: true }).fill('Retorno');
      await page.getByRole('button', { name: 'Salvar modelo' }).click();
      await page.getByRole('heading', { name: 'Retorno', exact: true }).waitFor();
      await checkScreen(page, 'admin-templates-tablet');
      // Archiving asks first, then takes the template out of the list and out of new encounters.
      const retorno = page.getByRole('heading', { name: 'Retorno', exact: true });
      await page.getByRole('button', { name: 'Arquivar Retorno' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, arquivar' }).click();
      await toast(page, 'Modelo arquivado.').waitFor();
      await retorno.waitFor({ state: 'detached' });
      const offered = (await (await page.request.get('/api/v1/templates')).json()).items;
      expect(offered.map((template: { key: string }) => template.key)).not.toContain('retorno');
      await page.getByLabel('Mostrar modelos arquivados').check();
      await page
        .getByRole('listitem')
        .filter({ has: retorno })
        .getByText('Arquivado', { exact: true })
        .waitFor();
      await checkScreen(page, 'admin-templates-archived-tablet');
      await page.getByRole('button', { name: 'Restaurar Retorno' }).click();
      await toast(page, 'Modelo restaurado.').waitFor();
      // No encounter ever used it: archived again, it can be removed for good.
      await page.getByRole('button', { name: 'Arquivar Retorno' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, arquivar' }).click();
      await page.getByRole('button', { name: 'Remover Retorno' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, remover' }).click();
      await retorno.waitFor({ state: 'detached' });

      await tabTo(page, 'Registro de auditoria');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Registro de auditoria', level: 1 }).waitFor();
      await pick(page, 'Ação', 'user.update');
      await page.getByRole('button', { name: 'Aplicar filtros' }).click();
      await page.getByRole('cell', { name: 'user.update' }).first().waitFor();
      // The unfiltered page goes away once the filtered one arrives.
      await page.getByRole('cell', { name: 'patient.create' }).first().waitFor({ state: 'detached' });
      await pick(page, 'Ação', 'Qualquer ação');
      await page.getByLabel('Paciente', { exact: true }).fill('maria');
      await page.getByRole('button', { name: 'Maria Silva' }).click();
      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel('De', { exact: true }).fill(today);
      await page.getByLabel('Até', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Aplicar filtros' }).click();
      await page.getByRole('cell', { name: 'user.update' }).first().waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'encounter.create' }).waitFor();
      await page.getByRole('cell', { name: 'patient.create' }).waitFor();

      await checkScreen(page, 'admin-audit-tablet');

      // Settings: which providers, and whether they answer.
      await tabTo(page, 'Configurações');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Configurações', level: 1 }).waitFor();
      const sttBox = page.locator('[data-provider=stt]');
      await sttBox.getByText('Acessível').waitFor();
      await sttBox.getByText('whisper-large-v3').waitFor();
      const llmBox = page.locator('[data-provider=llm]');
      await llmBox.getByText('Inacessível').waitFor();
      await llmBox.getByText('qwen2.5-7b-instruct').waitFor();
      await checkScreen(page, 'settings-tablet');
      await page.getByRole('button', { name: 'Idioma: Português' }).click();
      await page.getByRole('menuitemradio', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await sttBox.getByText('Reachable').waitFor();
      await llmBox.getByText('Not reachable').waitFor();

      // The other main screens fit a portrait tablet too.
      await page.goto('/patients');
      await page.getByRole('link', { name: 'Maria Silva' }).waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await page.goto(`/encounters/${encounterId}`);
      await page.getByRole('heading', { name: 'Transcript' }).waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await shot(page, 'encounter-tablet-en');
      expect(pageErrors).toEqual([]);
    },
    flowTimeoutMs,
  );

  test(
    'should keep the admin screens from a clinician, who still lands on today’s encounters',
    async (context) => {
      const { page, pageErrors } = await openTablet(context);
      await page.goto('/login');
      await page.getByLabel('E-mail').fill(clinician.email);
      await page.getByLabel('Senha').fill(password);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.getByRole('heading', { name: 'Atendimentos de hoje' }).waitFor();
      await page.getByRole('link', { name: /Maria Silva/ }).waitFor();
      expect(await page.getByRole('link', { name: 'Administração' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Configurações' }).count()).toBe(0);

      for (const path of ['/admin/users', '/admin/audit', '/settings']) {
        await page.goto(path);
        await page.getByRole('heading', { name: 'Acesso não permitido' }).waitFor();
        await page.getByText('Somente os administradores da clínica podem abrir esta página.').waitFor();
      }
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'admin-not-allowed');
      expect(pageErrors).toEqual([]);
    },
    flowTimeoutMs,
  );
});
