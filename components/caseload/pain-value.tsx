import { painBand, PAIN_BAND_WORDS } from "@/lib/domain/chart-pain";

const TONE = { safe: "text-safe", caution: "text-caution", stop: "text-stop" } as const;

/** A pain score coloured by the pain-monitoring band, with the band in words (red only for stop). */
export function PainValue({ value, date }: { value: number | null; date?: string | null }) {
  if (value === null) return <span className="text-muted">Not logged</span>;
  const band = painBand(value);
  return (
    <span className={`whitespace-nowrap font-semibold ${TONE[band]}`} title={date ? `Latest pain, ${date}` : undefined} data-pain={value}>
      {value}/10 <span className="text-xs font-normal">{PAIN_BAND_WORDS[band]}</span>
    </span>
  );
}
