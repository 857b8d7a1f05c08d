/**
 * What a careful model would answer to our note prompt, derived from the request itself: every
 * transcript line becomes one statement in the first section, citing that line. Fake LLM
 * servers use it as their default answer so a whole pipeline can run without model weights.
 */
export function answerNoteFromTranscript(body: {
  messages: { role: string; content: string }[];
  response_format?: { json_schema?: { schema?: any } };
  tools?: { input_schema?: any }[];
  system?: string;
}): string {
  const schema = body.response_format?.json_schema?.schema ?? body.tools?.[0]?.input_schema;
  const keys: string[] = schema?.properties?.sections?.required ?? [];
  // The transcript is in the first user message; a retry adds the complaint after it.
  const transcript =
    body.messages.find((message) => message.role === 'user' && message.content.startsWith('Transcript:'))
      ?.content ?? '';
  const lines = [...transcript.matchAll(/^\[(S\d+) [^\]]*\](?: [^:]+:)? (.*)$/gm)].map((match) => ({
    ref: match[1]!,
    text: match[2]!,
  }));
  const sections = Object.fromEntries(keys.map((key) => [key, [] as { text: string; evidence: string[] }[]]));
  if (keys[0]) sections[keys[0]] = lines.map((line) => ({ text: line.text, evidence: [line.ref] }));
  return JSON.stringify({ sections });
}
