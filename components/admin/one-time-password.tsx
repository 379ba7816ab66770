export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-md border border-accent bg-accent-soft p-3 text-sm">
      One-time password for <strong>{email}</strong>:{" "}
      <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="one-time-password">
        {password}
      </code>
      <span className="block text-muted">Give it to them in person. It is shown only now, and must be changed at first sign-in.</span>
    </div>
  );
}
