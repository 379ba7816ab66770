"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function ClinicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="This page" error={error} reset={reset} />;
}
