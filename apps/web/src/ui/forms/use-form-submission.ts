'use client';

import { useState, type FormEvent } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { describeProblem, type FieldMessages, type ProblemDescription } from './describe-problem';
import { useErrorText } from './use-problem-message';

const noProblem: ProblemDescription = { fieldErrors: {}, message: undefined };

/**
 * Runs a form's submit action once at a time and turns its failure into messages for the form:
 * one per field it names, and one for the rest. `fields` are the names the form shows. An action
 * that answers 'navigating' keeps the submit button disabled until the next page replaces the form.
 */
export function useFormSubmission(
  fields: readonly string[],
  action: () => Promise<'navigating' | void>,
  formMessages?: FieldMessages,
) {
  const errorText = useErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<ProblemDescription>(noProblem);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    setSubmitting(true);
    setProblem(noProblem);
    try {
      if ((await action()) === 'navigating') return;
    } catch (error) {
      if (error instanceof SessionExpired) return;
      const described = describeProblem(
        error instanceof ApiProblem ? error : unexpectedProblem(error),
        fields,
        errorText,
        formMessages,
      );
      setProblem(described);
      focusFirstInvalidField(form, fields, described);
    }
    setSubmitting(false);
  };

  return { submitting, fieldErrors: problem.fieldErrors, message: problem.message, onSubmit };
}

// Moves keyboard and screen reader users straight to what needs fixing.
function focusFirstInvalidField(
  form: HTMLFormElement,
  fields: readonly string[],
  problem: ProblemDescription,
) {
  const first = fields.find((field) => field in problem.fieldErrors);
  // By id: a Radix select submits through a hidden native select of that name, but its trigger has the id.
  const element = first ? form.querySelector(`#${CSS.escape(first)}`) : null;
  // After React has rendered the error, so the field is announced together with its message.
  if (element instanceof HTMLElement) requestAnimationFrame(() => element.focus());
}
