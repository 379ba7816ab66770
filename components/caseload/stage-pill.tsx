import styles from "./stage-pill.module.css";

const FILLED = [styles.s0, styles.s1, styles.s2, styles.s3, styles.s4, styles.s5];

/** The stage as a small ladder of six rungs with its name in words. */
export function StagePill({ stage, name }: { stage: number | null; name: string }) {
  const filled = stage === null ? undefined : FILLED[stage];
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span aria-hidden="true" className={filled ? `${styles.ladder} ${filled}` : styles.ladder} />
      <span className="rounded-full border border-accent-soft bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-strong">
        {stage === null ? name : `${stage} ${name}`}
      </span>
    </span>
  );
}
