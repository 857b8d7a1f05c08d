import { readFileSync } from 'node:fs';

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY… */
  keyword: string;
  /** Everything after the keyword, continuation lines joined, comments inside them dropped. */
  args: string;
  line: number;
}

export interface DockerStage {
  /** The image or earlier stage it starts from. */
  from: string;
  name: string | undefined;
  instructions: DockerInstruction[];
}

/**
 * Enough of the Dockerfile grammar for structural checks: instructions, backslash continuations,
 * comment lines (also between continuations, as Docker allows) and stages. No variable expansion.
 */
export function parseDockerfile(file: string): DockerStage[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    // Docker drops comment and blank lines even inside a continued instruction.
    if (trimmed.startsWith('#') || trimmed === '') return;
    const continues = trimmed.endsWith('\\');
    const text = continues ? trimmed.slice(0, -1) : trimmed;
    pending = pending ? { ...pending, text: `${pending.text} ${text}` } : { text, line: index + 1 };
    if (continues) return;
    const match = /^(\S+)\s*(.*)$/s.exec(pending.text.trim());
    if (match)
      instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: pending.line });
    pending = undefined;
  });

  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--platform'));
      stages.push({ from: from!, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The exec-form array of CMD/ENTRYPOINT/HEALTHCHECK CMD, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  return JSON.parse(args) as string[];
}

/** `ENV A=1 B="two words"` → { A: '1', B: 'two words' } (the key=value form only). */
export function parseEnv(args: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g))
    values[match[1]!] = match[3] ?? match[2]!;
  return values;
}
