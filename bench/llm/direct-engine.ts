import {
  LlamaGrammarEvaluationState,
  type LlamaContextSequence,
  type LlamaGrammar,
  type Token,
} from 'node-llama-cpp';

export interface EngineRun {
  generated: number;
  /** From the call to the first generated token: the prompt's evaluation, and one step. */
  firstTokenSec: number;
  totalSec: number;
}

/**
 * llama.cpp driven directly: the prompt's tokens evaluated into an empty sequence, then greedy
 * generation of `tokens` tokens (fewer only if the model ends its answer), no chat wrapper, no
 * repeat penalty; with `grammar`, sampling is constrained by it as our writer's is.
 */
export async function generateDirectly(
  sequence: LlamaContextSequence,
  prompt: Token[],
  tokens: number,
  grammar?: LlamaGrammar,
): Promise<EngineRun> {
  await sequence.clearHistory();
  const grammarEvaluationState = grammar
    ? new LlamaGrammarEvaluationState({ model: sequence.model, grammar })
    : undefined;
  const started = performance.now();
  let firstTokenSec = 0;
  let generated = 0;
  for await (const token of sequence.evaluate(prompt, {
    temperature: 0,
    ...(grammarEvaluationState ? { grammarEvaluationState } : {}),
  })) {
    if (sequence.model.isEogToken(token)) break;
    generated += 1;
    if (generated === 1) firstTokenSec = (performance.now() - started) / 1000;
    if (generated === tokens) break;
  }
  return { generated, firstTokenSec, totalSec: (performance.now() - started) / 1000 };
}
