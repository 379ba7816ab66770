import { cn } from "@/lib/cn";

type Tone = "neutral" | "accent" | "safe" | "caution" | "stop";
const TONES: Record<Tone, string> = {
  neutral: "bg-surface text-ink border-line",
  accent: "bg-accent-soft text-accent-strong border-accent-soft",
  safe: "bg-green-50 text-safe border-green-200",
  caution: "bg-amber-50 text-caution border-amber-200",
  stop: "bg-red-50 text-stop border-red-200",
};

export function Badge({ tone = "neutral", className, ...props }: React.HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return <span className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold", TONES[tone], className)} {...props} />;
}
