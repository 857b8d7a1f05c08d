/** One stretch of speech, with times in seconds from the start of the audio given to the provider. */
export interface SpeechSegment {
  start: number;
  end: number;
  text: string;
  speaker?: string;
  /** Decoder detail, from engines that report it (whisper.cpp): the token ids, special ones included… */
  tokens?: number[];
  /** …and the mean natural-log probability of the text tokens, Whisper's own confidence measure. */
  avgLogprob?: number;
}

export interface Transcript {
  language: string | undefined;
  segments: SpeechSegment[];
}

/** 16 kHz mono WAV on local disk: what every engine and API accepts. */
export interface AudioFile {
  path: string;
  durationSec: number;
}

export interface SpeechToText {
  readonly name: string;
  transcribe(
    audio: AudioFile,
    options: { language?: string; prompt?: string; signal?: AbortSignal },
  ): Promise<Transcript>;
}
