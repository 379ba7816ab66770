"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import { exportLinks, fileNameFromDisposition, type ExportLink } from "@/lib/export/links";
import { saveBlob } from "@/lib/export/save-blob";
import { ReportDialog } from "./report-dialog";

/**
 * Download links for a patient's exports. Each link works as a plain download without
 * JavaScript; with it, the file is fetched first so that "nothing to export yet" (422) or
 * "not found" shows as a message here instead of a broken file in the downloads folder.
 */
export function ExportMenu({ patientId }: { patientId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function download(event: React.MouseEvent<HTMLAnchorElement>, link: ExportLink) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setBusy(link.href);
    setMessage(null);
    try {
      const res = await fetch(link.href, { cache: "no-store" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setMessage(body?.error ?? (res.status === 404 ? "This patient was not found." : "The export could not be made. Please try again."));
        return;
      }
      const name = fileNameFromDisposition(res.headers.get("Content-Disposition")) ?? "export";
      saveBlob(await res.blob(), name);
      setMessage(`Downloaded ${name}.`);
    } catch {
      setMessage("The export could not be downloaded: check the connection and try again.");
    } finally {
      setBusy(null);
    }
  }

  const groups = exportLinks(patientId);
  return (
    <section aria-labelledby="exports-heading" className="rounded-lg border border-line bg-white p-4">
      <h2 id="exports-heading" className="text-lg font-semibold">
        Exports
      </h2>
      <p className="mt-1 text-sm text-muted">Files are named by record number and date, never by the patient&apos;s name. Each download is recorded in the audit log.</p>
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        {groups.map((group) => (
          <div key={group.title}>
            <h3 className="text-sm font-semibold">{group.title}</h3>
            {group.title.startsWith("Progress report") ? (
              <div className="mt-1">
                <ReportDialog patientId={patientId} />
              </div>
            ) : null}
            <ul className="mt-1 flex flex-col gap-1">
              {group.links.map((link) => (
                <li key={link.href}>
                  <a
                    href={link.href}
                    download
                    onClick={(e) => download(e, link)}
                    aria-busy={busy === link.href}
                    className="inline-flex min-h-11 items-center gap-2 rounded-md px-2 text-sm text-accent-strong underline-offset-2 hover:bg-accent-soft hover:underline"
                  >
                    <Download aria-hidden="true" className="size-4" />
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-ink">
        {message}
      </p>
    </section>
  );
}
