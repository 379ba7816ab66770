"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

/** Archive (keeps every record, leaves the caseload and lists) or restore. */
export function ArchiveToggle({ archived, action }: { archived: boolean; action: (archive: boolean) => Promise<ActionResult> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setMessage(null);
    try {
      const result = await action(!archived);
      if (result.ok) router.refresh();
      else setMessage(result.error);
    } catch {
      setMessage("The change did not reach the server. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-muted">
        {archived
          ? "This patient is archived: off the caseload and the patient list, with every record kept."
          : "Archiving takes the patient off the caseload and the patient list. Every record is kept and can be restored."}
      </p>
      <div>
        <Button type="button" variant="secondary" onClick={toggle} disabled={pending}>
          {archived ? "Restore patient" : "Archive patient"}
        </Button>
      </div>
      {message ? (
        <p role="alert" className="text-sm text-stop">
          {message}
        </p>
      ) : null}
    </div>
  );
}
