// What a section of the options page last did, or why it failed: a polite status line (always present,
// so screen readers hear each change) and an alert while there is an error.
export function SectionStatus({ status, error, errorId }: { status: string | null; error: string | null; errorId?: string }) {
  return (
    <>
      <p class="status" role="status">
        {status ?? ''}
      </p>
      {error ? (
        <p class="error" role="alert" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}
