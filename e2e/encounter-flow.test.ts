import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerNoteFromTranscript } from '@healthcare/ai/testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { readPdfText } from '@healthcare/core/notes/testing/read-pdf-text';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { seriousViolations, tabTo } from './page-checks';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startWebServer, type WebServer } from './start-web-server';

const screenshotDir = 'artifacts/screenshots';
const flowTimeoutMs = 240_000;

let server: WebServer;
let browser: Browser;
let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let llm: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
let scratch: string;

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  llm = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
  // Each chunk's transcription says something different, so the note has distinct statements.
  stt.enqueue(
    ...Array.from({ length: 40 }, (_, chunk) => ({
      kind: 'ok' as const,
      text: (index: number) => `Trecho ${chunk + 1}.${index + 1} paciente relata dor de cabeça.`,
    })),
  );
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-e2e-audio-'));
  // Chromium loops the file as its fake microphone.
  const wav = await generateTone(scratch, 'voice.wav', ['-c:a', 'pcm_s16le', '-ar', '48000'], 30);
  server = await startWebServer(inject('testDatabase').appUrl, {
    RUN_WORKER: 'true',
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.baseUrl,
    STT_API_KEY: 'sk-test',
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: llm.baseUrl,
    LLM_API_KEY: 'sk-test',
    // The fake model cites every transcript line in one section: about 15 for 20 s of audio.
    NOTE_MAX_ITEMS_PER_SECTION: '40',
  });
  browser = await launchChromium([
    '--autoplay-policy=no-user-gesture-required',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
  ]);
  await mkdir(screenshotDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await stt?.close();
  await llm?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });

