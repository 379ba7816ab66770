import { RED_FLAG_GROUP_LABEL, RED_FLAG_INFO, type RedFlagAnswers, type RedFlagGroup } from "@/lib/domain/red-flags";
import { CheckboxField } from "./fields";

const GROUPS: RedFlagGroup[] = ["dvt", "achilles", "atypical"];

/**
 * The red-flag screen's checkboxes, grouped (possible DVT, possible Achilles rupture, not
 * typical of a strain). A ticked box is a positive finding; each is named by its item code.
 */
export function RedFlagFields({ idPrefix, answers }: { idPrefix: string; answers?: RedFlagAnswers }) {
  return (
    <div className="flex flex-col gap-3" data-testid="red-flag-fields">
      <p className="text-sm text-muted">Tick what is present. Any ticked item means: refer before loading, and no progression until the clearance is recorded.</p>
      {GROUPS.map((group) => (
        <fieldset key={group} className="flex flex-col gap-1">
          <legend className="text-sm font-semibold">{RED_FLAG_GROUP_LABEL[group]}</legend>
          {RED_FLAG_INFO.filter((i) => i.group === group).map((i) => (
            <CheckboxField key={i.item} id={`${idPrefix}-${i.item}`} name={i.item} label={i.label} defaultChecked={answers?.[i.item] === true} />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
