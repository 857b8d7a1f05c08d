const extensionByMimeType: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'text/plain': 'txt',
};

/**
 * A client's file name made safe to store, show and send back in Content-Disposition: no
 * directories, no control or bidirectional-override characters (which can disguise
 * "exam‮fdp.exe" as "exam.exe.pdf"), bounded length, and an extension matching the
 * detected type.
 */
export function sanitizeFileName(raw: string | undefined, mimeType: string): string {
  const extension = extensionByMimeType[mimeType.split(';')[0]?.trim() ?? ''] ?? 'bin';
  const baseName = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let cleaned = baseName
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned.length === 0) cleaned = 'document';
  const hasRightExtension =
    cleaned.toLowerCase().endsWith(`.${extension}`) || (extension === 'jpg' && /\.jpeg$/i.test(cleaned));
  return truncate(hasRightExtension ? cleaned : `${cleaned}.${extension}`, 180, extension);
}

function truncate(name: string, maxLength: number, extension: string): string {
  const characters = Array.from(name);
  if (characters.length <= maxLength) return name;
  const suffix = `.${extension}`;
  return `${characters
    .slice(0, maxLength - suffix.length)
    .join('')
    .trimEnd()}${suffix}`;
}