describe('the encounter screen', () => {
  test(
    'should record through a network drop, show the live transcript, and take the note from evidence to a signed PDF',
    async (context) => {
      const browserContext = await browser.newContext({
        baseURL: server.baseUrl,
        locale: 'pt-BR',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      context.onTestFinished(() => browserContext.close());
      const page = await browserContext.newPage();
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      try {
        await recordToSignedPdf(page, browserContext, pageErrors);
      } catch (error) {
        await shot(page, 'failure-encounter-flow');
        const encounterId = new URL(page.url()).pathname.split('/').at(-1);
        console.error(await (await page.request.get(`/api/v1/encounters/${encounterId}`)).text());
        console.error(await page.locator('main').innerText());
        throw error;
      }
    },
    flowTimeoutMs,
  );
});

async function recordToSignedPdf(page: Page, browserContext: BrowserContext, pageErrors: Error[]) {
  await page.goto('/signup');
  await page.getByLabel('Nome da clínica').fill('Clínica Boa Saúde');
  await page.getByLabel('Seu nome').fill('Dra. Ana Lima');
  await page.getByLabel('E-mail').fill(`ana-${randomUUID()}@example.test`);
  await page.getByLabel('Senha').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await page.getByRole('heading', { name: 'Pacientes' }).waitFor();
  const csrf = (await browserContext.cookies()).find((cookie) => cookie.name === 'hc_csrf')?.value ?? '';
  const created = await page.request.post('/api/v1/patients', {
    headers: { 'x-csrf-token': csrf },
    data: { name: 'Maria Silva', birthDate: '1990-05-02', sex: 'female', documentId: '123.456.789-00' },
  });
  expect(created.status()).toBe(201);
  const patientId = (await created.json()).id as string;

  await page.goto(`/patients/${patientId}`);
  await page.getByRole('heading', { name: 'Maria Silva' }).waitFor();
  // A document dropped on the patient's record, then previewed in a dialog over it.
  await page.locator('.drop-zone').evaluate(async (zone) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#0b6e6e';
    context.fillRect(8, 8, 48, 32);
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([png], 'raio-x.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.getByRole('button', { name: 'raio-x.png' }).click();
  const preview = page.getByRole('img', { name: 'raio-x.png' });
  await preview.waitFor();
  await page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>('img[alt="raio-x.png"]');
    return image?.complete === true && image.naturalWidth === 64;
  });
  expect(await seriousViolations(page)).toEqual([]);
  // The viewport only: a full-page shot would stretch the page past the dialog's overlay.
  await page.screenshot({ path: `${screenshotDir}/patient-document-preview.png` });
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });
  await shot(page, 'patient');
  await page.getByRole('button', { name: 'Nova consulta' }).click();
  await page.waitForURL('**/encounters/**');
  const encounterId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByRole('heading', { name: 'Transcrição' }).waitFor();
  await page.getByText('Ao vivo').waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard only: the patient's consent first (the recorder is not offered before it), then record.
  expect(await page.getByRole('button', { name: 'Gravar' }).count()).toBe(0);
  await page.getByRole('heading', { name: 'Consentimento para gravar' }).waitFor();
  await tabTo(page, 'Paciente consentiu com a gravação');
  await page.keyboard.press('Enter');
  await page.getByText(/Consentimento registrado em/).waitFor();
  await tabTo(page, 'Gravar');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Encerrar gravação' }).waitFor();

  // The transcript grows while recording.
  const segments = page.locator('[data-segment-id]');
  await segments.first().waitFor();
  expect(await page.getByRole('button', { name: 'Encerrar gravação' }).isVisible()).toBe(true);
  await shot(page, 'encounter-recording');

  // The network drops mid-recording: chunks wait in IndexedDB, recording goes on.
  await browserContext.setOffline(true);
  await page.getByText('Sem conexão: a gravação continua').waitFor();
  await page.getByText(/[2-9] aguardando envio/).waitFor();
  await shot(page, 'encounter-offline');
  await browserContext.setOffline(false);
  await page.getByText(/aguardando envio/).waitFor({ state: 'detached' });
  await page.waitForFunction(() => {
    const [minutes, seconds] = (document.querySelector('[role=timer]')?.textContent ?? '0:0').split(':');
    return Number(minutes) * 60 + Number(seconds) >= 20;
  });

  await tabTo(page, 'Encerrar gravação');
  await page.keyboard.press('Enter');
  const statements = page.locator('[data-statement]');
  await statements.first().waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Assinar nota' }).waitFor();

  // Every chunk arrived and the transcript runs without a gap.
  const encounter = await (await page.request.get(`/api/v1/encounters/${encounterId}`)).json();
  expect(encounter.audio.chunkCount).toBeGreaterThanOrEqual(4);
  expect(encounter.consent).toMatchObject({ language: 'pt-BR', wording: expect.stringMatching(/^Autorizo/) });
  expect(encounter.audio.chunksReceived).toBe(encounter.audio.chunkCount);
  const transcript = await (await page.request.get(`/api/v1/encounters/${encounterId}/transcript`)).json();
  for (const [index, segment] of transcript.segments.entries()) {
    if (index > 0) expect(segment.start).toBeCloseTo(transcript.segments[index - 1].end, 1);
  }
  // The recorder's last chunk may hold only the instant before "stop": kept as silence, so
  // every chunk before it must have been heard.
  const heard = transcript.segments.map((segment: { text: string }) => segment.text).join(' ');
  for (let chunk = 1; chunk < encounter.audio.chunkCount; chunk += 1)
    expect(heard).toContain(`Trecho ${chunk}.1 `);
  expect(await segments.count()).toBe(transcript.segments.length);

  // Hovering a statement highlights its evidence in the transcript.
  const note = await (await page.request.get(`/api/v1/encounters/${encounterId}/note`)).json();
  const firstItem = note.sections[0].items[0];
  await statements.first().hover();
  const highlighted = page.locator('[data-evidence]');
  await highlighted.first().waitFor();
  expect(
    await highlighted.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-segment-id'))),
  ).toEqual(firstItem.evidence);
  await shot(page, 'encounter-evidence');
  expect(await seriousViolations(page)).toEqual([]);

  // Its play button plays the recording from the first evidence segment: the live chunk holding it.
  const cited = transcript.segments.filter((segment: { id: string }) =>
    firstItem.evidence.includes(segment.id),
  );
  const firstCited = cited.sort((a: { start: number }, b: { start: number }) => a.start - b.start)[0];
  await statements
    .first()
    .getByRole('button', { name: /^Ouvir a partir de / })
    .click();
  await page.waitForFunction((seq) => {
    const audio = document.querySelector('audio');
    return !!audio && audio.currentSrc.endsWith(`/audio/chunks/${seq}`) && audio.readyState >= 1;
  }, firstCited.chunk.seq);

  // Inline edit with autosave.
  await statements.first().getByRole('button', { name: 'Editar' }).click();
  const editor = page.getByLabel('Texto da afirmação');
  await editor.fill('Cefaleia holocraniana há três dias, sem febre.');
  await page.getByRole('status').getByText('Salvo', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Concluir edição' }).click();
  await page.getByText('Cefaleia holocraniana há três dias, sem febre.').waitFor();

  // Its number is not in the evidence: flagged, and the clinician acknowledges it.
  await page.getByText('Valor "três dias" não aparece na evidência.').waitFor();
  // The flag's kind is a badge whose tooltip says what the checker found.
  await statements.first().getByText('Número', { exact: true }).hover();
  await page
    .getByRole('tooltip')
    .getByText('Um número da afirmação não aparece nos trechos citados.')
    .waitFor();
  await statements.first().getByRole('button', { name: 'Ciente' }).click();
  await page.getByText(/alertas? pendentes?/).waitFor({ state: 'detached' });

  // Another tab saves while a statement is open here: the save is refused and the reader is told.
  await statements.nth(2).getByRole('button', { name: 'Editar' }).click();
  const current = await (await page.request.get(`/api/v1/encounters/${encounterId}/note`)).json();
  const otherTab = await page.request.patch(`/api/v1/encounters/${encounterId}/note`, {
    headers: { 'x-csrf-token': csrf, 'if-match': `"${current.version}"` },
    data: {
      sections: [
        {
          key: current.sections[0].key,
          items: current.sections[0].items.map((item: { id: string; text: string }, index: number) => ({
            id: item.id,
            text: index === 1 ? 'Editado em outra aba.' : item.text,
          })),
        },
      ],
    },
  });
  expect(otherTab.status()).toBe(200);
  await page.getByLabel('Texto da afirmação').fill('Esta edição chega tarde.');
  await page.getByText('Esta nota foi alterada em outra aba ou por outra pessoa.').waitFor();
  await page.getByRole('button', { name: 'Concluir edição' }).click();
  await page.getByRole('button', { name: 'Carregar a versão mais recente' }).click();
  await page.getByText('Editado em outra aba.').waitFor();
  await page.getByText('Esta nota foi alterada').waitFor({ state: 'detached' });

  // Writing the note again: its options sit in a dialog; Escape leaves the note as it was.
  await page.getByRole('button', { name: 'Redigir de novo…' }).click();
  const regenerate = page.getByRole('dialog', { name: 'Redigir a nota de novo' });
  await regenerate.getByLabel('Idioma da nota').click();
  await page.getByRole('option', { name: 'Inglês' }).click();
  await expect.poll(() => regenerate.getByLabel('Idioma da nota').innerText()).toBe('Inglês');
  expect(await seriousViolations(page)).toEqual([]);
  // The viewport only: a full-page shot would stretch the page past the dialog's overlay.
  await page.screenshot({ path: `${screenshotDir}/encounter-regenerate-dialog.png` });
  await page.keyboard.press('Escape');
  await regenerate.waitFor({ state: 'detached' });

  // Keyboard only: sign, and confirm in the dialog (focus starts on Cancel).
  await tabTo(page, 'Assinar nota');
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog', { name: 'Assinar esta nota?' }).waitFor();
  await tabTo(page, 'Sim, assinar');
  await page.keyboard.press('Enter');
  await page.getByText(/^Assinada em /).waitFor();
  await shot(page, 'encounter-signed');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Baixar PDF' }).click(),
  ]);
  const pdfText = readPdfText(await readFile((await download.path())!));
  expect(pdfText).toContain('Clínica Boa Saúde');
  expect(pdfText).toContain('Maria Silva');
  expect(pdfText).toContain('Cefaleia holocraniana há três dias, sem febre.');
  expect(pdfText).toContain('Editado em outra aba.');
  expect(pdfText).toContain('Assinada eletronicamente por Dra. Ana Lima');

  await page.getByLabel('Novo adendo').fill('Paciente retornou a ligação; sem febre.');
  await page.getByRole('button', { name: 'Adicionar adendo' }).click();
  await page.getByText('Paciente retornou a ligação; sem febre.').waitFor();

  // The same screen in English.
  await page.getByRole('button', { name: 'Idioma: Português' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Clinical note' }).waitFor();
  await page.getByRole('heading', { name: 'Transcript' }).waitFor();
  await page.getByText(/^Signed on /).waitFor();
  await page.getByRole('link', { name: 'Download PDF' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'encounter-signed-en');

  // Portrait tablet: one column, nothing cut off.
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(page, 'encounter-tablet-portrait');
  expect(pageErrors).toEqual([]);
}
