"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function ProgressError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="The progress charts" error={error} reset={reset} />;
}
