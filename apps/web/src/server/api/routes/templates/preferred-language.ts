/** Names of built-in templates follow the reader's language: Portuguese unless the browser asks for English. */
export function preferredLanguage(request: Request): 'pt-BR' | 'en' {
  const header = request.headers.get('accept-language') ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'pt-BR';
}
