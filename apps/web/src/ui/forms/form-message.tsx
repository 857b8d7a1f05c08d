/** The form's message that belongs to no single field; announced as soon as it appears. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="form-error">
      {message}
    </p>
  ) : null;
}
