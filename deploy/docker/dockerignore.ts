import { readFileSync } from 'node:fs';

/**
 * Whether `.dockerignore` keeps a path out of the build context. Docker's rules, reduced to what
 * our file uses: `*`, `**`, `!` exceptions, the last matching line wins, and a directory's
 * exclusion covers everything below it.
 */
export function isExcludedFromContext(dockerignoreFile: string, relativePath: string): boolean {
  const rules = readFileSync(dockerignoreFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ exception: line.startsWith('!'), pattern: toRegExp(line.replace(/^!/, '')) }));
  const prefixes = relativePath.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'));
  let excluded = false;
  for (const rule of rules)
    if (prefixes.some((prefix) => rule.pattern.test(prefix))) excluded = !rule.exception;
  return excluded;
}

function toRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/^\/+/, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
