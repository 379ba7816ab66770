import type { Metadata } from "next";
import { getClinicProtocol } from "@/lib/dal/protocol";
import { describeStages } from "@/lib/domain/protocol";
import { ProtocolForm } from "@/components/return-to-run/protocol-form";
import { saveProtocolAction } from "./actions";

export const metadata: Metadata = { title: "Return-to-run protocol" };

export default async function ProtocolPage() {
  const protocol = await getClinicProtocol();
  const stages = describeStages(protocol.settings);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Return-to-run protocol</h1>
      <p className="text-muted">
        {protocol.version === 0
          ? "This clinic uses the default thresholds."
          : `Edited ${protocol.updatedAt?.slice(0, 10) ?? ""}${protocol.updatedBy ? ` by ${protocol.updatedBy}` : ""} (version ${protocol.version}).`}{" "}
        Saving applies the thresholds to every patient of the clinic at once; each change is recorded in the audit log.
      </p>
      <section aria-labelledby="stages-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="stages-heading" className="text-lg font-semibold">
          Stages
        </h2>
        <ol className="mt-2 flex flex-col gap-2 text-sm">
          {stages.map((s) => (
            <li key={s.stage}>
              <span className="font-semibold">
                {s.stage} {s.name}:
              </span>{" "}
              {s.description} <span className="text-muted">To progress: {s.toProgress}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="thresholds-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="thresholds-heading" className="mb-3 text-lg font-semibold">
          Thresholds
        </h2>
        <ProtocolForm protocol={protocol} action={saveProtocolAction} />
      </section>
    </div>
  );
}
