"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { CheckinLinkStateDto } from "@/lib/dal/checkin-links";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { momentIn as momentWords } from "@/lib/domain/dates";

type NewLink = { url: string; qrSvg: string; expiresAt: string };

export type CheckinPanelActions = {
  create: () => Promise<ActionResult<NewLink>>;
  revoke: () => Promise<ActionResult<{ revoked: number }>>;
};

const STATUS_WORDS: Record<CheckinLinkStateDto["status"], { text: string; tone: "safe" | "caution" | "stop" | "neutral" }> = {
  live: { text: "Live", tone: "safe" },
  expired: { text: "Expired", tone: "caution" },
  revoked: { text: "Revoked", tone: "stop" },
  none: { text: "No link yet", tone: "neutral" },
};

/**
 * "Runner's check-in" on the patient page: create, revoke (after a confirmation) and
 * reissue the private link of the current episode. The URL and QR code exist only in the
 * answer to "create" (the token is stored nowhere), so they are shown until the page is
 * left; after that, a new link must be made ("reissue"), which stops the old one.
 */
export function CheckinPanel({ state, timeZone, actions }: { state: CheckinLinkStateDto; timeZone: string; actions: CheckinPanelActions }) {
  const [fresh, setFresh] = useState<NewLink | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  const live = state.status === "live";
  const words = STATUS_WORDS[state.status];

  function create() {
    setError(null);
    setCopied(false);
    startTransition(async () => {
      const result = await actions.create();
      if (result.ok) setFresh(result.data);
      else setError(result.error);
    });
  }
  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await actions.revoke();
      setConfirming(false);
      if (result.ok) setFresh(null);
      else setError(result.error);
    });
  }
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError("The browser did not allow copying: select the link and copy it by hand.");
    }
  }

  return (
    <section aria-labelledby="checkin-heading" className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4" data-testid="checkin-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="checkin-heading" className="text-lg font-semibold">
          Runner&apos;s check-in
        </h2>
        <Badge tone={words.tone} data-testid="checkin-status">
          {words.text}
        </Badge>
      </div>
      {!state.canCreate && !live ? (
        <p className="text-sm text-muted">A check-in link belongs to an open injury episode; this runner has none.</p>
      ) : (
        <>
          <p className="text-sm text-muted">
            A private link for the runner&apos;s phone: today&apos;s pain and care, runs and the next morning, with no account. It is valid for {state.linkDays} day
            {state.linkDays === 1 ? "" : "s"} and only one link works at a time.
          </p>
          {state.status !== "none" ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm" data-testid="checkin-facts">
              <dt className="text-muted">Created</dt>
              <dd>
                {momentWords(state.createdAt, timeZone)}
                {state.createdByName ? ` by ${state.createdByName}` : ""}
              </dd>
              {state.status === "revoked" ? (
                <>
                  <dt className="text-muted">Revoked</dt>
                  <dd>
                    {momentWords(state.revokedAt, timeZone)}
                    {state.revokedByName ? ` by ${state.revokedByName}` : ""}
                  </dd>
                </>
              ) : (
                <>
                  <dt className="text-muted">{state.status === "expired" ? "Expired" : "Expires"}</dt>
                  <dd>{momentWords(state.expiresAt, timeZone)}</dd>
                </>
              )}
              <dt className="text-muted">Used</dt>
              <dd data-testid="checkin-use">
                {state.lastEntryAt ? `Last entry on ${momentWords(state.lastEntryAt, timeZone)}` : state.firstUsedAt ? `Opened on ${momentWords(state.firstUsedAt, timeZone)}, no entry yet` : "Not used yet"}
              </dd>
            </dl>
          ) : null}
          {fresh && live ? (
            <div className="flex flex-col gap-2 rounded-md border border-line bg-surface p-3" data-testid="checkin-new-link">
              <p className="text-sm font-semibold">Give this to the runner now: scan the code with their phone, or send the link.</p>
              <div
                role="img"
                aria-label="QR code of the runner's check-in link"
                className="size-48 bg-white [&>svg]:size-full"
                data-testid="checkin-qr"
                // An SVG made on the server by the qrcode package from the link alone (paths only).
                dangerouslySetInnerHTML={{ __html: fresh.qrSvg }}
              />
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor="checkin-url" className="text-sm font-medium">
                  Check-in link
                </label>
                <input id="checkin-url" readOnly value={fresh.url} className="min-h-11 min-w-0 flex-1 rounded-md border border-line bg-white px-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <Button type="button" variant="secondary" onClick={() => void copy(fresh.url)}>
                  Copy link
                </Button>
                {copied ? (
                  <span role="status" className="text-sm text-safe">
                    Copied.
                  </span>
                ) : null}
              </div>
              <p className="text-xs text-muted">The link is shown only now and is not kept: once you leave this page, reissue it to show a code again (the old one then stops working).</p>
            </div>
          ) : live ? (
            <p className="text-sm text-muted">The link and its QR code were shown when it was made and are not kept. To show a code again, reissue it: the old link stops working.</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            {state.canCreate ? (
              <Button type="button" variant={live ? "secondary" : "primary"} disabled={pending} onClick={create}>
                {live ? "Reissue link" : state.status === "none" ? "Create check-in link" : "Create a new link"}
              </Button>
            ) : null}
            {live && !confirming ? (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
                Revoke link
              </Button>
            ) : null}
          </div>
          {live && confirming ? (
            <div role="group" aria-label="Confirm revoking" className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
              <span>The runner will no longer be able to check in with this link. Revoke it?</span>
              <Button type="button" disabled={pending} onClick={revoke}>
                Yes, revoke
              </Button>
              <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </div>
          ) : null}
        </>
      )}
      {error ? (
        <p role="alert" className="text-sm text-stop">
          {error}
        </p>
      ) : null}
    </section>
  );
}
