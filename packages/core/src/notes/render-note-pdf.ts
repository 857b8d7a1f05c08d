import PDFDocument from 'pdfkit';

export interface NotePdfContent {
  clinicName: string;
  patient: { name: string; birthDate: string; documentId: string | null };
  encounterDate: Date;
  language: string;
  sections: { title: string; items: { text: string }[] }[];
  signer: string;
  signedAt: Date;
  addenda: { text: string; author: string; createdAt: Date }[];
}

const labels = {
  'pt-BR': {
    title: 'Nota clínica',
    patient: 'Paciente',
    born: 'Nascimento',
    document: 'Documento',
    encounter: 'Consulta',
    signedBy: 'Assinada eletronicamente por {name} em {date}',
    addenda: 'Adendos',
  },
  en: {
    title: 'Clinical note',
    patient: 'Patient',
    born: 'Born',
    document: 'Document',
    encounter: 'Encounter',
    signedBy: 'Electronically signed by {name} on {date}',
    addenda: 'Addenda',
  },
} as const;

/**
 * The signed note as a PDF: clinic, patient identification, encounter date, the note by
 * section, signer and signing time, then any addenda. Standard PDF fonts cover Latin-1, which
 * holds Portuguese and Spanish; anything outside it would print as a placeholder.
 */
export function renderNotePdf(content: NotePdfContent, timeZone = 'America/Sao_Paulo'): Promise<Buffer> {
  const locale = content.language === 'en' ? 'en' : 'pt-BR';
  const text = labels[locale];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: text.title, Producer: 'HealthCare', Creator: 'HealthCare' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(content.clinicName);
  doc.font('Helvetica').fontSize(11).fillColor('#444444').text(text.title).moveDown();
  doc.fillColor('#000000').fontSize(10);
  doc
    .font('Helvetica-Bold')
    .text(`${text.patient}: `, { continued: true })
    .font('Helvetica')
    .text(content.patient.name);
  doc
    .font('Helvetica-Bold')
    .text(`${text.born}: `, { continued: true })
    .font('Helvetica')
    .text(date.format(new Date(`${content.patient.birthDate}T00:00:00Z`)));
  if (content.patient.documentId)
    doc
      .font('Helvetica-Bold')
      .text(`${text.document}: `, { continued: true })
      .font('Helvetica')
      .text(content.patient.documentId);
  doc
    .font('Helvetica-Bold')
    .text(`${text.encounter}: `, { continued: true })
    .font('Helvetica')
    .text(dateTime.format(content.encounterDate));
  doc.moveDown();

  for (const section of content.sections) {
    if (section.items.length === 0) continue;
    doc.font('Helvetica-Bold').fontSize(12).text(section.title);
    doc.font('Helvetica').fontSize(11);
    for (const item of section.items) doc.text(item.text, { indent: 10, paragraphGap: 3 });
    doc.moveDown(0.6);
  }

  doc.moveDown();
  doc
    .font('Helvetica-Oblique')
    .fontSize(10)
    .text(
      text.signedBy.replace('{name}', content.signer).replace('{date}', dateTime.format(content.signedAt)),
    );

  if (content.addenda.length > 0) {
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text(text.addenda);
    for (const addendum of content.addenda) {
      doc
        .font('Helvetica-Oblique')
        .fontSize(9)
        .text(`${addendum.author} · ${dateTime.format(addendum.createdAt)}`);
      doc.font('Helvetica').fontSize(11).text(addendum.text, { paragraphGap: 4 });
    }
  }
  doc.end();
  return done;
}
