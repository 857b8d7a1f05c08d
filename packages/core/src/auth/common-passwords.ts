import { dictionary } from '@zxcvbn-ts/language-common';

let known: ReadonlySet<string> | undefined;

// About 49,000 passwords seen most often in breaches (zxcvbn-ts, MIT), loaded on first use.
function commonPasswords(): ReadonlySet<string> {
  known ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  return known;
}

// Whatever people pad a weak password with to pass a length rule: digits, symbols, spaces.
const padding = /^[\d\W_]+|[\d\W_]+$/g;
const shortestMeaningfulCore = 4;

/**
 * True for a password on the breach list, or one built from such a password by the usual
 * tricks: padding it with digits or symbols ("password1234", "Brasil2024!!") or repeating it
 * ("senhasenha12"). NIST SP 800-63B asks for exactly this check instead of composition rules.
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lowered = password.toLowerCase();
  if (list.has(lowered)) return true;
  const core = lowered.replace(padding, '');
  if (core.length === 0) return true;
  if (core.length < shortestMeaningfulCore) return false;
  return list.has(core) || isRepetitionOfCommon(core, list);
}

function isRepetitionOfCommon(text: string, list: ReadonlySet<string>): boolean {
  for (let unit = 1; unit <= text.length / 2; unit += 1) {
    if (text.length % unit !== 0) continue;
    const piece = text.slice(0, unit);
    if (piece.repeat(text.length / unit) === text) return unit < shortestMeaningfulCore || list.has(piece);
  }
  return false;
}
