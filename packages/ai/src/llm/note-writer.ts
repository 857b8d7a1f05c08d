export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Completion {
  text: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number };
}

/** A language model asked for one answer, optionally constrained to a JSON schema (architecture §6). */
export interface NoteWriter {
  readonly name: string;
  complete(request: {
    messages: ChatMessage[];
    jsonSchema?: { name: string; schema: object };
    signal?: AbortSignal;
  }): Promise<Completion>;
}
